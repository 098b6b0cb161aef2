using Modelwatch.Core.Catalog;
using Modelwatch.Testing;

namespace Modelwatch.Import.Tests.Catalog;

/// <summary>The real catalog files in ../shared, and small helpers for the importer tests.</summary>
internal static class CatalogFixtures
{
    public const string OpenRouterFile = "data/catalog/openrouter-api-v1-models.2026-08-01.excerpt.json";
    public const string AiderFile = "data/catalog/aider-polyglot_leaderboard.yml";
    public const string LlmStatsFile = "data/catalog/llm-stats-LLMStats-json.tar.gz";
    public const string LmArenaLeaderboardFile = "data/arena/lmarena-published/leaderboard-text.json";
    public const string LmArenaModelMapFile = "data/arena/lmarena-published/scatterplot-data.json";
    public const string ArenaHardFile = "data/arena/lmarena-published/arena-hard-auto_leaderboard_20240731.csv";

    /// <summary>The shared folder holding LMArena's published files.</summary>
    public static string LmArenaDirectory => Path.GetDirectoryName(SharedData.File(LmArenaLeaderboardFile))!;

    public static Import.Catalog.CatalogInput Input(string relative) => Import.Catalog.CatalogInput.FromPath(SharedData.File(relative));

    public static T Single<T>(IEnumerable<T> items, Func<T, bool> predicate, string what)
    {
        var found = items.Where(predicate).ToList();
        Assert.True(found.Count == 1, $"expected exactly one {what}, found {found.Count}");
        return found[0];
    }

    public static SourceModel Model(CatalogBatch batch, string externalId) => Single(batch.Models, m => m.ExternalId == externalId, $"model {externalId}");
}

/// <summary>A clock stopped at one instant.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
