using System.Runtime.CompilerServices;
using Modelwatch.Core.Votes;

namespace Modelwatch.Data.Votes;

/// <summary>
/// Counts wins, ties and both-bad per canonical model pair for each category of a vote table, the way
/// <see cref="VoteCleaning"/> selects a category board: self-votes out, then the category's filter.
/// </summary>
internal static class VotePairAggregation
{
    /// <summary>Above this many models a dictionary replaces the dense m × m × 4 array.</summary>
    private const int DenseLimit = 512;

    /// <summary>The columns <see cref="Fill"/> writes, for <see cref="BulkInserter"/>.</summary>
    public static IReadOnlyList<string> Properties { get; } =
    [
        nameof(VotePairCount.DatasetId), nameof(VotePairCount.Category), nameof(VotePairCount.ModelA), nameof(VotePairCount.ModelB),
        nameof(VotePairCount.WinsA), nameof(VotePairCount.WinsB), nameof(VotePairCount.Ties), nameof(VotePairCount.BothBad),
    ];

    /// <summary>A row's values in the order of <see cref="Properties"/>.</summary>
    public static void Fill(VotePairCount row, Span<BulkValue> values)
    {
        values[0] = BulkValue.Of(row.DatasetId);
        values[1] = BulkValue.Of(row.Category);
        values[2] = BulkValue.Of(row.ModelA);
        values[3] = BulkValue.Of(row.ModelB);
        values[4] = BulkValue.Of(row.WinsA);
        values[5] = BulkValue.Of(row.WinsB);
        values[6] = BulkValue.Of(row.Ties);
        values[7] = BulkValue.Of(row.BothBad);
    }

    /// <summary>Rows for every category, ordered by category (as given), then model A, then model B.</summary>
    public static List<VotePairCount> Compute(VoteTable votes, IReadOnlyList<string> categories, int datasetId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(categories);
        var rows = new List<VotePairCount>();
        var m = votes.Models.Count;
        var dense = m <= DenseLimit ? new int[m * m * 4] : null;
        foreach (var category in categories)
        {
            ct.ThrowIfCancellationRequested();
            var contains = VoteCategories.Filter(votes, category);
            if (dense is not null)
            {
                Array.Clear(dense);
                CountDense(votes, contains, dense, m);
                for (var a = 0; a < m; a++)
                {
                    for (var b = a + 1; b < m; b++)
                    {
                        var cell = ((a * m) + b) * 4;
                        if (dense[cell] + dense[cell + 1] + dense[cell + 2] + dense[cell + 3] > 0)
                        {
                            rows.Add(Row(datasetId, category, a, b, dense.AsSpan(cell, 4)));
                        }
                    }
                }
            }
            else
            {
                foreach (var (pair, cell) in CountSparse(votes, contains).OrderBy(kv => kv.Key))
                {
                    rows.Add(Row(datasetId, category, (int)(pair >> 32), (int)(uint)pair, cell));
                }
            }
        }

        return rows;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CountDense(VoteTable votes, Func<int, bool> contains, int[] dense, int m)
    {
        var modelA = votes.ModelA;
        var modelB = votes.ModelB;
        var winners = votes.Winners;
        for (var i = 0; i < votes.Count; i++)
        {
            var a = modelA[i];
            var b = modelB[i];
            if (a == b || !contains(i))
            {
                continue;
            }

            var outcome = Canonical(ref a, ref b, winners[i]);
            dense[(((a * m) + b) * 4) + outcome]++;
        }
    }

    private static Dictionary<long, int[]> CountSparse(VoteTable votes, Func<int, bool> contains)
    {
        var cells = new Dictionary<long, int[]>();
        for (var i = 0; i < votes.Count; i++)
        {
            var a = votes.ModelA[i];
            var b = votes.ModelB[i];
            if (a == b || !contains(i))
            {
                continue;
            }

            var outcome = Canonical(ref a, ref b, votes.Winners[i]);
            var key = ((long)a << 32) | (uint)b;
            if (!cells.TryGetValue(key, out var cell))
            {
                cells[key] = cell = new int[4];
            }

            cell[outcome]++;
        }

        return cells;
    }

    /// <summary>Orders the pair (a &lt; b) and returns the slot: 0 A won, 1 B won, 2 tie, 3 both bad (of the ordered pair).</summary>
    private static int Canonical(ref int a, ref int b, Winner winner)
    {
        var slot = (int)winner;
        if (a > b)
        {
            (a, b) = (b, a);
            slot = winner switch
            {
                Winner.ModelA => (int)Winner.ModelB,
                Winner.ModelB => (int)Winner.ModelA,
                _ => slot,
            };
        }

        return slot;
    }

    private static VotePairCount Row(int datasetId, string category, int a, int b, ReadOnlySpan<int> cell) => new()
    {
        DatasetId = datasetId,
        Category = category,
        ModelA = a,
        ModelB = b,
        WinsA = cell[(int)Winner.ModelA],
        WinsB = cell[(int)Winner.ModelB],
        Ties = cell[(int)Winner.Tie],
        BothBad = cell[(int)Winner.BothBad],
    };
}
