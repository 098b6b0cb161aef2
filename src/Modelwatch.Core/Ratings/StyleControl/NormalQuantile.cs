namespace Modelwatch.Core.Ratings.StyleControl;

/// <summary>
/// Inverse of the standard normal CDF by Acklam's rational approximation (relative error below 1.2e-9), enough
/// for interval half-widths: at 0.975 it gives 1.959963985 (exact: 1.959963984540…).
/// </summary>
internal static class NormalQuantile
{
    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    public static double Of(double probability)
    {
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A normal quantile needs a probability strictly between 0 and 1.");
        }

        const double Low = 0.02425;
        if (probability < Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(probability));
            return Horner(C, q) / ((Horner(D, q) * q) + 1);
        }

        if (probability > 1 - Low)
        {
            return -Of(1 - probability);
        }

        var x = probability - 0.5;
        var r = x * x;
        return Horner(A, r) * x / ((Horner(B, r) * r) + 1);
    }

    /// <summary>c₀·xⁿ⁻¹ + … + cₙ₋₁.</summary>
    private static double Horner(double[] coefficients, double x)
    {
        var value = 0.0;
        foreach (var c in coefficients)
        {
            value = (value * x) + c;
        }

        return value;
    }
}
