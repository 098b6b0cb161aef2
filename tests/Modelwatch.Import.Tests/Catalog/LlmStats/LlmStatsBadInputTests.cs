using System.Formats.Tar;
using Modelwatch.Import.Catalog;
using Modelwatch.Import.Catalog.LlmStats;
using Modelwatch.Testing;
using static Modelwatch.Import.Tests.Catalog.CatalogFixtures;

namespace Modelwatch.Import.Tests.Catalog.LlmStats;

/// <summary>One broken model file is one bad record; an archive that cannot be read fails the source.</summary>
public sealed class LlmStatsBadInputTests
{
    private static readonly LlmStatsImporter Importer = new();

    [Fact]
    public void A_broken_model_file_and_a_bad_field_are_reported_and_the_rest_is_read()
    {
        using var dir = new TempDirectory();
        TarFile.ExtractToDirectory(LlmStatsImporterTests.Decompressed(SharedData.File(LlmStatsFile)), dir.Path, overwriteFiles: false);
        var models = Path.Combine(dir.Path, "llm-stats", "models");
        var grok = Path.Combine(models, "xai", "grok-3", "model.json");
        File.WriteAllText(grok, File.ReadAllText(grok)[..200]);
        var qwq = Path.Combine(models, "qwen", "qwq-32b", "model.json");
        File.WriteAllText(qwq, File.ReadAllText(qwq).Replace("\"param_count\": 32500000000", "\"param_count\": \"32.5B\"", StringComparison.Ordinal));
        using var input = CatalogInput.FromPath(dir.Path);

        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        Assert.Equal(2 + 2, batch.Problems.Count); // the two o1-pro dates of the real tree, and these two
        var broken = Single(batch.Problems, p => p.Location == "models/xai/grok-3/model.json", "problem");
        Assert.StartsWith("models/xai/grok-3/model.json:", broken.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", broken.Message, StringComparison.Ordinal);
        Assert.Contains("The file is skipped", broken.Message, StringComparison.Ordinal);
        var param = Single(batch.Problems, p => p.Location == "models/qwen/qwq-32b/model.json $.param_count", "problem");
        Assert.Contains("model \"qwen/qwq-32b\": param_count is the string \"32.5B\"; expected a whole number", param.Message, StringComparison.Ordinal);

        Assert.Equal(125, batch.Models.Count);
        Assert.DoesNotContain(batch.Models, m => m.ExternalId == "xai/grok-3");
        var qwen = Model(batch, "qwen/qwq-32b");
        Assert.Null(qwen.TotalParameters);
        Assert.Equal("Apache-2.0", qwen.LicenceId);

        // Offerings of the lost model still come, under the bare LLMStats id (nothing is silently dropped).
        Assert.Contains(batch.Offerings, o => o.Provider == "xai" && o.ProviderModelId == "grok-3" && o.ModelRef == "grok-3");
    }

    [Fact]
    public void A_truncated_tarball_fails_with_its_name()
    {
        using var dir = new TempDirectory();
        var bytes = File.ReadAllBytes(SharedData.File(LlmStatsFile));
        var path = dir.File("llm-stats.tar.gz");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        using var input = CatalogInput.FromPath(path);

        var e = Assert.Throws<CatalogSourceException>(() => Importer.Read(input, TestContext.Current.CancellationToken));
        Assert.StartsWith("llm-stats.tar.gz: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_no_archive_fails()
    {
        using var dir = new TempDirectory();
        var path = dir.File("models.tar.gz");
        File.WriteAllText(path, "{\"models\": []}");
        using var input = CatalogInput.FromPath(path);

        var e = Assert.Throws<CatalogSourceException>(() => Importer.Read(input, TestContext.Current.CancellationToken));
        Assert.StartsWith("models.tar.gz: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_without_model_files_fails()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("README.md"), "# nothing");
        using var input = CatalogInput.FromPath(dir.Path);

        var e = Assert.Throws<CatalogSourceException>(() => Importer.Read(input, TestContext.Current.CancellationToken));
        Assert.Contains("no models/<org>/<id>/model.json inside", e.Message, StringComparison.Ordinal);
    }
}
