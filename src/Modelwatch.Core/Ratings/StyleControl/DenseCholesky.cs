namespace Modelwatch.Core.Ratings.StyleControl;

/// <summary>
/// Cholesky factorisation and solves for the small dense symmetric systems of the style-controlled fit
/// (models + 4 parameters, so a few thousand entries): row-major, in place, no allocation.
/// </summary>
internal static class DenseCholesky
{
    /// <summary>Overwrites the lower triangle with L (A = L·Lᵀ); false when A is not numerically positive definite.</summary>
    public static bool TryFactor(Span<double> a, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var d = a[(j * n) + j];
            for (var k = 0; k < j; k++)
            {
                d -= a[(j * n) + k] * a[(j * n) + k];
            }

            if (!(d > 0) || !double.IsFinite(d))
            {
                return false;
            }

            d = Math.Sqrt(d);
            a[(j * n) + j] = d;
            for (var i = j + 1; i < n; i++)
            {
                var s = a[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    s -= a[(i * n) + k] * a[(j * n) + k];
                }

                a[(i * n) + j] = s / d;
            }
        }

        return true;
    }

    /// <summary>Solves L·Lᵀ·x = b in place (x holds b on entry).</summary>
    public static void Solve(ReadOnlySpan<double> l, int n, Span<double> x)
    {
        for (var i = 0; i < n; i++)
        {
            var s = x[i];
            for (var k = 0; k < i; k++)
            {
                s -= l[(i * n) + k] * x[k];
            }

            x[i] = s / l[(i * n) + i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var s = x[i];
            for (var k = i + 1; k < n; k++)
            {
                s -= l[(k * n) + i] * x[k];
            }

            x[i] = s / l[(i * n) + i];
        }
    }

    /// <summary>
    /// Makes a Hessian of the sum-zero-gauged problem solvable and factors it: adds <c>c/m</c> to every entry of
    /// the ratings block (c = mean rating diagonal), which removes the null direction "all ratings up by one"
    /// without changing any step orthogonal to it; puts 1 on a zero diagonal (a model without votes in a bootstrap
    /// sample, a constant feature without penalty: their gradient is zero, so their step is zero); and, should the
    /// comparison graph fall apart into components, adds a growing ridge until the factorisation succeeds.
    /// </summary>
    public static void FactorGauged(Span<double> system, int p, int m)
    {
        var c = 0.0;
        for (var i = 0; i < m; i++)
        {
            c += system[(i * p) + i];
        }

        c /= m * (double)m;
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                system[(i * p) + j] += c;
            }
        }

        var largest = 0.0;
        for (var i = 0; i < p; i++)
        {
            if (system[(i * p) + i] == 0)
            {
                system[(i * p) + i] = 1.0;
            }

            largest = Math.Max(largest, system[(i * p) + i]);
        }

        Span<double> backup = p * p <= 4096 ? stackalloc double[p * p] : new double[p * p];
        system.CopyTo(backup);
        for (var ridge = 1e-12 * largest; !TryFactor(system, p); ridge *= 10)
        {
            if (!double.IsFinite(ridge) || ridge > largest * 1e6)
            {
                throw new InvalidOperationException("The style-controlled Newton system is not positive definite even with a large ridge (non-finite data?).");
            }

            backup.CopyTo(system);
            for (var i = 0; i < p; i++)
            {
                system[(i * p) + i] += ridge;
            }
        }
    }
}
