namespace Modelwatch.Core.Ratings;

/// <summary>
/// Inverse-propensity weights of the "Chatbot Arena" paper (Chiang et al., arXiv 2403.04132, section 5): each vote
/// of a pair is weighted <c>1 / max(pair votes, minPairCount)</c>, so over-sampled pairs do not dominate the fit.
/// The pair is unordered (A vs B and B vs A together) and counts all outcomes.
/// </summary>
public static class InversePropensityWeights
{
    /// <summary>The weight of each row of <paramref name="counts"/> (per vote; the row's count is not included).</summary>
    public static double[] Compute(PairwiseCounts counts, double minPairCount = 50)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (!(minPairCount > 0) || !double.IsFinite(minPairCount))
        {
            throw new ArgumentOutOfRangeException(nameof(minPairCount), minPairCount, "The minimum pair count must be a positive finite number.");
        }

        return Compute(counts, PairIndex.Build(counts), minPairCount);
    }

    internal static double[] Compute(PairwiseCounts counts, PairIndex index, double minPairCount)
    {
        var pairVotes = new double[index.PairCount];
        var scratch = new double[index.PairCount];
        index.Aggregate(counts.Count, pairVotes, scratch);
        var weights = new double[counts.RowCount];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = 1.0 / Math.Max(pairVotes[index.RowPair[i]], minPairCount);
        }

        return weights;
    }

    /// <summary>
    /// The weight each row carries in the likelihood (arena-rank's "opt weight"): its count, times the
    /// inverse-propensity weight when <see cref="BradleyTerryOptions.Reweight"/> is on.
    /// </summary>
    internal static double[] OptimisationWeights(PairwiseCounts counts, PairIndex index, BradleyTerryOptions options)
    {
        var rowCounts = counts.Count;
        if (!options.Reweight)
        {
            return rowCounts.ToArray();
        }

        var weights = Compute(counts, index, options.MinPairCount);
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] *= rowCounts[i];
        }

        return weights;
    }
}
