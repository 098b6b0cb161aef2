namespace Modelwatch.Core.Ratings;

/// <summary>Small scalar functions .NET does not provide accurately.</summary>
internal static class Numerics
{
    /// <summary>
    /// <c>log(1 + x)</c> without the cancellation of <c>Math.Log(1 + x)</c> for small x (Goldberg's trick: the
    /// rounding of <c>1 + x</c> is undone by dividing by the rounded <c>u − 1</c>). <c>double.LogP1</c> is not
    /// accurate for small arguments.
    /// </summary>
    public static double Log1P(double x)
    {
        var u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>numpy's default ("linear") percentile of sorted values: interpolate at position (n − 1)·q.</summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var below = (int)Math.Floor(position);
        if (below >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var fraction = position - below;
        return sorted[below] + (fraction * (sorted[below + 1] - sorted[below]));
    }
}
