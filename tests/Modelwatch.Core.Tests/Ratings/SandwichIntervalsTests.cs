using System.Globalization;
using Modelwatch.Core.Ratings;
using Xunit.Sdk;

namespace Modelwatch.Core.Tests.Ratings;

public class SandwichIntervalsTests
{
    private const string Published = "data/arena/arena-human-preference-140k/published_arena_rank_readme_top10.csv";

    /// <summary>
    /// lmarena/arena-rank's README table for this exact data (Bradley–Terry, sandwich 95% CI). Its levels sit a
    /// uniform +0.31 above a mean-1000 fit, so gaps between models and interval widths are compared, not levels.
    /// </summary>
    [Fact]
    public void The_140k_votes_reproduce_the_published_arena_rank_top_10()
    {
        var counts = TestVotes.Counts(TestVotes.Load(TestVotes.Arena140kFile));
        Assert.Equal(135_624, counts.TotalVotes); // 135,634 votes minus the 10 self-votes
        var published = PublishedRows();
        Assert.Equal(10, published.Count);

        var fit = BradleyTerry.Fit(counts);
        var intervals = SandwichIntervals.Compute(counts, fit);

        var index = published.Select(p => fit.IndexOf(p.Model)).ToArray();
        Assert.DoesNotContain(-1, index);
        for (var i = 0; i < published.Count; i++)
        {
            for (var j = i + 1; j < published.Count; j++)
            {
                var expected = published[i].Rating - published[j].Rating;
                var actual = fit.Ratings[index[i]] - fit.Ratings[index[j]];
                Check(Math.Abs(expected - actual) <= 0.02, $"gap {published[i].Model} − {published[j].Model}: published {expected:F2}, ours {actual:F4}");
            }

            var publishedHalfWidth = (published[i].Upper - published[i].Lower) / 2;
            var lowerHalf = fit.Ratings[index[i]] - intervals.Lower[index[i]];
            var upperHalf = intervals.Upper[index[i]] - fit.Ratings[index[i]];
            Check(Math.Abs(lowerHalf - publishedHalfWidth) <= 0.05, $"{published[i].Model} lower half-width: published {publishedHalfWidth:F3}, ours {lowerHalf:F4}");
            Check(Math.Abs(upperHalf - publishedHalfWidth) <= 0.05, $"{published[i].Model} upper half-width: published {publishedHalfWidth:F3}, ours {upperHalf:F4}");

            // The variance column has six significant digits; ±0.02 on a half-width of ~6.5 is ±0.6% of the variance.
            var variance = intervals.Variance[index[i]];
            Check(Math.Abs(variance - published[i].Variance) <= 0.002 * published[i].Variance, $"{published[i].Model} variance: published {published[i].Variance}, ours {variance:F5}");
        }
    }

    [Fact]
    public void Bounds_are_symmetric_and_follow_the_variance()
    {
        var counts = TestVotes.Counts(TestVotes.Load(TestVotes.Arena140kFile));
        var fit = BradleyTerry.Fit(counts);

        var intervals = SandwichIntervals.Compute(counts, fit, confidence: 0.9);

        Assert.Equal(IntervalMethod.Sandwich, intervals.Method);
        var z = 1.6448536269514722; // Φ⁻¹(0.95)
        for (var i = 0; i < fit.ModelCount; i++)
        {
            Assert.Equal(fit.Ratings[i] - intervals.Lower[i], intervals.Upper[i] - fit.Ratings[i], 1e-9);
            Assert.Equal(z * Math.Sqrt(intervals.Variance[i]), intervals.Upper[i] - fit.Ratings[i], 1e-9);
        }
    }

    [Fact]
    public void An_anchor_moves_the_bounds_with_the_ratings_and_keeps_the_widths()
    {
        var counts = TestVotes.Counts(TestVotes.Load(TestVotes.Arena140kFile));
        var fit = BradleyTerry.Fit(counts);
        var anchored = fit.AnchoredTo(fit.Models[3], 1200);
        var shift = anchored.DisplayOffset;

        var plain = SandwichIntervals.Compute(counts, fit);
        var moved = SandwichIntervals.Compute(counts, anchored);

        for (var i = 0; i < fit.ModelCount; i++)
        {
            Assert.Equal(plain.Lower[i] + shift, moved.Lower[i], 1e-9);
            Assert.Equal(plain.Upper[i] + shift, moved.Upper[i], 1e-9);
            Assert.Equal(plain.Variance[i], moved.Variance[i]);
        }
    }

    [Fact]
    public void Options_of_another_model_than_the_fit_are_refused()
    {
        var counts = PairwiseCounts.FromRows(["a", "b"], [(0, 1, 2, 3), (0, 1, 0, 2)]);
        var fit = BradleyTerry.Fit(counts);

        var error = Assert.Throws<ArgumentException>(() => SandwichIntervals.Compute(counts, fit, new BradleyTerryOptions { Reweight = true }));
        Assert.Contains("differ from those of the fit", error.Message, StringComparison.Ordinal);
        var looser = SandwichIntervals.Compute(counts, fit, new BradleyTerryOptions { HessianRidge = 1e-3 });
        Assert.True(looser.Variance[0] > 0);
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new XunitException(message);
        }
    }

    private static List<(string Model, double Rating, double Lower, double Upper, double Variance)> PublishedRows() =>
        [.. ReferenceTables.Rows(Published, "competitors", "ratings", "rating_lower", "rating_upper", "variances")
            .Select(f => (f[0], Parse(f[1]), Parse(f[2]), Parse(f[3]), Parse(f[4])))];

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
