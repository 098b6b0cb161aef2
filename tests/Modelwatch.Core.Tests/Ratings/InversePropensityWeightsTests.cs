using Modelwatch.Core.Ratings;

namespace Modelwatch.Core.Tests.Ratings;

public class InversePropensityWeightsTests
{
    [Fact]
    public void Each_vote_of_a_pair_is_weighted_one_over_the_pair_count_floored_at_the_minimum()
    {
        // Pair (x, y): 70 + 40 + 10 = 120 votes over three outcomes, partly entered as (y, x).
        // Pair (x, z): 30 votes, below the minimum of 50.
        var counts = PairwiseCounts.FromRows(
            ["x", "y", "z"],
            [(0, 1, 2, 70), (1, 0, 2, 40), (0, 1, 1, 10), (0, 2, 0, 30)]);

        var weights = InversePropensityWeights.Compute(counts);

        for (var i = 0; i < counts.RowCount; i++)
        {
            var expected = counts.B[i] == 1 ? 1.0 / 120 : 1.0 / 50;
            Assert.Equal(expected, weights[i], 1e-15);
        }

        var lowerFloor = InversePropensityWeights.Compute(counts, minPairCount: 10);
        Assert.Contains(1.0 / 30, lowerFloor);
    }

    [Fact]
    public void Reweighting_changes_the_sandwich_intervals_but_keeps_them_finite()
    {
        var counts = TestVotes.Counts(TestVotes.Load(TestVotes.Arena140kFile));
        var options = new BradleyTerryOptions { Reweight = true };
        var plainFit = BradleyTerry.Fit(counts);
        var reweightedFit = BradleyTerry.Fit(counts, options);

        var plain = SandwichIntervals.Compute(counts, plainFit);
        var reweighted = SandwichIntervals.Compute(counts, reweightedFit);

        Assert.Equal(options, reweightedFit.Options);
        Assert.All(reweighted.Variance, v => Assert.True(v > 0 && double.IsFinite(v)));
        Assert.NotEqual(plain.Variance, reweighted.Variance);
    }
}
