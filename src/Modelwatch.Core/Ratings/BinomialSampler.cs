namespace Modelwatch.Core.Ratings;

/// <summary>
/// Exact binomial variates. Small means use sequential-search inversion (BINV, Kachitvichyanukul &amp; Schmeiser,
/// 1988); means of 10 and more use BTRD, transformed rejection with decomposition (W. Hörmann, "The generation of
/// binomial random variates", J. Statist. Comput. Simul. 46:101–110, 1993), whose cost does not grow with n.
/// Both are exact: no normal or Poisson approximation.
/// </summary>
internal static class BinomialSampler
{
    /// <summary>Stirling-series corrections <c>fc(k) = ln k! − ((k + ½) ln(k + 1) − (k + 1) + ½ ln 2π)</c>, k = 0..9.</summary>
    private static readonly double[] StirlingTail =
    [
        0.08106146679532726, 0.04134069595540929, 0.02767792568499834, 0.02079067210376509, 0.01664469118982119,
        0.01387612882307075, 0.01189670994589177, 0.01041126526197209, 0.009255462182712733, 0.008330563433362871,
    ];

    /// <summary>One draw from Binomial(<paramref name="n"/>, <paramref name="p"/>).</summary>
    public static long Sample(Xoshiro256StarStar rng, long n, double p)
    {
        if (n <= 0 || !(p > 0))
        {
            return 0;
        }

        if (p >= 1)
        {
            return n;
        }

        // Both methods want p ≤ ½; the count of failures is binomial in 1 − p.
        return p > 0.5 ? n - SampleAtMostHalf(rng, n, 1 - p) : SampleAtMostHalf(rng, n, p);
    }

    /// <summary>The Stirling correction <c>fc(k)</c>: table below 10, else the series to the 1/(k+1)⁵ term.</summary>
    internal static double StirlingCorrection(double k)
    {
        if (k < 10)
        {
            return StirlingTail[(int)k];
        }

        var inverse = 1.0 / (k + 1);
        var inverseSquared = inverse * inverse;
        return ((1.0 / 12) - (((1.0 / 360) - ((1.0 / 1260) * inverseSquared)) * inverseSquared)) * inverse;
    }

    private static long SampleAtMostHalf(Xoshiro256StarStar rng, long n, double p)
    {
        // BTRD's constants are fitted for a mode of at least 10 (Hörmann, section 3).
        return (n + 1) * p < 11 ? Inversion(rng, n, p) : Btrd(rng, n, p);
    }

    private static long Inversion(Xoshiro256StarStar rng, long n, double p)
    {
        var q = 1 - p;
        var s = p / q;
        var a = (n + 1) * s;
        var probability = Math.Exp(n * Numerics.Log1P(-p)); // P(X = 0) ≥ e^−14 here, no underflow
        var u = rng.NextDouble();
        long x = 0;
        while (u > probability)
        {
            u -= probability;
            x++;
            probability *= (a / x) - s; // P(X = x) / P(X = x − 1)
            if (x >= n || probability <= 0)
            {
                // Only rounding of the cumulative sum can get here; the remaining mass is below 1e-15.
                return Math.Min(x, n);
            }
        }

        return x;
    }

    private static long Btrd(Xoshiro256StarStar rng, long n, double p)
    {
        var q = 1 - p;
        var npq = n * p * q;
        var spq = Math.Sqrt(npq);
        var b = 1.15 + (2.53 * spq);
        var a = -0.0873 + (0.0248 * b) + (0.01 * p);
        var c = (n * p) + 0.5;
        var alpha = (2.83 + (5.1 / b)) * spq;
        var vr = 0.92 - (4.2 / b);
        var urvr = 0.86 * vr;
        var m = Math.Floor((n + 1) * p);
        var r = p / q;
        var nr = (n + 1) * r;

        while (true)
        {
            // Step 1: the inner box, where the transformed variate is accepted at once (about 86% of v_r).
            var v = rng.NextDouble();
            double u;
            if (v <= urvr)
            {
                u = (v / vr) - 0.43;
                return (long)Math.Floor((((2 * a) / (0.5 - Math.Abs(u))) + b) * u + c);
            }

            // Step 2: a point of the hat outside the box.
            if (v >= vr)
            {
                u = rng.NextDouble() - 0.5;
            }
            else
            {
                u = (v / vr) - 0.93;
                u = (u < 0 ? -0.5 : 0.5) - u;
                v = rng.NextDouble() * vr;
            }

            // Step 3: the candidate k and the hat height at it.
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor(((((2 * a) / us) + b) * u) + c);
            if (k < 0 || k > n)
            {
                continue;
            }

            v = v * alpha / ((a / (us * us)) + b);
            var km = Math.Abs(k - m);
            if (km <= 15)
            {
                // Step 3.1: f(k)/f(m) by the recursion f(i)/f(i−1) = (n + 1)r/i − r.
                var f = 1.0;
                if (m < k)
                {
                    for (var i = m + 1; i <= k; i++)
                    {
                        f *= (nr / i) - r;
                    }
                }
                else if (m > k)
                {
                    for (var i = k + 1; i <= m; i++)
                    {
                        v *= (nr / i) - r;
                    }
                }

                if (v <= f)
                {
                    return (long)k;
                }

                continue;
            }

            // Step 3.2: squeeze with the normal approximation of log f(k)/f(m).
            v = Math.Log(v);
            var rho = (km / npq) * ((((((km / 3.0) + 0.625) * km) + (1.0 / 6)) / npq) + 0.5);
            var t = -km * km / (2 * npq);
            if (v < t - rho)
            {
                return (long)k;
            }

            if (v > t + rho)
            {
                continue;
            }

            // Step 3.3: the exact log ratio via Stirling's formula with the fc corrections.
            var nm = n - m + 1;
            var h = ((m + 0.5) * Math.Log((m + 1) / (r * nm))) + StirlingCorrection(m) + StirlingCorrection(n - m);
            var nk = n - k + 1;
            var bound = h + ((n + 1) * Math.Log(nm / nk)) + ((k + 0.5) * Math.Log(nk * r / (k + 1)))
                - StirlingCorrection(k) - StirlingCorrection(n - k);
            if (v <= bound)
            {
                return (long)k;
            }
        }
    }
}
