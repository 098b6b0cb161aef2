namespace Modelwatch.Core.Ratings;

/// <summary>
/// Multinomial resampling of row counts by sequential conditional binomials:
/// <c>X_i ~ Binomial(N − Σ_{j&lt;i} X_j, c_i / Σ_{j≥i} c_j)</c>. One binomial per row (tens of thousands) instead of
/// one categorical draw per vote (millions), and exactly multinomial.
/// </summary>
internal sealed class MultinomialSampler
{
    private readonly double[] _weights;
    private readonly double[] _suffix;
    private readonly long _total;

    /// <param name="weights">Row probabilities up to a factor (the original counts).</param>
    /// <param name="total">Number of draws N.</param>
    public MultinomialSampler(ReadOnlySpan<double> weights, long total)
    {
        _weights = weights.ToArray();
        _suffix = new double[weights.Length];
        // Suffix sums (not 1 − prefix) keep each conditional probability exact for integer counts.
        var sum = 0.0;
        for (var i = weights.Length - 1; i >= 0; i--)
        {
            sum += weights[i];
            _suffix[i] = sum;
        }

        _total = total;
    }

    public void Sample(Xoshiro256StarStar rng, Span<double> result)
    {
        var remaining = _total;
        for (var i = 0; i < _weights.Length; i++)
        {
            if (remaining == 0 || _weights[i] <= 0)
            {
                result[i] = 0;
                continue;
            }

            var draw = BinomialSampler.Sample(rng, remaining, _weights[i] / _suffix[i]);
            result[i] = draw;
            remaining -= draw;
        }
    }
}
