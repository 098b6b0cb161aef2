using System.IO.Compression;
using Modelwatch.Import.Catalog;
using Modelwatch.Import.Catalog.ModelsDev;
using Modelwatch.Testing;

namespace Modelwatch.Import.Tests.Catalog.ModelsDev;

/// <summary>Which inputs are read, and which cannot be read at all (the source then shows as failing).</summary>
public class ModelsDevInputTests
{
    [Fact]
    public void A_plain_tar_reads_like_the_gzipped_one()
    {
        var gzipped = ModelsDevData.Batch();
        using var temp = new TempDirectory();
        var tar = temp.File("models.dev.tar");
        using (var gzip = new GZipStream(File.OpenRead(SharedData.File(ModelsDevData.RelativePath)), CompressionMode.Decompress))
        using (var file = File.Create(tar))
        {
            gzip.CopyTo(file);
        }

        var plain = ModelsDevData.Read(tar);

        Assert.Equal(ModelsDevData.Content(gzipped), ModelsDevData.Content(plain));
        Assert.Equal(gzipped.SourceVersion, plain.SourceVersion);
    }

    [Fact]
    public void A_truncated_tarball_cannot_be_read()
    {
        var bytes = File.ReadAllBytes(SharedData.File(ModelsDevData.RelativePath));
        using var temp = new TempDirectory();
        var path = temp.File("models.dev-toml.tar.gz");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<CatalogSourceException>(() => ModelsDevData.Read(path));

        Assert.Contains("models.dev-toml.tar.gz", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("model,price\ngpt-5,1.25\n", "neither gzip, tar nor a JSON object")]
    [InlineData("{ \"openai\": { \"models\": { ", "not valid JSON at line 1")]
    [InlineData("{}", "found an empty object")]
    public void Empty_unknown_or_broken_files_cannot_be_read(string content, string expected)
    {
        using var temp = new TempDirectory();
        var path = temp.File("input");
        File.WriteAllText(path, content);

        var error = Assert.Throws<CatalogSourceException>(() => ModelsDevData.Read(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_file_that_is_not_a_tar_archive_cannot_be_read()
    {
        using var temp = new TempDirectory();
        var path = temp.File("api.json.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write("{\"openai\": {}}"u8);
        }

        var error = Assert.Throws<CatalogSourceException>(() => ModelsDevData.Read(path));

        Assert.StartsWith("api.json.gz: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_importer_names_its_source() => Assert.Equal("models.dev", new ModelsDevImporter().Source);
}
