using System.Globalization;
using Modelwatch.Core.Ratings.StyleControl;
using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Tests.Ratings.StyleControl;

public class StyleControlModelTests
{
    private static readonly double[] KnownGamma = [0.35, 0.12, -0.15, 0.0];
    private static readonly double[] NoStyleEffect = [0.0, 0.0, 0.0, 0.0];
    private static readonly StyleControlOptions Unpenalized = new() { CoefficientPenalty = 0 };
    private static readonly double RatingUnit = 400 / Math.Log(10);

    [Fact]
    public void Fit_recovers_known_ratings_and_coefficients_within_its_intervals()
    {
        var sim = StyleSimulation.Run(seed: 1, KnownGamma, voteCount: 6000);

        var fit = Fit(sim.Votes, sim.All, Unpenalized);

        Assert.Equal(StyleControlExitReason.Converged, fit.ExitReason);
        Assert.InRange(fit.Iterations, 2, 12);
        Assert.Equal(["tokens", "headers", "lists", "bold"], fit.Coefficients.Select(c => c.Feature));
        var truth = TrueRatingsInFitOrder(sim, fit);
        for (var j = 0; j < fit.Models.Count; j++)
        {
            Assert.InRange(truth[j], fit.Lower[j], fit.Upper[j]);
            Assert.InRange(fit.Upper[j] - fit.Lower[j], 10, 60); // a few thousand votes: intervals of tens of points
        }

        // Information bound for a coefficient: se ≈ 1 / √(Σ p(1−p)) for a unit-variance feature independent of the
        // models. Headers, lists and bold are drawn independently of the models, so they should sit near it;
        // tokens grow with the model, so sharing information with the ratings can only widen its interval.
        var information = 0.0;
        for (var i = 0; i < sim.Votes.Count; i++)
        {
            var a = int.Parse(sim.Votes.Models[sim.Votes.ModelA[i]].AsSpan(1), CultureInfo.InvariantCulture);
            var b = int.Parse(sim.Votes.Models[sim.Votes.ModelB[i]].AsSpan(1), CultureInfo.InvariantCulture);
            var z = sim.TrueRatings[a] - sim.TrueRatings[b] + Enumerable.Range(0, 4).Sum(k => KnownGamma[k] * sim.Z[i][k]);
            var p = 1 / (1 + Math.Exp(-z));
            information += p * (1 - p);
        }

        var boundWidth = 2 * 1.959963984540054 / Math.Sqrt(information);
        for (var k = 0; k < 4; k++)
        {
            var c = fit.Coefficients[k];
            Assert.InRange(KnownGamma[k], c.Lower, c.Upper);
            Assert.InRange(c.Upper - c.Lower, 0.9 * boundWidth, k == 0 ? double.PositiveInfinity : 1.2 * boundWidth);
        }

        Assert.True(fit.Coefficients[0].Upper - fit.Coefficients[0].Lower > 1.5 * boundWidth);
    }

    [Fact]
    public void Ignoring_style_would_bias_the_ratings_the_fit_recovers()
    {
        // Wordier models win more for their length alone; with the length effect controlled the true order holds.
        var sim = StyleSimulation.Run(seed: 2, [0.6, 0, 0, 0], voteCount: 6000, ratings: [0.3, 0.2, 0.1, 0, -0.1, -0.2]);

        var fit = Fit(sim.Votes, sim.All, Unpenalized);

        var truth = TrueRatingsInFitOrder(sim, fit);
        var order = Enumerable.Range(0, fit.Models.Count).OrderByDescending(j => fit.Ratings[j]).Select(j => fit.Models[j]);
        var trueOrder = Enumerable.Range(0, fit.Models.Count).OrderByDescending(j => truth[j]).Select(j => fit.Models[j]);
        Assert.Equal(trueOrder, order);
    }

    [Fact]
    public void Sandwich_intervals_cover_the_truth_at_about_the_nominal_rate()
    {
        const int Replications = 40;
        var covered = 0;
        var total = 0;
        var estimates = new List<double>[4];
        var reportedErrors = new List<double>[4];
        for (var k = 0; k < 4; k++)
        {
            estimates[k] = [];
            reportedErrors[k] = [];
        }

        for (var seed = 100; seed < 100 + Replications; seed++)
        {
            var sim = StyleSimulation.Run(seed, KnownGamma);
            var fit = Fit(sim.Votes, sim.All, Unpenalized);
            var truth = TrueRatingsInFitOrder(sim, fit);
            for (var j = 0; j < truth.Length; j++, total++)
            {
                covered += fit.Lower[j] <= truth[j] && truth[j] <= fit.Upper[j] ? 1 : 0;
            }

            for (var k = 0; k < 4; k++, total++)
            {
                var c = fit.Coefficients[k];
                covered += c.Lower <= KnownGamma[k] && KnownGamma[k] <= c.Upper ? 1 : 0;
                estimates[k].Add(c.Value);
                reportedErrors[k].Add((c.Upper - c.Lower) / (2 * 1.959963984540054));
            }
        }

        // 400 intervals at 95 %: about 380 cover; fewer than 360 is 4.6 binomial sd below.
        Assert.InRange(covered, 360, total);

        // The sandwich standard error should match the spread of the estimates across replications
        // (with 40 replications the empirical sd is itself uncertain by about ±11 %).
        for (var k = 0; k < 4; k++)
        {
            var mean = estimates[k].Average();
            var empirical = Math.Sqrt(estimates[k].Sum(e => (e - mean) * (e - mean)) / (Replications - 1));
            var ratio = reportedErrors[k].Average() / empirical;
            Assert.InRange(ratio, 0.7, 1.4);
        }
    }

    [Fact]
    public void Coefficients_cover_zero_when_style_has_no_effect()
    {
        var covered = 0;
        for (var seed = 200; seed < 230; seed++)
        {
            var sim = StyleSimulation.Run(seed, NoStyleEffect);

            var fit = Fit(sim.Votes, sim.All); // arena-rank defaults: λ = 1, reweighting

            covered += fit.Coefficients.Count(c => c.Lower <= 0 && 0 <= c.Upper);
            Assert.All(fit.Coefficients, c => Assert.InRange(c.Value, -0.05, 0.05));
        }

        Assert.InRange(covered, 104, 120); // 120 intervals at 95 %: about 114 cover
    }

    [Fact]
    public void The_penalised_fit_is_a_stationary_point_of_arena_ranks_loss()
    {
        var sim = StyleSimulation.Run(seed: 3, KnownGamma);
        var options = new StyleControlOptions { CoefficientPenalty = 1.0, Reweight = true, MinPairCount = 600 }; // floor above every pair's count: weights vary
        var fit = Fit(sim.Votes, sim.All, options);

        // Recompute the gradient of −mean(w·(y·z − softplus z)) + ½λ‖γ‖² from the spec.
        var votes = sim.Votes;
        var n = votes.Count;
        var pairCount = new Dictionary<(int, int), int>();
        for (var i = 0; i < n; i++)
        {
            var key = (Math.Min(votes.ModelA[i], votes.ModelB[i]), Math.Max(votes.ModelA[i], votes.ModelB[i]));
            pairCount[key] = pairCount.GetValueOrDefault(key) + 1;
        }

        var w = Enumerable.Range(0, n).Select(i => 1.0 / Math.Max(pairCount[(Math.Min(votes.ModelA[i], votes.ModelB[i]), Math.Max(votes.ModelA[i], votes.ModelB[i]))], 600)).ToArray();
        var meanW = w.Average();
        var rating = votes.Models.Names.Select(name => (fit.Ratings[IndexOf(fit.Models, name)] - 1000) / RatingUnit).ToArray();
        var gamma = fit.Coefficients.Select(c => c.Value).ToArray();
        var ratingGradient = new double[rating.Length];
        var gammaGradient = new double[4];
        for (var i = 0; i < n; i++)
        {
            var a = votes.ModelA[i];
            var b = votes.ModelB[i];
            var z = rating[a] - rating[b] + Enumerable.Range(0, 4).Sum(k => gamma[k] * sim.Z[i][k]);
            var residual = w[i] / meanW * (votes.Winners[i].ScoreForA() - (1 / (1 + Math.Exp(-z)))) / n;
            ratingGradient[a] -= residual;
            ratingGradient[b] += residual;
            for (var k = 0; k < 4; k++)
            {
                gammaGradient[k] -= residual * sim.Z[i][k];
            }
        }

        Assert.All(ratingGradient, g => Assert.InRange(g, -1e-9, 1e-9));
        for (var k = 0; k < 4; k++)
        {
            Assert.InRange(gammaGradient[k] + (1.0 * gamma[k]), -1e-9, 1e-9);
        }

        Assert.InRange(fit.Ratings.Average(), 1000 - 1e-9, 1000 + 1e-9); // sum-zero gauge
    }

    [Fact]
    public void The_penalty_shrinks_coefficients_towards_zero()
    {
        var sim = StyleSimulation.Run(seed: 4, KnownGamma);

        var free = Fit(sim.Votes, sim.All, Unpenalized);
        var penalised = Fit(sim.Votes, sim.All);

        for (var k = 0; k < 3; k++) // bold has no effect, so its sign is noise
        {
            Assert.Equal(Math.Sign(free.Coefficients[k].Value), Math.Sign(penalised.Coefficients[k].Value));
            Assert.True(Math.Abs(penalised.Coefficients[k].Value) < 0.5 * Math.Abs(free.Coefficients[k].Value));
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void A_feature_without_variance_gets_a_zero_coefficient_and_no_crash(double penalty)
    {
        var sim = StyleSimulation.Run(seed: 5, KnownGamma, boldAlwaysZero: true);

        var fit = Fit(sim.Votes, sim.All, new StyleControlOptions { CoefficientPenalty = penalty });

        Assert.Equal(StyleControlExitReason.Converged, fit.ExitReason);
        var bold = fit.Coefficients[3];
        Assert.Equal(0.0, bold.Value);
        Assert.InRange(bold.Lower, -1e-9, 0);
        Assert.InRange(bold.Upper, 0, 1e-9);
        Assert.Equal(1.0, fit.FeatureStandardDeviations[3]); // std 0 → 1
        Assert.All(fit.Lower.Concat(fit.Upper), v => Assert.True(double.IsFinite(v)));
        Assert.True(fit.Coefficients[0].Lower > 0); // the length effect is still found
    }

    [Fact]
    public void Bootstrap_and_sandwich_intervals_have_similar_widths()
    {
        var sim = StyleSimulation.Run(seed: 6, KnownGamma, voteCount: 4000);

        var sandwich = Fit(sim.Votes, sim.All, Unpenalized);
        var bootstrap = Fit(sim.Votes, sim.All, Unpenalized, StyleIntervalMethod.Bootstrap, bootstrapRounds: 300, seed: 7);

        Assert.Equal(sandwich.Ratings, bootstrap.Ratings); // the point estimate is the full-data fit either way
        Assert.Equal(300, bootstrap.BootstrapRounds);
        Assert.Equal(0, bootstrap.BootstrapRoundsNotConverged);
        for (var j = 0; j < sandwich.Models.Count; j++)
        {
            Assert.InRange((bootstrap.Upper[j] - bootstrap.Lower[j]) / (sandwich.Upper[j] - sandwich.Lower[j]), 0.75, 1.33);
        }

        for (var k = 0; k < 4; k++)
        {
            var s = sandwich.Coefficients[k];
            var b = bootstrap.Coefficients[k];
            Assert.InRange((b.Upper - b.Lower) / (s.Upper - s.Lower), 0.75, 1.33);
        }
    }

    [Fact]
    public void Bootstrap_is_reproducible_for_a_seed()
    {
        var sim = StyleSimulation.Run(seed: 8, KnownGamma, voteCount: 1500);

        var first = Fit(sim.Votes, sim.All, intervals: StyleIntervalMethod.Bootstrap, bootstrapRounds: 40, seed: 11);
        var again = Fit(sim.Votes, sim.All, intervals: StyleIntervalMethod.Bootstrap, bootstrapRounds: 40, seed: 11);
        var other = Fit(sim.Votes, sim.All, intervals: StyleIntervalMethod.Bootstrap, bootstrapRounds: 40, seed: 12);

        Assert.Equal(first.Lower, again.Lower);
        Assert.Equal(first.Upper, again.Upper);
        Assert.Equal(first.Coefficients, again.Coefficients);
        Assert.NotEqual(first.Lower, other.Lower);
    }

    [Fact]
    public void Without_a_penalty_both_sandwich_variants_agree()
    {
        var sim = StyleSimulation.Run(seed: 9, KnownGamma);

        var penalized = Fit(sim.Votes, sim.All, Unpenalized with { Sandwich = StyleSandwich.Penalized });
        var arenaRank = Fit(sim.Votes, sim.All, Unpenalized with { Sandwich = StyleSandwich.ArenaRank });

        Assert.Equal(penalized.Lower, arenaRank.Lower);
        Assert.Equal(penalized.Coefficients, arenaRank.Coefficients);
    }

    // Why Penalized is the default: the bootstrap measures the spread of the very estimator we compute, and with
    // λ = 1 it agrees with the penalised sandwich, while arena-rank's sandwich (no λ in H) overstates the
    // coefficients' intervals several-fold and the ratings' of models whose style is confounded with their identity.
    [Fact]
    public void With_the_penalty_the_bootstrap_agrees_with_the_penalised_sandwich_not_arena_ranks()
    {
        var sim = StyleSimulation.Run(seed: 10, KnownGamma);

        var penalized = Fit(sim.Votes, sim.All, new StyleControlOptions { Sandwich = StyleSandwich.Penalized });
        var arenaRank = Fit(sim.Votes, sim.All, new StyleControlOptions { Sandwich = StyleSandwich.ArenaRank });
        var bootstrap = Fit(sim.Votes, sim.All, new StyleControlOptions(), StyleIntervalMethod.Bootstrap, bootstrapRounds: 500, seed: 5);

        for (var k = 0; k < 4; k++)
        {
            var p = Width(penalized.Coefficients[k]);
            Assert.InRange(Width(bootstrap.Coefficients[k]) / p, 0.8, 1.25);
            Assert.True(Width(arenaRank.Coefficients[k]) > 3 * p, $"{penalized.Coefficients[k].Feature}: {Width(arenaRank.Coefficients[k])} vs {p}");
        }

        for (var j = 0; j < penalized.Models.Count; j++)
        {
            var p = penalized.Upper[j] - penalized.Lower[j];
            Assert.InRange((bootstrap.Upper[j] - bootstrap.Lower[j]) / p, 0.8, 1.25);
            Assert.True(arenaRank.Upper[j] - arenaRank.Lower[j] >= p);
        }

        Assert.True(Enumerable.Range(0, penalized.Models.Count).Max(j => (arenaRank.Upper[j] - arenaRank.Lower[j]) / (penalized.Upper[j] - penalized.Lower[j])) > 1.2);

        static double Width(StyleCoefficient c) => c.Upper - c.Lower;
    }

    [Fact]
    public void Ratings_scale_with_the_scale_and_base_options()
    {
        var sim = StyleSimulation.Run(seed: 12, KnownGamma, voteCount: 1500);

        var elo = Fit(sim.Votes, sim.All);
        var natural = Fit(sim.Votes, sim.All, new StyleControlOptions { Scale = 1, Base = Math.E, InitialRating = 0 });

        for (var j = 0; j < elo.Models.Count; j++)
        {
            Assert.Equal(1000 + (RatingUnit * natural.Ratings[j]), elo.Ratings[j], 1e-9);
            Assert.Equal(1000 + (RatingUnit * natural.Upper[j]), elo.Upper[j], 1e-9);
        }

        Assert.Equal(natural.Coefficients, elo.Coefficients); // γ is in natural units either way
    }

    [Fact]
    public void A_table_without_style_metadata_is_refused()
    {
        var builder = new VoteTableBuilder();
        builder.Add(new VoteRow { ModelA = builder.Models.GetOrAdd("x"), ModelB = builder.Models.GetOrAdd("y"), SourceLine = 2 });
        var votes = builder.Build();

        var error = Assert.Throws<ArgumentException>(() => Fit(votes, [0]));

        Assert.Contains("no style metadata", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Votes_lacking_style_metadata_are_counted_with_their_lines()
    {
        var builder = new VoteTableBuilder();
        var x = builder.Models.GetOrAdd("x");
        var y = builder.Models.GetOrAdd("y");
        for (var i = 0; i < 5; i++)
        {
            var style = i is 1 or 3 ? (StyleCounts?)null : new StyleCounts(10, 20, 0, 0, 1, 2, 0, 0);
            builder.Add(new VoteRow { ModelA = x, ModelB = y, Style = style, SourceLine = 10 + i });
        }

        var votes = builder.Build();

        var error = Assert.Throws<ArgumentException>(() => Fit(votes, [0, 1, 2, 3, 4]));

        Assert.Contains("2 of the 5 selected votes", error.Message, StringComparison.Ordinal);
        Assert.Contains("source lines 11, 13", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Fit(votes, [0, 2, 4]).Models.Count); // without them it fits
    }

    [Fact]
    public void A_self_vote_is_refused_with_its_line()
    {
        var sim = StyleSimulation.Run(seed: 13, KnownGamma, voteCount: 200);
        var builder = new VoteTableBuilder();
        var x = builder.Models.GetOrAdd("x");
        builder.Add(new VoteRow { ModelA = x, ModelB = builder.Models.GetOrAdd("y"), Style = sim.Votes.Style[0], SourceLine = 2 });
        builder.Add(new VoteRow { ModelA = x, ModelB = x, Style = sim.Votes.Style[1], SourceLine = 3 });
        var votes = builder.Build();

        var error = Assert.Throws<ArgumentException>(() => Fit(votes, [0, 1]));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(StyleControlOptions.ConfidenceLevel), 1.0)]
    [InlineData(nameof(StyleControlOptions.CoefficientPenalty), -1.0)]
    [InlineData(nameof(StyleControlOptions.Base), 1.0)]
    [InlineData(nameof(StyleControlOptions.Tolerance), 0.0)]
    public void Invalid_options_are_refused_by_name(string option, double value)
    {
        var sim = StyleSimulation.Run(seed: 14, KnownGamma, voteCount: 200);
        var options = option switch
        {
            nameof(StyleControlOptions.ConfidenceLevel) => new StyleControlOptions { ConfidenceLevel = value },
            nameof(StyleControlOptions.CoefficientPenalty) => new StyleControlOptions { CoefficientPenalty = value },
            nameof(StyleControlOptions.Base) => new StyleControlOptions { Base = value },
            _ => new StyleControlOptions { Tolerance = value },
        };

        var error = Assert.Throws<ArgumentException>(() => Fit(sim.Votes, sim.All, options));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
        Assert.Contains(value.ToString(CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    private static StyleControlFit Fit(
        VoteTable votes,
        int[] selected,
        StyleControlOptions? options = null,
        StyleIntervalMethod intervals = StyleIntervalMethod.Sandwich,
        int bootstrapRounds = 100,
        int seed = 42) =>
        StyleControlModel.Fit(votes, selected, options, intervals, bootstrapRounds, seed, TestContext.Current.CancellationToken);

    private static double[] TrueRatingsInFitOrder(StyleSimulation sim, StyleControlFit fit) =>
        [.. fit.Models.Select(name => 1000 + (RatingUnit * sim.TrueRatings[int.Parse(name.AsSpan(1), CultureInfo.InvariantCulture)]))];

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        throw new KeyNotFoundException(name);
    }
}
