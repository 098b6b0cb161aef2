using System.Runtime.CompilerServices;

namespace Modelwatch.Core.Ratings;

/// <summary>
/// The unordered model pairs behind the rows of <see cref="PairwiseCounts"/>. A Bradley–Terry likelihood depends
/// on a pair only through its total weight and its weighted score of A, so every fit, Newton step and bootstrap
/// refit runs over pairs (at most m(m−1)/2) rather than rows (up to three per pair).
/// </summary>
internal sealed class PairIndex
{
    private PairIndex(int modelCount, int[] pairA, int[] pairB, int[] rowPair, double[] rowScore)
    {
        ModelCount = modelCount;
        PairA = pairA;
        PairB = pairB;
        RowPair = rowPair;
        RowScore = rowScore;
    }

    public int ModelCount { get; }

    public int PairCount => PairA.Length;

    public int RowCount => RowPair.Length;

    public int[] PairA { get; }

    public int[] PairB { get; }

    /// <summary>The pair of each row.</summary>
    public int[] RowPair { get; }

    /// <summary>Score of A in each row: outcome / 2 (1 win, ½ tie or both-bad, 0 loss).</summary>
    public double[] RowScore { get; }

    public static PairIndex Build(PairwiseCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var a = counts.A;
        var b = counts.B;
        var outcome = counts.Outcome;
        var rows = counts.RowCount;
        var rowPair = new int[rows];
        var rowScore = new double[rows];
        var pairA = new List<int>();
        var pairB = new List<int>();
        Dictionary<long, int>? seen = null;
        long previousKey = -1;
        var sorted = true;
        for (var i = 0; i < rows; i++)
        {
            rowScore[i] = outcome[i] / 2.0;
            var key = ((long)a[i] * counts.ModelCount) + b[i];
            if (key == previousKey)
            {
                rowPair[i] = pairA.Count - 1;
                continue;
            }

            // Counts are built sorted, so a pair's rows are adjacent; a dictionary covers any other order.
            if (key < previousKey)
            {
                sorted = false;
            }

            if (!sorted)
            {
                seen ??= BuildSeen(pairA, pairB, counts.ModelCount);
                if (seen.TryGetValue(key, out var existing))
                {
                    rowPair[i] = existing;
                    previousKey = key;
                    continue;
                }

                seen.Add(key, pairA.Count);
            }

            rowPair[i] = pairA.Count;
            pairA.Add(a[i]);
            pairB.Add(b[i]);
            previousKey = key;
        }

        return new PairIndex(counts.ModelCount, [.. pairA], [.. pairB], rowPair, rowScore);
    }

    /// <summary>Sums row weights per pair: the pair weight and the weighted score of A.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a hot numeric kernel: fully optimised from the first call, no slow first tier
    public void Aggregate(ReadOnlySpan<double> rowWeight, Span<double> pairWeight, Span<double> pairScore)
    {
        pairWeight[..PairCount].Clear();
        pairScore[..PairCount].Clear();
        var rowPair = RowPair;
        var rowScore = RowScore;
        for (var i = 0; i < rowPair.Length; i++)
        {
            var k = rowPair[i];
            var w = rowWeight[i];
            pairWeight[k] += w;
            pairScore[k] += w * rowScore[i];
        }
    }

    private static Dictionary<long, int> BuildSeen(List<int> pairA, List<int> pairB, int modelCount)
    {
        var seen = new Dictionary<long, int>();
        for (var k = 0; k < pairA.Count; k++)
        {
            seen[((long)pairA[k] * modelCount) + pairB[k]] = k;
        }

        return seen;
    }
}
