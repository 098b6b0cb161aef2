namespace Modelwatch.Core.Ratings;

/// <summary>
/// The assumption-free sanity check shown beside Bradley–Terry: for each model, the mean over the opponents it met
/// of its win fraction against that opponent, <c>(wins + ½ ties) / votes</c>. Every opponent counts once, however
/// many votes the pair has.
/// </summary>
public static class AverageWinRate
{
    /// <returns>Per model; NaN for a model without votes.</returns>
    public static double[] Compute(PairwiseCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var index = PairIndex.Build(counts);
        var votes = new double[index.PairCount];
        var score = new double[index.PairCount];
        index.Aggregate(counts.Count, votes, score);
        var m = counts.ModelCount;
        var sum = new double[m];
        var opponents = new int[m];
        for (var k = 0; k < index.PairCount; k++)
        {
            if (!(votes[k] > 0))
            {
                continue;
            }

            var a = index.PairA[k];
            var b = index.PairB[k];
            var fractionA = score[k] / votes[k];
            sum[a] += fractionA;
            sum[b] += 1 - fractionA;
            opponents[a]++;
            opponents[b]++;
        }

        var result = new double[m];
        for (var i = 0; i < m; i++)
        {
            result[i] = opponents[i] > 0 ? sum[i] / opponents[i] : double.NaN;
        }

        return result;
    }
}
