using Modelwatch.Core.Ratings;

namespace Modelwatch.Core.Tests.Ratings;

public class PairMatricesTests
{
    [Fact]
    public void Matrices_of_a_small_case_hold_counts_fractions_and_predictions()
    {
        // x–y: x won 3, lost 1, 2 ties; x–z: z won 2. y and z never met.
        var counts = PairwiseCounts.FromRows(["x", "y", "z"], [(0, 1, 2, 3), (0, 1, 0, 1), (0, 1, 1, 2), (2, 0, 2, 2)]);
        double[] ratings = [1000, 600, 1400];

        var matrices = PairMatrices.Compute(counts, ratings);

        Assert.Equal(6, matrices.Battles(0, 1));
        Assert.Equal(6, matrices.Battles(1, 0));
        Assert.Equal(2, matrices.Battles(0, 2));
        Assert.Equal(0, matrices.Battles(1, 2));
        Assert.Equal(4.0 / 6, matrices.WinFraction(0, 1), 1e-12); // (3 + ½·2) / 6
        Assert.Equal(2.0 / 6, matrices.WinFraction(1, 0), 1e-12);
        Assert.Equal(0, matrices.WinFraction(0, 2));
        Assert.Equal(1, matrices.WinFraction(2, 0));
        Assert.True(double.IsNaN(matrices.WinFraction(1, 2)));
        Assert.True(double.IsNaN(matrices.WinFraction(0, 0)));
        Assert.Equal(10.0 / 11, matrices.PredictedWinProbability(0, 1), 1e-12); // 400 points = 10:1
        Assert.Equal(1.0 / 11, matrices.PredictedWinProbability(0, 2), 1e-12);
        Assert.Equal(0.5, matrices.PredictedWinProbability(1, 1), 1e-12);
        Assert.Equal([8.0, 6.0, 2.0], matrices.VotesPerModel.ToArray());
    }

    [Fact]
    public void On_the_140k_votes_fractions_are_complementary_and_votes_add_up()
    {
        var counts = TestVotes.Counts(TestVotes.Load(TestVotes.Arena140kFile));
        var fit = BradleyTerry.Fit(counts);

        var matrices = PairMatrices.Compute(counts, fit.Ratings);

        var m = counts.ModelCount;
        Assert.Equal(2 * counts.TotalVotes, matrices.VotesPerModel.ToArray().Sum());
        Assert.Equal(2 * counts.TotalVotes, matrices.BattleCounts.ToArray().Sum());
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                Assert.Equal(1, matrices.PredictedWinProbability(i, j) + matrices.PredictedWinProbability(j, i), 1e-12);
                if (i != j && matrices.Battles(i, j) > 0)
                {
                    Assert.Equal(1, matrices.WinFraction(i, j) + matrices.WinFraction(j, i), 1e-12);
                }
            }
        }
    }
}
