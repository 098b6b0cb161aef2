using Modelwatch.Core.Ratings;

namespace Modelwatch.Core.Tests.Ratings;

public class RankingTests
{
    [Fact]
    public void Rank_is_one_plus_the_models_surely_better()
    {
        // a [1090, 1110] is alone at the top; b and c overlap each other and a; d is below b's and c's lower bounds
        // only... d [1040, 1060]: a (1090) and b (1065) are above 1060, c (1055) is not.
        double[] lower = [1090, 1065, 1055, 1040, 1090];
        double[] upper = [1110, 1095, 1080, 1060, 1110];

        var ranks = Ranking.FromIntervals(lower, upper);

        Assert.Equal([1, 1, 3, 4, 1], ranks);
    }

    [Fact]
    public void A_lower_bound_equal_to_an_upper_bound_is_not_above_it()
    {
        var ranks = Ranking.FromIntervals([10.0, 0.0], [20.0, 10.0]);

        Assert.Equal([1, 1], ranks);
    }

    [Fact]
    public void Bounds_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Ranking.FromIntervals([1.0, 2.0], [3.0]));
    }
}
