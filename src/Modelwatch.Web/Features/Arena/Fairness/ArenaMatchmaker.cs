using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Arena;
using Modelwatch.Core.Votes;
using Modelwatch.Data;
using Modelwatch.Web.Features.Arena.Providers;
using Modelwatch.Web.Features.Leaderboard;

namespace Modelwatch.Web.Features.Arena.Fairness;

/// <summary>
/// Draws the two contestants of a blind battle from those available with <see cref="PairDraw"/>: weighted toward
/// pairs with few counted votes, toward new models, and toward pairs whose 95% intervals on the arena board overlap;
/// never the same model twice; sides in random order.
/// </summary>
public sealed class ArenaMatchmaker(IDbContextFactory<ModelwatchDbContext> contexts, LeaderboardService boards, Random random)
{
    private readonly Lock _random = new();

    /// <summary>Two different contestants (sides in random order), or null when fewer than two can be drawn.</summary>
    /// <param name="available">Contestants available now (and with a free provider slot).</param>
    /// <param name="needsImages">Only contestants that accept images.</param>
    /// <param name="ct">Cancels the read of the vote counts.</param>
    public async Task<(ContestantInfo A, ContestantInfo B)?> DrawAsync(IReadOnlyList<ContestantInfo> available, bool needsImages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(available);
        var pool = available.Where(c => !needsImages || c.AcceptsImages).DistinctBy(c => c.BoardName, StringComparer.Ordinal).ToList();
        if (pool.Count < 2)
        {
            return null;
        }

        var pairs = new Dictionary<(string, string), int>();
        var perModel = new Dictionary<string, int>(StringComparer.Ordinal);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var datasetId = await db.VoteDatasets.Where(d => d.Name == ArenaDataset.Name).Select(d => d.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (datasetId != 0)
            {
                var names = await db.VoteModels.Where(m => m.DatasetId == datasetId).ToDictionaryAsync(m => m.Index, m => m.Name, ct).ConfigureAwait(false);
                var rows = await db.VotePairCounts.Where(c => c.DatasetId == datasetId && c.Category == VoteCategories.Full)
                    .Select(c => new { c.ModelA, c.ModelB, Total = c.WinsA + c.WinsB + c.Ties + c.BothBad }).ToListAsync(ct).ConfigureAwait(false);
                foreach (var row in rows)
                {
                    var (a, b) = (names[row.ModelA], names[row.ModelB]);
                    pairs[Key(a, b)] = row.Total;
                    perModel[a] = perModel.GetValueOrDefault(a) + row.Total;
                    perModel[b] = perModel.GetValueOrDefault(b) + row.Total;
                }
            }
        }

        var intervals = new Dictionary<string, (double Lower, double Upper)>(StringComparer.Ordinal);
        if (perModel.Count > 0)
        {
            try
            {
                var board = await boards.GetAsync(new BoardQuery(ArenaDataset.Name), ct).ConfigureAwait(false);
                foreach (var entry in board?.Report.Entries ?? [])
                {
                    intervals[entry.Model] = (entry.Lower, entry.Upper);
                }
            }
            catch (Exception error) when (error is BoardNotFoundException or ArgumentException)
            {
                // No board yet: draw on counts alone.
            }
        }

        var candidates = pool.Select(c => intervals.TryGetValue(c.BoardName, out var i)
            ? new DrawCandidate(c.BoardName, perModel.GetValueOrDefault(c.BoardName), i.Lower, i.Upper)
            : new DrawCandidate(c.BoardName, perModel.GetValueOrDefault(c.BoardName))).ToList();
        (int A, int B)? drawn;
        lock (_random)
        {
            drawn = PairDraw.Draw(candidates, (a, b) => pairs.GetValueOrDefault(Key(a, b)), random);
        }

        return drawn is { } d ? (pool[d.A], pool[d.B]) : null;
    }

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
}
