using System.Globalization;
using Modelwatch.Core.Catalog;
using Modelwatch.Data;
using Modelwatch.Import.Catalog;
using Modelwatch.Testing;

namespace Modelwatch.Cli.Tests.Catalog;

/// <summary>
/// Runs <c>modelwatch catalog …</c> in-process against a temporary SQLite file, with stand-in importers that turn a
/// small text file into a hand-made batch (the real importers are tested on the real fixtures in their own projects).
/// </summary>
internal sealed class CatalogCli : IDisposable
{
    private readonly TempDirectory _folder = new();

    public CatalogCli(params ICatalogImporter[] importers)
        : this(new CatalogImporters(importers.Length > 0 ? importers : [Stand.ModelsDev, Stand.LlmStats]))
    {
    }

    private CatalogCli(CatalogImporters? importers)
    {
        Importers = importers;
        DatabaseFile = _folder.File("catalog.db");
    }

    /// <summary>Stand-in importers, or null for the ones the product ships.</summary>
    public CatalogImporters? Importers { get; }

    public string DatabaseFile { get; }

    /// <summary>The CLI with the real importers, for runs on the real fixtures.</summary>
    public static CatalogCli WithShippedImporters() => new((CatalogImporters?)null);

    /// <summary>Writes <paramref name="text"/> to a file in the temp folder and returns its path.</summary>
    public string File(string name, string text)
    {
        var path = _folder.File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var importers = Importers;
        var context = new CliContext(output, error, TimeProvider.System) { Importers = importers is null ? null : _ => importers };
        var code = await CliApp.RunAsync([.. args, "--database", DatabaseFile], context, TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public async Task<ModelwatchDbContext> OpenAsync() =>
        (await ModelwatchDatabase.OpenAsync(DatabaseOptions.Sqlite(DatabaseFile), TestContext.Current.CancellationToken)).CreateDbContext();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

/// <summary>An importer whose batch is made by a function of the input file's text.</summary>
internal sealed class StandInImporter(string source, Func<string, CatalogBatch> read) : ICatalogImporter
{
    public string Source => source;

    public CatalogBatch Read(CatalogInput input, CancellationToken ct = default)
    {
        var text = System.IO.File.ReadAllText(input.Path).Trim();
        return read(text) with { Location = input.Location };
    }
}

/// <summary>Stand-in sources. models.dev: the file holds GPT-4o's input price; LLMStats: the file holds Llama's context window.</summary>
internal static class Stand
{
    public static StandInImporter ModelsDev { get; } = new(CatalogSources.ModelsDev, text => new CatalogBatch(CatalogSources.ModelsDev, "")
    {
        Models =
        [
            new SourceModel("openai/gpt-4o") { CanonicalId = "openai/gpt-4o", DisplayName = "GPT-4o", Licence = LicenceClass.Proprietary, ContextWindow = 128_000, MaxOutputTokens = 16_384 },
            new SourceModel("meta/llama-3.1-70b-instruct")
            {
                CanonicalId = "meta/llama-3.1-70b-instruct", DisplayName = "Llama 3.1 70B Instruct", Licence = LicenceClass.OpenWeights, LicenceId = "llama3.1", ContextWindow = 131_072,
            },
        ],
        Offerings =
        [
            new SourceOffering("openai", "gpt-4o", "openai/gpt-4o")
            {
                CanonicalId = "openai/gpt-4o",
                Prices = [new PricePeriod(null, new TokenPrices { Input = decimal.Parse(text, CultureInfo.InvariantCulture), Output = 10m })],
            },
        ],
        Problems = [new RecordProblem("providers/broken/models/x.toml", "not TOML: expected '=' at line 3")],
    });

    public static StandInImporter LlmStats { get; } = new(CatalogSources.LlmStats, text => new CatalogBatch(CatalogSources.LlmStats, "")
    {
        Models =
        [
            new SourceModel("meta/llama-3.1-70b-instruct")
            {
                DisplayName = "Llama 3.1 70B", LicenceId = "Llama 3.1 Community License", TotalParameters = 70_600_000_000,
                ContextWindow = int.Parse(text, CultureInfo.InvariantCulture),
            },
        ],
    });
}
