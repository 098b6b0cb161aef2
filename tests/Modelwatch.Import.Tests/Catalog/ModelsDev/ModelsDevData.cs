using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog;
using Modelwatch.Import.Catalog.ModelsDev;
using Modelwatch.Testing;

namespace Modelwatch.Import.Tests.Catalog.ModelsDev;

/// <summary>The models.dev fixture (a <c>git archive</c> of anomalyco/models.dev at f3fc6922) and helpers around it.</summary>
internal static class ModelsDevData
{
    public const string RelativePath = "data/catalog/models.dev-toml.tar.gz";

    private static readonly Lazy<CatalogBatch> Tarball = new(() => Read(SharedData.File(RelativePath)));

    /// <summary>The fixture's batch, read once for the tests that only look at it.</summary>
    public static CatalogBatch Batch()
    {
        SharedData.File(RelativePath);
        return Tarball.Value;
    }

    public static CatalogBatch Read(string path) =>
        new ModelsDevImporter().Read(CatalogInput.FromPath(path), TestContext.Current.CancellationToken);

    /// <summary>Unpacks the fixture into <paramref name="directory"/> (links stay links); returns the tree root, <c>models.dev/</c>.</summary>
    public static string Extract(string directory)
    {
        using (var gzip = new GZipStream(File.OpenRead(SharedData.File(RelativePath)), CompressionMode.Decompress))
        {
            TarFile.ExtractToDirectory(gzip, directory, overwriteFiles: false);
        }

        return Path.Combine(directory, "models.dev");
    }

    /// <summary>Everything the batch says, as JSON, so two batches compare by value (records compare lists by reference).</summary>
    public static string Content(CatalogBatch batch) => JsonSerializer.Serialize(new
    {
        batch.Models,
        batch.Offerings,
        batch.Providers,
        batch.BenchmarkScores,
        batch.Problems,
    });

    public static SourceOffering Offering(this CatalogBatch batch, string provider, string id) =>
        Assert.Single(batch.Offerings, o => o.Provider == provider && o.ProviderModelId == id);

    public static SourceModel Model(this CatalogBatch batch, string externalId) =>
        Assert.Single(batch.Models, m => m.ExternalId == externalId);
}
