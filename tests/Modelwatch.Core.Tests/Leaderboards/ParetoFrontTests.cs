using Modelwatch.Core.Leaderboards;

namespace Modelwatch.Core.Tests.Leaderboards;

public sealed class ParetoFrontTests
{
    private sealed record Point(string Name, double Price, double Rating);

    private static IReadOnlyList<string> Front(params Point[] points) =>
        [.. ParetoFront.Of(points, p => p.Price, p => p.Rating).Select(p => p.Name)];

    [Fact]
    public void Keeps_the_points_nothing_cheaper_beats_cheapest_first()
    {
        var front = Front(
            new Point("expensive-best", 15, 1400),
            new Point("cheap-weak", 0.1, 1100),
            new Point("dominated", 5, 1150),
            new Point("mid", 1, 1250),
            new Point("overpriced", 20, 1390),
            new Point("mid-dominated", 2, 1240));

        Assert.Equal(["cheap-weak", "mid", "expensive-best"], front);
    }

    [Fact]
    public void Every_point_off_the_front_is_dominated_by_a_point_on_it()
    {
        var random = new Random(7);
        var points = Enumerable.Range(0, 200).Select(i => new Point($"m{i}", Math.Round(random.NextDouble() * 30, 1), Math.Round(1000 + (random.NextDouble() * 400)))).ToArray();
        var front = ParetoFront.Of(points, p => p.Price, p => p.Rating);

        foreach (var p in points.Except(front))
        {
            Assert.Contains(front, f => f.Price <= p.Price && f.Rating >= p.Rating && (f.Price < p.Price || f.Rating > p.Rating));
        }

        foreach (var f in front)
        {
            Assert.DoesNotContain(points, p => p.Price <= f.Price && p.Rating >= f.Rating && (p.Price < f.Price || p.Rating > f.Rating));
        }

        Assert.Equal(front.OrderBy(f => f.Price).ThenBy(f => f.Rating), front);
    }

    [Fact]
    public void At_the_same_price_only_the_best_rating_counts_and_exact_duplicates_both_stay()
    {
        Assert.Equal(["a", "c"], Front(new Point("a", 1, 1200), new Point("b", 1, 1100), new Point("c", 2, 1300)));
        Assert.Equal(["a", "b"], Front(new Point("a", 1, 1200), new Point("b", 1, 1200)));
    }

    [Fact]
    public void Points_without_a_finite_price_or_rating_are_left_out()
    {
        Assert.Equal(["b"], Front(new Point("a", double.NaN, 1500), new Point("b", 3, 1200), new Point("c", 1, double.PositiveInfinity)));
        Assert.Empty(Front());
    }
}
