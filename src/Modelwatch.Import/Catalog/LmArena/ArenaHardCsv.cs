using System.Globalization;
using System.Text;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog.Common;

namespace Modelwatch.Import.Catalog.LmArena;

/// <summary>
/// Arena-Hard-Auto's leaderboard CSV (<c>model,score,rating_q025,rating_q975,CI,avg_tokens,date</c>): win rate in
/// percent against the baseline model with its 95% interval, one board per date. Ranks follow the same interval
/// rule as LMArena's. <c>avg_tokens</c> (answer length) has no place in the catalog and is not kept.
/// </summary>
internal static class ArenaHardCsv
{
    public const string Board = "arena-hard-auto";

    public const string Category = "full";

    private static readonly string[] Required = ["model", "score", "rating_q025", "rating_q975", "date"];

    public static List<SourceLeaderboardEntry> Read(string path, string file, List<RecordProblem> problems)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogSourceException($"{file}: could not be read ({e.Message}).", e);
        }

        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0]))
        {
            throw new CatalogSourceException($"{file}:1: empty; expected a header {string.Join(',', Required)},….");
        }

        var header = CsvLine.Split(lines[0]).Select(h => h.Trim()).ToList();
        var missing = Required.Where(r => !header.Contains(r, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new CatalogSourceException($"{file}:1: not an Arena-Hard-Auto leaderboard; the header lacks {string.Join(", ", missing)} (found {lines[0].Trim()}).");
        }

        int model = header.IndexOf("model"), score = header.IndexOf("score"), lower = header.IndexOf("rating_q025"),
            upper = header.IndexOf("rating_q975"), date = header.IndexOf("date");
        var rows = new List<SourceLeaderboardEntry>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var location = FormattableString.Invariant($"{file}:{i + 1}");
            var cells = CsvLine.Split(lines[i]);
            if (cells.Count != header.Count)
            {
                problems.Add(new RecordProblem(location, FormattableString.Invariant($"has {cells.Count} fields; expected {header.Count} like the header. The row is skipped.")));
                continue;
            }

            var name = cells[model].Trim();
            var value = Number(cells[score]);
            var low = Number(cells[lower]);
            var high = Number(cells[upper]);
            DateOnly? on = DateOnly.TryParseExact(cells[date].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            var problem =
                name.Length == 0 ? "model is empty; expected the model's name"
                : value is null ? $"score is \"{cells[score]}\"; expected a number"
                : low is null ? $"rating_q025 is \"{cells[lower]}\"; expected a number"
                : high is null ? $"rating_q975 is \"{cells[upper]}\"; expected a number"
                : low > high ? $"rating_q025 ({cells[lower]}) is above rating_q975 ({cells[upper]}); expected a lower and an upper bound"
                : on is null ? $"date is \"{cells[date]}\"; expected yyyy-MM-dd"
                : null;
            if (problem is not null)
            {
                problems.Add(new RecordProblem(location, $"{(name.Length > 0 ? $"model \"{name}\": " : "")}{problem}. The row is skipped."));
                continue;
            }

            rows.Add(new SourceLeaderboardEntry(Board, Category, on!.Value, name, value!.Value) { Lower = low, Upper = high });
        }

        // Each date is its own board: ranks compare rows published together.
        return rows.GroupBy(r => r.PublishedOn).SelectMany(g => LmArenaLeaderboard.WithRanks(g.ToList())).ToList();
    }

    private static double? Number(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
