using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;
using Modelwatch.Core.Votes;
using Modelwatch.Data;
using Modelwatch.Data.Catalog;
using Modelwatch.Web.Features.Leaderboard;

namespace Modelwatch.Web.Features.Benchmarks;

/// <summary>One cell: a model's newest score on a benchmark, with where it comes from.</summary>
public sealed record BenchmarkCell(double Score, string Source, string? SourceUrl, DateOnly? AsOf, bool? SelfReported, string Variant);

/// <summary>One model's row: its arena rating on our board (null when no vote names it) and a cell per benchmark it has a score on.</summary>
public sealed record BenchmarkRow(string ModelId, string Name, string Lab, LicenceClass Licence, double? ArenaRating, string? ArenaVoteName, IReadOnlyDictionary<string, BenchmarkCell> Scores);

/// <summary>A page of the table: the columns (benchmark names, most-scored first) and the rows sorted as asked.</summary>
public sealed record BenchmarkTablePage(string? Dataset, IReadOnlyList<string> Benchmarks, string Sort, bool Descending, int Page, int PageSize, int Total, IReadOnlyList<BenchmarkRow> Rows);

/// <summary>
/// The benchmarks table: one row per catalog model, one column per benchmark any importer stored (LLMStats, Aider,
/// Arena-Hard, …) plus the rating on our own arena board. A cell holds the newest score of that (model, benchmark):
/// the latest as-of date, then the default setting (no variant) over a named one, then the latest import.
/// </summary>
public sealed class BenchmarkTable(ModelwatchDbContext db, LeaderboardService boards, ArenaModelLinks links)
{
    /// <summary>The sort key of the arena column; any other key but <see cref="ByModel"/> is a benchmark name.</summary>
    public const string ByArena = "arena";

    /// <summary>The sort key of the model column.</summary>
    public const string ByModel = "model";

    /// <summary>The table, filtered, sorted by <paramref name="sort"/> (missing values last either way) and paged.</summary>
    public async Task<BenchmarkTablePage> GetAsync(bool openWeights, string? sort, bool? descending, int page, int pageSize, CancellationToken ct = default)
    {
        var scores = await db.BenchmarkScores.AsNoTracking().Where(s => s.ModelId != null).ToListAsync(ct).ConfigureAwait(false);
        var newest = scores
            .GroupBy(s => (ModelId: s.ModelId!, s.Benchmark))
            .ToDictionary(g => g.Key, g => Newest(g));
        var benchmarks = newest.Keys.GroupBy(k => k.Benchmark, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();

        var (dataset, arena) = await ArenaAsync(ct).ConfigureAwait(false);
        var modelIds = newest.Keys.Select(k => k.ModelId).Concat(arena.Keys).ToHashSet(StringComparer.Ordinal);
        var models = await db.Models.AsNoTracking().Where(m => modelIds.Contains(m.Id))
            .Select(m => new { m.Id, m.DisplayName, m.Lab, m.Licence }).ToListAsync(ct).ConfigureAwait(false);
        var byModel = newest.GroupBy(p => p.Key.ModelId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, BenchmarkCell>)g.ToDictionary(p => p.Key.Benchmark, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        var rows = models
            .Where(m => !openWeights || m.Licence is LicenceClass.OpenWeights or LicenceClass.OpenSource)
            .Select(m => new BenchmarkRow(
                m.Id, m.DisplayName ?? m.Id, m.Lab, m.Licence,
                arena.TryGetValue(m.Id, out var a) ? a.Rating : null, arena.TryGetValue(m.Id, out var b) ? b.VoteName : null,
                byModel.GetValueOrDefault(m.Id) ?? new Dictionary<string, BenchmarkCell>(StringComparer.Ordinal)))
            .ToList();

        var key = sort is null || (sort != ByModel && sort != ByArena && !benchmarks.Contains(sort, StringComparer.Ordinal)) ? ByArena : sort;
        var desc = descending ?? key != ByModel;
        var sorted = Sorted(rows, key, desc);
        return new BenchmarkTablePage(dataset, benchmarks, key, desc, page, pageSize, sorted.Count, [.. sorted.Skip((page - 1) * pageSize).Take(pageSize)]);
    }

    private static BenchmarkCell Newest(IEnumerable<BenchmarkScoreRow> scores)
    {
        var s = scores
            .OrderByDescending(x => x.AsOf ?? DateOnly.MinValue)
            .ThenBy(x => x.Variant.Length == 0 ? 0 : 1)
            .ThenByDescending(x => x.ImportRunId)
            .ThenBy(x => x.Source, StringComparer.Ordinal)
            .ThenBy(x => x.Variant, StringComparer.Ordinal)
            .First();
        return new BenchmarkCell(s.Score, s.Source, s.SourceUrl, s.AsOf, s.SelfReported, s.Variant);
    }

    private static List<BenchmarkRow> Sorted(List<BenchmarkRow> rows, string key, bool descending)
    {
        if (key == ByModel)
        {
            var byName = rows.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.ModelId, StringComparer.Ordinal);
            return descending ? [.. byName.Reverse()] : [.. byName];
        }

        double? Value(BenchmarkRow r) => key == ByArena ? r.ArenaRating : r.Scores.TryGetValue(key, out var c) ? c.Score : null;
        var known = rows.Where(r => Value(r) is not null);
        var ordered = descending
            ? known.OrderByDescending(r => Value(r)).ThenBy(r => r.ModelId, StringComparer.Ordinal)
            : known.OrderBy(r => Value(r)).ThenBy(r => r.ModelId, StringComparer.Ordinal);
        return [.. ordered, .. rows.Where(r => Value(r) is null).OrderBy(r => r.ModelId, StringComparer.Ordinal)];
    }

    /// <summary>Each linked model's rating on the <c>full</c> board of the newest dataset (the vote name with the most votes).</summary>
    private async Task<(string? Dataset, Dictionary<string, (double Rating, string VoteName)> Ratings)> ArenaAsync(CancellationToken ct)
    {
        var board = await boards.GetAsync(new BoardQuery(null, VoteCategories.Full), ct).ConfigureAwait(false);
        if (board is null)
        {
            return (null, []);
        }

        var cards = await links.ForVoteNamesAsync([.. board.Report.Entries.Select(e => e.Model)], ct).ConfigureAwait(false);
        var ratings = board.Report.Entries
            .Where(e => cards.ContainsKey(e.Model))
            .GroupBy(e => cards[e.Model].ModelId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Votes).ThenBy(e => e.Model, StringComparer.Ordinal).Select(e => (e.Rating, e.Model)).First(), StringComparer.Ordinal);
        return (board.Dataset.Name, ratings);
    }
}
