using System.Runtime.CompilerServices;

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

    /// <summary>1/x for the inversion recurrence: a division is the dearest step of the loop.</summary>
    private static readonly double[] Reciprocals = BuildReciprocals();

    /// <summary>One draw from Binomial(<paramref name="n"/>, <paramref name="p"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a hot numeric kernel: fully optimised from the first call, no slow first tier
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            // P(X = x) / P(X = x − 1) = (n + 1)s/x − s; the mean is below 11, so x almost never leaves the table.
            probability *= (a * (x < Reciprocals.Length ? Reciprocals[x] : 1.0 / x)) - s;
            if (x >= n || probability <= 0)
            {
                // Only rounding of the cumulative sum can get here; the remaining mass is below 1e-15.
                return Math.Min(x, n);
            }
        }

        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Btrd(Xoshiro256StarStar rng, long n, double p)
    {
        // Step 0: constants of the hat (Hörmann's Table 1). Only those of the fast path are computed up front.
        var q = 1 - p;
        var npq = n * p * q;
        var spq = Math.Sqrt(npq);
        var b = 1.15 + (2.53 * spq);
        var a = -0.0873 + (0.0248 * b) + (0.01 * p);
        var c = (n * p) + 0.5;
        var vr = 0.92 - (4.2 / b);
        var inverseVr = 1.0 / vr;
        var urvr = 0.86 * vr;
        double alpha = 0, m = 0, r = 0, nr = 0;
        var slowConstants = false;

        while (true)
        {
            // Step 1: the inner box, where the transformed variate is accepted at once (about 86% of v_r).
            var v = rng.NextDouble();
            double u;
            if (v <= urvr)
            {
                u = (v * inverseVr) - 0.43;
                return (long)Math.Floor((((2 * a) / (0.5 - Math.Abs(u))) + b) * u + c);
            }

            if (!slowConstants)
            {
                alpha = (2.83 + (5.1 / b)) * spq;
                m = Math.Floor((n + 1) * p);
                r = p / q;
                nr = (n + 1) * r;
                slowConstants = true;
            }

            // Step 2: a point of the hat outside the box.
            if (v >= vr)
            {
                u = rng.NextDouble() - 0.5;
            }
            else
            {
                u = (v * inverseVr) - 0.93;
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
                // Step 3.1: f(k)/f(m) by the recursion f(i)/f(i−1) = (n + 1)r/i − r = (nr − r·i)/i, with the
                // numerators and denominators multiplied separately (at most 15 factors of size ~m: no overflow)
                // so that no division is needed.
                double numerator = 1, denominator = 1;
                var (from, to) = m < k ? (m, k) : (k, m);
                for (var i = from + 1; i <= to; i++)
                {
                    numerator *= nr - (r * i);
                    denominator *= i;
                }

                // m < k: accept when v ≤ f(k)/f(m); m > k: accept when v · f(m)/f(k) ≤ 1.
                var accept = m < k ? v * denominator <= numerator : v * numerator <= denominator;
                if (accept)
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

    private static double[] BuildReciprocals()
    {
        var table = new double[64];
        for (var i = 1; i < table.Length; i++)
        {
            table[i] = 1.0 / i;
        }

        return table;
    }
}
