using Modelwatch.Core.Catalog;
using Modelwatch.Data.Catalog.Store;
using Modelwatch.Data.Votes;
using Modelwatch.Import.Catalog;

namespace Modelwatch.Testing.Database;

/// <summary>
/// The real data the web and browser tests look at: the 140k arena votes as dataset <see cref="VotesDataset"/> and
/// the seven catalog fixtures of <c>../shared/data/catalog</c> and <c>lmarena-published</c>, imported through the
/// same store code the apps use. Skips (with the reason) when <c>../shared</c> is absent.
/// </summary>
public static class SeededData
{
    /// <summary>The name the 140k votes are stored under.</summary>
    public const string VotesDataset = "arena-140k";

    /// <summary>The publish date given to LMArena's board file, which does not state one.</summary>
    public static readonly DateOnly CatalogAsOf = new(2025, 12, 1);

    /// <summary>The 140k votes file.</summary>
    public static string VotesFile => SharedData.File("data/arena/arena-human-preference-140k/battles.csv.gz");

    /// <summary>Each catalog source with its fixture, in the order a person would import them.</summary>
    public static IReadOnlyList<(string Source, string Path)> CatalogFixtures() =>
    [
        (CatalogSources.ModelsDev, SharedData.File("data/catalog/models.dev-toml.tar.gz")),
        (CatalogSources.LlmStats, SharedData.File("data/catalog/llm-stats-LLMStats-json.tar.gz")),
        (CatalogSources.OpenRouter, SharedData.File("data/catalog/openrouter-api-v1-models.2026-08-01.excerpt.json")),
        (CatalogSources.LmArena, Path.GetDirectoryName(SharedData.File("data/arena/lmarena-published/leaderboard-text.json"))!),
        (CatalogSources.GenAiPrices, SharedData.File("data/catalog/genai-prices-data.json")),
        (CatalogSources.LiteLlm, SharedData.File("data/catalog/litellm-model_prices_and_context_window.json")),
        (CatalogSources.Aider, SharedData.File("data/catalog/aider-polyglot_leaderboard.yml")),
    ];

    /// <summary>Imports the votes and every catalog fixture into <paramref name="contexts"/>' database.</summary>
    public static async Task ImportAllAsync(ModelwatchContextFactory contexts, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var votesFile = VotesFile;
        var fixtures = CatalogFixtures();
        await using (var db = contexts.CreateDbContext())
        {
            await new VoteStore(db, time).ImportAsync(votesFile, VotesDataset, ct: ct);
        }

        var importers = CatalogImporters.CreateDefault(time, CatalogAsOf);
        foreach (var (source, path) in fixtures)
        {
            using var input = CatalogInput.FromPath(path);
            var batch = importers.Find(source)!.Read(input, ct);
            await using var db = contexts.CreateDbContext();
            await CatalogImport.ApplyAsync(db, time, batch, null, ct);
        }
    }
}
