namespace Modelwatch.Core.Advisor;

/// <summary>An eligible model with its numbers: what scoring, positions, trade-offs and alternatives work on.</summary>
/// <param name="Candidate">The model.</param>
/// <param name="Rating">Its category rating.</param>
/// <param name="Lower">The rating's 95% lower bound (the rating itself when the board gives no interval).</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Price">Blended USD per million tokens, when priced.</param>
/// <param name="TokensPerSecond">Median output speed measured here, when measured.</param>
internal sealed record Rated(AdvisorCandidate Candidate, double Rating, double Lower, double Upper, decimal? Price, double? TokensPerSecond)
{
    public string Id => Candidate.ModelId;

    /// <summary>
    /// The price compared with others: null for $0 as for no price. The catalog shows $0 only for a model offered
    /// nowhere for money — a free tier (rate-limited) or a subscription plan, not a per-token price to plan on — so it
    /// neither wins on price nor sets the scale, and the pick says its price cannot be compared.
    /// </summary>
    public decimal? ComparablePrice => Price > 0 ? Price : null;

    /// <summary>Both intervals share a point: neither is clearly ahead.</summary>
    public static bool Overlap(double lowA, double highA, double lowB, double highB) => lowA <= highB && lowB <= highA;

    public static Rated Of(AdvisorCandidate candidate)
    {
        var q = candidate.Quality!;

        // A board without intervals (or with a broken one) gives a zero-width interval: the point estimate, never NaN.
        var lower = double.IsFinite(q.Lower) ? Math.Min(q.Lower, q.Rating) : q.Rating;
        var upper = double.IsFinite(q.Upper) ? Math.Max(q.Upper, q.Rating) : q.Rating;
        var speed = candidate.Speed?.MedianTokensPerSecond is { } s && double.IsFinite(s) && s > 0 ? s : (double?)null;
        var shown = lower == q.Lower && upper == q.Upper ? candidate : candidate with { Quality = q with { Lower = lower, Upper = upper } };
        return new(shown, q.Rating, lower, upper, AdvisorPricing.Blended(candidate.InputPerMillion, candidate.OutputPerMillion), speed);
    }
}

/// <summary>A model's weighted score, at its rating and at both ends of the rating's interval.</summary>
internal sealed record Scored(Rated Model, double Score, double ScoreLow, double ScoreHigh);

/// <summary>
/// The score: a weighted mean of three axes, each in [0, 1] over the eligible models.
/// Quality: the rating min–max normalised over the eligible models' interval ends (lowest lower bound → 0, highest
/// upper bound → 1), so the score at either end of an interval stays in [0, 1] and, with quality alone, comparing
/// scores is comparing ratings. Price: log scale, cheapest → 1, dearest → 0 (a 2× price step costs the same anywhere
/// on the scale; $0 counts as unknown, <see cref="Rated.ComparablePrice"/>). Speed: median tokens per second, log scale, fastest → 1.
/// Unknown price or speed: the neutral 0.5, shown as a trade-off, so a missing number neither wins nor sinks a model.
/// </summary>
internal static class AdvisorScoring
{
    /// <summary>The axis value of a model whose price or speed is unknown.</summary>
    public const double Neutral = 0.5;

    public static IReadOnlyList<Scored> Score(IReadOnlyList<Rated> eligible, AdvisorWeights weights)
    {
        if (eligible.Count == 0)
        {
            return [];
        }

        var low = eligible.Min(m => m.Lower);
        var high = eligible.Max(m => m.Upper);
        var price = LogScale.Over(eligible.Select(m => m.ComparablePrice is { } p ? (double)p : (double?)null), higherIsBetter: false);
        var speed = LogScale.Over(eligible.Select(m => m.TokensPerSecond), higherIsBetter: true);
        var total = weights.Quality + weights.Price + weights.Speed;
        return [.. eligible.Select(m =>
        {
            var rest = (weights.Price * price.Of(m.ComparablePrice is { } p ? (double)p : null)) + (weights.Speed * speed.Of(m.TokensPerSecond));
            return new Scored(
                m,
                ((weights.Quality * Quality(m.Rating)) + rest) / total,
                ((weights.Quality * Quality(m.Lower)) + rest) / total,
                ((weights.Quality * Quality(m.Upper)) + rest) / total);
        })];

        // One model with a zero-width interval: nothing to normalise against, it is the best there is.
        double Quality(double rating) => high > low ? (rating - low) / (high - low) : 1.0;
    }

    /// <summary>A log-scale min–max normaliser over the known, positive values of one axis.</summary>
    private sealed class LogScale(double logLow, double logHigh, bool higherIsBetter)
    {
        public static LogScale Over(IEnumerable<double?> values, bool higherIsBetter)
        {
            var positive = values.Where(v => v is { } x && double.IsFinite(x) && x > 0).Select(v => v!.Value).ToList();
            return positive.Count == 0
                ? new LogScale(0, 0, higherIsBetter)
                : new LogScale(Math.Log(positive.Min()), Math.Log(positive.Max()), higherIsBetter);
        }

        public double Of(double? value)
        {
            if (value is not { } v || !double.IsFinite(v) || v <= 0)
            {
                return Neutral;
            }

            if (logHigh <= logLow)
            {
                return 1.0;
            }

            var x = Math.Clamp(Math.Log(v), logLow, logHigh);
            var t = (x - logLow) / (logHigh - logLow);
            return higherIsBetter ? t : 1.0 - t;
        }
    }
}
