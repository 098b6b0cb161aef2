using Modelwatch.Core.Ratings;

namespace Modelwatch.Core.Tests.Ratings;

public class BradleyTerryTests
{
    /// <summary>
    /// Wikipedia, "Bradley–Terry model", worked example: four teams, wins in the rows (A beat B twice, lost to B three
    /// times, never met C, ...). The article's iteration converges to p ≈ (0.640, 1.043, 0.660, 2.270) when the
    /// strengths are normalised to geometric mean 1 — that is exp(r) of our sum-zero strengths.
    /// </summary>
    [Fact]
    public void Wikipedia_worked_example_gives_the_published_strengths()
    {
        double[,] wins =
        {
            { 0, 2, 0, 1 },
            { 3, 0, 5, 0 },
            { 0, 3, 0, 1 },
            { 4, 0, 3, 0 },
        };
        var rows = new List<(int, int, byte, double)>();
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                if (wins[i, j] > 0)
                {
                    rows.Add((i, j, 2, wins[i, j]));
                }
            }
        }

        var counts = PairwiseCounts.FromRows(["A", "B", "C", "D"], rows);

        var fit = BradleyTerry.Fit(counts);

        Assert.Equal(FitExitReason.Converged, fit.ExitReason);
        Assert.Empty(fit.Warnings);
        double[] published = [0.640, 1.043, 0.660, 2.270];
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(published[i], Math.Exp(fit.Strengths[i]), 0.0005); // three decimals
        }
    }

    public static TheoryData<string> LlmfaoFiles => ["llmfao", "simple", "food"];

    /// <summary>
    /// evalica's golden Bradley–Terry scores (Zermelo's iteration on wins + ½ ties, normalised to sum 1): the gap
    /// 400·log10(s_i/s_j) is a rating difference, which our Newton fit must reproduce.
    /// </summary>
    [Theory]
    [MemberData(nameof(LlmfaoFiles))]
    public void Rating_differences_match_the_evalica_golden(string name)
    {
        var votes = TestVotes.Load($"data/arena/llmfao/{name}.csv");
        var counts = TestVotes.Counts(votes);
        var golden = ReferenceTables.Golden($"data/arena/llmfao/{name}-golden.csv", "bradley_terry");

        var fit = BradleyTerry.Fit(counts);

        Assert.Equal(FitExitReason.Converged, fit.ExitReason);
        Assert.Equal(golden.Count, fit.ModelCount);
        foreach (var (first, firstScore) in golden)
        {
            foreach (var (second, secondScore) in golden)
            {
                var expected = 400 * Math.Log10(firstScore / secondScore);
                var actual = fit.Ratings[fit.IndexOf(first)] - fit.Ratings[fit.IndexOf(second)];
                Assert.True(Math.Abs(expected - actual) < 1e-6, $"{first} − {second}: golden {expected}, ours {actual}");
            }
        }
    }

    [Fact]
    public void Strengths_sum_to_zero_and_ratings_average_the_initial_rating()
    {
        var counts = TestVotes.Counts(TestVotes.Load(TestVotes.Arena140kFile));
        var options = new BradleyTerryOptions { InitialRating = 1500, Scale = 173.7178 };

        var fit = BradleyTerry.Fit(counts, options);

        Assert.Equal(FitExitReason.Converged, fit.ExitReason);
        Assert.InRange(fit.Iterations, 1, 12);
        Assert.True(fit.GradientNorm < options.Tolerance);
        var sum = 0.0;
        var ratingSum = 0.0;
        for (var i = 0; i < fit.ModelCount; i++)
        {
            sum += fit.Strengths[i];
            ratingSum += fit.Ratings[i];
            Assert.Equal(1500 + (options.RatingPerStrength * fit.Strengths[i]), fit.Ratings[i], 1e-9);
        }

        Assert.Equal(0, sum, 1e-10);
        Assert.Equal(1500, ratingSum / fit.ModelCount, 1e-9);
    }

    [Fact]
    public void The_fit_is_a_maximum_of_the_log_likelihood()
    {
        var counts = TestVotes.Counts(TestVotes.Load("data/arena/llmfao/llmfao.csv"));
        var fit = BradleyTerry.Fit(counts);

        // Moving any one strength either way lowers the log-likelihood (computed here independently, per row).
        var best = LogLikelihood(counts, fit.Strengths);
        Assert.Equal(best, fit.LogLikelihood, 1e-8 * Math.Abs(best));
        for (var i = 0; i < fit.ModelCount; i++)
        {
            foreach (var delta in new[] { -1e-3, 1e-3 })
            {
                var moved = fit.Strengths.ToArray();
                moved[i] += delta;
                Assert.True(LogLikelihood(counts, moved) < best, $"moving model {i} by {delta} did not lower the likelihood");
            }
        }
    }

    [Fact]
    public void A_warm_start_reaches_the_same_fit_in_fewer_steps()
    {
        var counts = TestVotes.Counts(TestVotes.Load(TestVotes.Arena140kFile));
        var cold = BradleyTerry.Fit(counts);
        var shiftedStart = cold.Strengths.ToArray().Select(x => x + 3.0).ToArray(); // the gauge is restored

        var warm = BradleyTerry.Fit(counts, start: shiftedStart);

        Assert.True(warm.Iterations < cold.Iterations, $"warm {warm.Iterations} vs cold {cold.Iterations} steps");
        for (var i = 0; i < cold.ModelCount; i++)
        {
            Assert.Equal(cold.Strengths[i], warm.Strengths[i], 1e-9);
        }
    }

    [Fact]
    public void Anchoring_shifts_every_rating_by_the_same_amount_and_nothing_else()
    {
        var counts = TestVotes.Counts(TestVotes.Load(TestVotes.Arena140kFile));
        var fit = BradleyTerry.Fit(counts);
        var model = fit.Models[7];

        var anchored = fit.AnchoredTo(model, 1114);

        Assert.Equal(1114, anchored.Ratings[7], 1e-9);
        var shift = anchored.Ratings[0] - fit.Ratings[0];
        Assert.NotEqual(0, shift, 1e-6);
        for (var i = 0; i < fit.ModelCount; i++)
        {
            Assert.Equal(fit.Ratings[i] + shift, anchored.Ratings[i], 1e-9);
            Assert.Equal(fit.Strengths[i], anchored.Strengths[i]);
        }

        Assert.Equal(shift, anchored.DisplayOffset, 1e-9);
        Assert.Throws<ArgumentException>(() => fit.AnchoredTo("no-such-model", 1000));
    }

    [Fact]
    public void An_undefeated_model_is_reported_and_does_not_crash()
    {
        // x beats everyone; y, z and w are an ordinary cycle with ties.
        var counts = PairwiseCounts.FromRows(
            ["x", "y", "z", "w"],
            [(0, 1, 2, 3), (0, 2, 2, 2), (1, 2, 2, 4), (1, 2, 0, 2), (2, 3, 1, 3), (1, 3, 0, 1), (1, 3, 2, 2)]);

        var fit = BradleyTerry.Fit(counts);

        Assert.Equal(FitExitReason.Diverging, fit.ExitReason);
        var warning = Assert.Single(fit.Warnings);
        Assert.Equal(FitWarningKind.NoLosses, warning.Kind);
        Assert.Equal([0], warning.Models);
        Assert.Contains("'x'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("+∞", warning.Message, StringComparison.Ordinal);
        Assert.All(fit.Ratings.ToArray(), r => Assert.True(double.IsFinite(r)));
        Assert.True(fit.Ratings[0] > fit.Ratings.ToArray().Skip(1).Max() + 1000, "the undefeated model should run far ahead");
    }

    [Fact]
    public void A_winless_model_is_reported()
    {
        var counts = PairwiseCounts.FromRows(["x", "y", "z"], [(0, 1, 0, 3), (0, 2, 0, 1), (1, 2, 2, 2), (1, 2, 1, 1), (1, 2, 0, 1)]);

        var fit = BradleyTerry.Fit(counts);

        Assert.Equal(FitExitReason.Diverging, fit.ExitReason);
        var warning = Assert.Single(fit.Warnings);
        Assert.Equal(FitWarningKind.NoWins, warning.Kind);
        Assert.Equal([0], warning.Models);
    }

    [Fact]
    public void A_group_that_beat_all_others_is_reported_as_separated()
    {
        // {a, b} and {c, d} are balanced inside, but a and b won every vote against c and d.
        var counts = PairwiseCounts.FromRows(
            ["a", "b", "c", "d"],
            [(0, 1, 2, 3), (0, 1, 0, 2), (2, 3, 2, 2), (2, 3, 0, 2), (0, 2, 2, 5), (1, 3, 2, 4)]);

        var fit = BradleyTerry.Fit(counts);

        Assert.Equal(FitExitReason.Diverging, fit.ExitReason);
        var warning = Assert.Single(fit.Warnings);
        Assert.Equal(FitWarningKind.Separated, warning.Kind);
        Assert.Equal([0, 1], warning.Models);
    }

    [Fact]
    public void Groups_that_never_met_are_reported_and_fitted_within_each_group()
    {
        // Two separate leagues, each well-posed on its own.
        var counts = PairwiseCounts.FromRows(
            ["a", "b", "c", "d"],
            [(0, 1, 2, 3), (0, 1, 0, 1), (2, 3, 2, 1), (2, 3, 0, 3)]);

        var fit = BradleyTerry.Fit(counts);

        Assert.Equal(FitExitReason.Converged, fit.ExitReason);
        var warning = Assert.Single(fit.Warnings);
        Assert.Equal(FitWarningKind.Disconnected, warning.Kind);
        // Within each league the MLE gap is log(3:1) in natural units.
        Assert.Equal(Math.Log(3), fit.Strengths[0] - fit.Strengths[1], 1e-9);
        Assert.Equal(-Math.Log(3), fit.Strengths[2] - fit.Strengths[3], 1e-9);
    }

    [Fact]
    public void A_model_whose_rows_all_have_zero_count_is_reported_and_left_at_its_start()
    {
        var counts = PairwiseCounts.FromRows(
            ["a", "b", "c"],
            [(0, 1, 2, 3), (0, 1, 0, 1), (0, 2, 2, 1)]);
        var withoutC = counts.WithCounts([.. counts.Count.ToArray().Select((c, i) => counts.B[i] == 2 ? 0.0 : c)]);

        var fit = BradleyTerry.Fit(withoutC);

        Assert.Equal(FitExitReason.Converged, fit.ExitReason);
        var warning = Assert.Single(fit.Warnings);
        Assert.Equal(FitWarningKind.Disconnected, warning.Kind);
        Assert.Equal([2], warning.Models);
        Assert.Contains("no votes", warning.Message, StringComparison.Ordinal);
        Assert.Equal(0, fit.Strengths[2], 1e-12);
        Assert.Equal(Math.Log(3), fit.Strengths[0] - fit.Strengths[1], 1e-9);
    }

    [Fact]
    public void Reweighting_equals_a_fit_on_counts_scaled_by_the_inverse_propensity_weights()
    {
        var counts = TestVotes.Counts(TestVotes.Load(TestVotes.Arena140kFile));
        var weights = InversePropensityWeights.Compute(counts);
        var scaled = counts.WithCounts([.. counts.Count.ToArray().Select((c, i) => c * weights[i])]);

        var reweighted = BradleyTerry.Fit(counts, new BradleyTerryOptions { Reweight = true });
        var byHand = BradleyTerry.Fit(scaled);
        var plain = BradleyTerry.Fit(counts);

        var largestChange = 0.0;
        for (var i = 0; i < counts.ModelCount; i++)
        {
            Assert.Equal(byHand.Strengths[i], reweighted.Strengths[i], 1e-8);
            largestChange = Math.Max(largestChange, Math.Abs(plain.Ratings[i] - reweighted.Ratings[i]));
        }

        Assert.True(largestChange > 1, $"reweighting moved no rating by more than {largestChange} points");
    }

    [Fact]
    public void A_start_of_the_wrong_length_is_refused()
    {
        var counts = PairwiseCounts.FromRows(["a", "b"], [(0, 1, 2, 1), (0, 1, 0, 1)]);

        var error = Assert.Throws<ArgumentException>(() => BradleyTerry.Fit(counts, start: [0.0, 0.0, 0.0]));
        Assert.Contains("3 strengths", error.Message, StringComparison.Ordinal);
    }

    private static double LogLikelihood(PairwiseCounts counts, ReadOnlySpan<double> r)
    {
        var sum = 0.0;
        for (var i = 0; i < counts.RowCount; i++)
        {
            var d = r[counts.A[i]] - r[counts.B[i]];
            var y = counts.Outcome[i] / 2.0;
            sum += counts.Count[i] * ((y * d) - Math.Log(1 + Math.Exp(d)));
        }

        return sum;
    }
}
