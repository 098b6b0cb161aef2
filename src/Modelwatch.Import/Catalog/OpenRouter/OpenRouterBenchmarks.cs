using System.Text.Json;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog.Common;

namespace Modelwatch.Import.Catalog.OpenRouter;

/// <summary>
/// The newer schema's <c>benchmarks</c>: Artificial Analysis indices (independent measurements, 0–100) become
/// benchmark scores; Design Arena entries (an Elo and a published rank per arena and category) become leaderboard
/// entries, because like LMArena's they are relative ratings that drift and mean something only per board,
/// category and date. Design Arena's win rate has no place and is not kept.
/// </summary>
internal static class OpenRouterBenchmarks
{
    public const string ArtificialAnalysisUrl = "https://artificialanalysis.ai/";

    private static readonly Dictionary<string, string> IndexNames = new(StringComparer.Ordinal)
    {
        ["intelligence_index"] = "Artificial Analysis Intelligence Index",
        ["coding_index"] = "Artificial Analysis Coding Index",
        ["agentic_index"] = "Artificial Analysis Agentic Index",
    };

    public static void Read(JsonFields fields, string modelRef, DateOnly asOf, List<SourceBenchmarkScore> scores, List<SourceLeaderboardEntry> entries)
    {
        var benchmarks = fields.Object("benchmarks");
        if (benchmarks is null)
        {
            return;
        }

        if (benchmarks.Object("artificial_analysis") is { } aa)
        {
            foreach (var property in aa.Element.EnumerateObject())
            {
                if (aa.Double(property.Name) is not { } score)
                {
                    continue; // null: not measured (a wrong type was reported)
                }

                var name = IndexNames.GetValueOrDefault(property.Name) ?? "Artificial Analysis " + property.Name;
                scores.Add(new SourceBenchmarkScore(modelRef, name, score)
                {
                    Metric = "index (0-100)",
                    SourceUrl = ArtificialAnalysisUrl,
                    SelfReported = false,
                    AsOf = asOf,
                });
            }
        }

        if (benchmarks.Array("design_arena") is not { } arena)
        {
            return;
        }

        var index = 0;
        foreach (var item in arena.EnumerateArray())
        {
            var entry = benchmarks.Item("design_arena", index++, item);
            if (item.ValueKind != JsonValueKind.Object)
            {
                benchmarks.Problem(FormattableString.Invariant($"design_arena[{index - 1}]"), item, "an object with arena, category, elo and rank");
                continue;
            }

            var board = entry.Text("arena");
            var category = entry.Text("category");
            var elo = entry.Double("elo");
            if (board is null || category is null || elo is null)
            {
                var missing = board is null ? "arena" : category is null ? "category" : "elo";
                entry.Problem(missing, "is missing or unreadable; a Design Arena entry needs arena, category and elo. The entry is skipped");
                continue;
            }

            entries.Add(new SourceLeaderboardEntry("design-arena-" + board.ToLowerInvariant(), category, asOf, modelRef, elo.Value)
            {
                Rank = entry.Int32("rank"),
            });
        }
    }
}
