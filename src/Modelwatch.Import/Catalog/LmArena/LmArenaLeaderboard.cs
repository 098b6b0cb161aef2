using System.Text.Json;
using System.Text.RegularExpressions;
using Modelwatch.Core.Catalog;
using Modelwatch.Core.Ratings;
using Modelwatch.Import.Catalog.Common;

namespace Modelwatch.Import.Catalog.LmArena;

/// <summary>
/// LMArena's published leaderboard JSON, <c>{category: {arena key: {rating, rating_q025, rating_q975}}}</c>: one entry
/// per category and key, with the 95% interval and LMArena's displayed rank (<see cref="Ranking.FromIntervals"/>:
/// 1 + the models whose lower bound is above this one's upper bound), computed per category.
/// </summary>
internal static partial class LmArenaLeaderboard
{
    /// <summary>The board a file holds: <c>leaderboard-vision.json</c> → <c>lmarena-vision</c>; the text arena otherwise.</summary>
    public static string BoardName(string path) =>
        BoardInName().Match(Path.GetFileName(path)) is { Success: true } m ? "lmarena-" + m.Groups["board"].Value.ToLowerInvariant() : "lmarena-text";

    /// <summary>Reads the entries; every key seen, in first-seen order, goes to <paramref name="keys"/>.</summary>
    public static List<SourceLeaderboardEntry> Read(JsonElement root, string file, string board, DateOnly publishedOn, List<string> keys, List<RecordProblem> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CatalogSourceException($"{file}: not an LMArena leaderboard; expected an object {{category: {{model: {{rating, rating_q025, rating_q975}}}}}}, found {JsonFields.Describe(root)}.");
        }

        var entries = new List<SourceLeaderboardEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in root.EnumerateObject())
        {
            var location = $"{file} $[\"{category.Name}\"]";
            if (category.Value.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new RecordProblem(location, $"category \"{category.Name}\" is {JsonFields.Describe(category.Value)}; expected an object of models. The category is skipped."));
                continue;
            }

            var rows = new List<SourceLeaderboardEntry>();
            foreach (var model in category.Value.EnumerateObject())
            {
                var row = Row(model, category.Name, $"{location}[\"{model.Name}\"]", board, publishedOn, problems);
                if (row is null)
                {
                    continue;
                }

                rows.Add(row);
                if (seen.Add(model.Name))
                {
                    keys.Add(model.Name);
                }
            }

            entries.AddRange(WithRanks(rows));
        }

        return entries;
    }

    /// <summary>Ranks the rows that have both bounds; a row without them is kept unranked.</summary>
    internal static IEnumerable<SourceLeaderboardEntry> WithRanks(List<SourceLeaderboardEntry> rows)
    {
        var bounded = rows.Where(r => r.Lower is not null && r.Upper is not null).ToList();
        var ranks = Ranking.FromIntervals(
            bounded.Select(r => r.Lower!.Value).ToArray(),
            bounded.Select(r => r.Upper!.Value).ToArray());
        var rankOf = new Dictionary<SourceLeaderboardEntry, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < bounded.Count; i++)
        {
            rankOf[bounded[i]] = ranks[i];
        }

        return rows.Select(r => rankOf.TryGetValue(r, out var rank) ? r with { Rank = rank } : r);
    }

    private static SourceLeaderboardEntry? Row(JsonProperty model, string category, string location, string board, DateOnly publishedOn, List<RecordProblem> problems)
    {
        var record = $"\"{model.Name}\" in category \"{category}\"";
        if (model.Value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new RecordProblem(location, $"{record} is {JsonFields.Describe(model.Value)}; expected {{rating, rating_q025, rating_q975}}. The row is skipped."));
            return null;
        }

        var fields = new JsonFields(model.Value, location, record, problems);
        if (fields.Double("rating") is not { } rating)
        {
            if (!fields.Has("rating") || model.Value.GetProperty("rating").ValueKind == JsonValueKind.Null)
            {
                fields.Problem("rating", "is missing; expected a number. The row is skipped");
            }

            return null;
        }

        var lower = fields.Double("rating_q025");
        var upper = fields.Double("rating_q975");
        if (lower > upper)
        {
            fields.Problem("rating_q025", FormattableString.Invariant($"({lower}) is above rating_q975 ({upper}); expected a lower and an upper bound. The interval is dropped"));
            (lower, upper) = (null, null);
        }

        return new SourceLeaderboardEntry(board, category, publishedOn, model.Name, rating) { Lower = lower, Upper = upper };
    }

    [GeneratedRegex("leaderboard[-_](?<board>[A-Za-z]+)", RegexOptions.CultureInvariant)]
    private static partial Regex BoardInName();
}
