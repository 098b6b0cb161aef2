using System.Runtime.CompilerServices;

namespace Modelwatch.Core.Ratings;

/// <summary>
/// Multinomial resampling of row counts by sequential conditional binomials:
/// <c>X_i ~ Binomial(N − Σ_{j&lt;i} X_j, c_i / Σ_{j≥i} c_j)</c>. One binomial per row (tens of thousands) instead of
/// one categorical draw per vote (millions), and exactly multinomial.
/// </summary>
internal sealed class MultinomialSampler
{
    private readonly double[] _conditional;
    private readonly long _total;

    /// <param name="weights">Row probabilities up to a factor (the original counts).</param>
    /// <param name="total">Number of draws N.</param>
    public MultinomialSampler(ReadOnlySpan<double> weights, long total)
    {
        // c_i / Σ_{j≥i} c_j is the same in every round. Suffix sums (not 1 − a running prefix) keep it exact
        // for integer counts, and the last non-empty row gets exactly 1.
        _conditional = new double[weights.Length];
        var suffix = 0.0;
        for (var i = weights.Length - 1; i >= 0; i--)
        {
            suffix += weights[i];
            _conditional[i] = weights[i] > 0 ? weights[i] / suffix : 0;
        }

        _total = total;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a hot numeric kernel: fully optimised from the first call, no slow first tier
    public void Sample(Xoshiro256StarStar rng, Span<double> result)
    {
        var remaining = _total;
        for (var i = 0; i < _conditional.Length; i++)
        {
            if (remaining == 0 || _conditional[i] <= 0)
            {
                result[i] = 0;
                continue;
            }

            var draw = BinomialSampler.Sample(rng, remaining, _conditional[i]);
            result[i] = draw;
            remaining -= draw;
        }
    }
}
