using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Ratings.StyleControl;

/// <summary>
/// Style-controlled leaderboard: the contextual Bradley–Terry model of lmarena/arena-rank
/// (<c>ContextualBradleyTerry</c>; method: Li et al., "Does style matter? Disentangling style and substance in
/// Chatbot Arena", LMSYS blog, 2024-08-28). <c>P(A wins) = σ(r_A − r_B + Σₖ γₖ·fₖ)</c> with per-vote features
/// <c>f = (A − B)/(A + B + 1)</c> of answer tokens, headers, lists and bold, z-scored over the fitted votes. The loss
/// is arena-rank's weighted mean negative log-likelihood plus ½·λ·‖γ‖² (ratings unpenalised, sum-zero gauge),
/// minimised by Newton's method with line search on all m + 4 parameters over the individual votes.
/// </summary>
public static class StyleControlModel
{
    /// <summary>The feature names of <see cref="StyleControlFit.Coefficients"/>, in order.</summary>
    public static IReadOnlyList<string> FeatureNames => StyleDesign.FeatureNames;

    /// <summary>Fits ratings net of style with intervals for ratings and coefficients.</summary>
    /// <param name="votes">Votes with style metadata on every selected vote.</param>
    /// <param name="selected">Indices of the votes to fit (e.g. <see cref="CleanedVotes.Selected"/>); no self-votes.</param>
    /// <param name="options">Fit settings; arena-rank's defaults when null.</param>
    /// <param name="intervals">Sandwich (default, as LMArena) or bootstrap.</param>
    /// <param name="bootstrapRounds">Rounds when bootstrapping (arena-rank default 100).</param>
    /// <param name="seed">Seed of the bootstrap draws: the same seed gives the same intervals.</param>
    /// <param name="cancellationToken">Stops a bootstrap between rounds.</param>
    /// <exception cref="ArgumentException">
    /// No votes, a self-vote, missing style metadata (with the count and source lines), or invalid options.
    /// </exception>
    public static StyleControlFit Fit(
        VoteTable votes,
        ReadOnlySpan<int> selected,
        StyleControlOptions? options = null,
        StyleIntervalMethod intervals = StyleIntervalMethod.Sandwich,
        int bootstrapRounds = 100,
        int seed = 42,
        CancellationToken cancellationToken = default)
    {
        options ??= new StyleControlOptions();
        Validate(options, intervals, bootstrapRounds);
        var design = StyleDesign.Build(votes, selected, options);
        var objective = new ContextualObjective(design, options.CoefficientPenalty);
        var p = design.ParameterCount;
        var m = design.ModelCount;
        var work = new NewtonWorkspace(p);
        var fit = ContextualNewton.Minimize(objective, null, new double[p], options.MaxIterations, options.Tolerance, work);
        var theta = fit.Theta;

        var z = NormalDistribution.TwoSidedCriticalValue(options.ConfidenceLevel);
        var lower = new double[p];
        var upper = new double[p];
        var notConverged = 0;
        if (intervals == StyleIntervalMethod.Sandwich)
        {
            var errors = StyleSandwichCovariance.StandardErrors(objective, theta, work.Hessian, options);
            for (var j = 0; j < p; j++)
            {
                lower[j] = theta[j] - (z * errors[j]);
                upper[j] = theta[j] + (z * errors[j]);
            }
        }
        else
        {
            (var thetas, notConverged) = StyleBootstrap.Run(objective, theta, options, bootstrapRounds, seed, cancellationToken);
            var tail = (1 - options.ConfidenceLevel) / 2;
            var sample = new double[bootstrapRounds];
            for (var j = 0; j < p; j++)
            {
                for (var r = 0; r < bootstrapRounds; r++)
                {
                    sample[r] = thetas[r][j];
                }

                Array.Sort(sample);
                lower[j] = Numerics.Percentile(sample, tail);
                upper[j] = Numerics.Percentile(sample, 1 - tail);
            }
        }

        // Percentiles and ±z·se both commute with this increasing linear map, so scaling bounds is exact.
        var alpha = options.Scale / Math.Log(options.Base);
        double Scale(double r) => options.InitialRating + (alpha * r);
        var coefficients = new StyleCoefficient[StyleDesign.FeatureCount];
        for (var k = 0; k < coefficients.Length; k++)
        {
            coefficients[k] = new StyleCoefficient(StyleDesign.FeatureNames[k], theta[m + k], lower[m + k], upper[m + k]);
        }

        return new StyleControlFit
        {
            Models = design.Models,
            Ratings = [.. theta.Take(m).Select(Scale)],
            Lower = [.. lower.Take(m).Select(Scale)],
            Upper = [.. upper.Take(m).Select(Scale)],
            Coefficients = coefficients,
            FeatureMeans = design.FeatureMeans,
            FeatureStandardDeviations = design.FeatureStandardDeviations,
            VoteCount = design.VoteCount,
            Iterations = fit.Iterations,
            ExitReason = fit.ExitReason,
            GradientNorm = fit.GradientNorm,
            Loss = fit.Loss,
            IntervalMethod = intervals,
            BootstrapRounds = intervals == StyleIntervalMethod.Bootstrap ? bootstrapRounds : 0,
            BootstrapRoundsNotConverged = notConverged,
            Options = options,
        };
    }

    private static void Validate(StyleControlOptions o, StyleIntervalMethod intervals, int bootstrapRounds)
    {
        Check(o.Scale > 0 && double.IsFinite(o.Scale), nameof(o.Scale), o.Scale, "a positive number");
        Check(o.Base > 1 && double.IsFinite(o.Base), nameof(o.Base), o.Base, "a number above 1");
        Check(double.IsFinite(o.InitialRating), nameof(o.InitialRating), o.InitialRating, "a finite number");
        Check(o.CoefficientPenalty >= 0 && double.IsFinite(o.CoefficientPenalty), nameof(o.CoefficientPenalty), o.CoefficientPenalty, "a finite number ≥ 0");
        Check(o.HessianRidge >= 0 && double.IsFinite(o.HessianRidge), nameof(o.HessianRidge), o.HessianRidge, "a finite number ≥ 0");
        Check(o.MinPairCount > 0 && double.IsFinite(o.MinPairCount), nameof(o.MinPairCount), o.MinPairCount, "a positive number");
        Check(o.MaxIterations >= 1, nameof(o.MaxIterations), o.MaxIterations, "at least 1");
        Check(o.Tolerance > 0 && double.IsFinite(o.Tolerance), nameof(o.Tolerance), o.Tolerance, "a positive number");
        Check(o.ConfidenceLevel is > 0 and < 1, nameof(o.ConfidenceLevel), o.ConfidenceLevel, "strictly between 0 and 1");
        Check(Enum.IsDefined(o.Sandwich), nameof(o.Sandwich), o.Sandwich, "a StyleSandwich value");
        Check(Enum.IsDefined(intervals), nameof(intervals), intervals, "a StyleIntervalMethod value");
        if (intervals == StyleIntervalMethod.Bootstrap)
        {
            Check(bootstrapRounds >= 2, nameof(bootstrapRounds), bootstrapRounds, "at least 2 rounds");
        }
    }

    private static void Check(bool ok, string name, object value, string expected)
    {
        if (!ok)
        {
            throw new ArgumentException($"Style control option {name} is {value}; expected {expected}.", name);
        }
    }
}
