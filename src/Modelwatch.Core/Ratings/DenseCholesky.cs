using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Modelwatch.Core.Ratings;

/// <summary>
/// In-place Cholesky factorisation <c>A = L Lᵀ</c> of a symmetric positive-definite matrix stored row-major in a
/// flat array, and the triangular solves. The factor overwrites the lower triangle; the upper triangle is left as it
/// was. Rows are contiguous, so every inner loop is a dot product or an axpy over a row prefix.
/// </summary>
internal static class DenseCholesky
{
    /// <summary>Factorises the leading <paramref name="n"/>×<paramref name="n"/> matrix; false when a pivot is not positive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a hot numeric kernel: fully optimised from the first call, no slow first tier
    public static bool TryFactor(Span<double> a, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var rowJ = a.Slice(j * n, j);
            var pivot = a[(j * n) + j] - Dot(rowJ, rowJ);
            if (!(pivot > 0) || !double.IsFinite(pivot))
            {
                return false;
            }

            var diagonal = Math.Sqrt(pivot);
            a[(j * n) + j] = diagonal;
            var inverse = 1.0 / diagonal;
            for (var i = j + 1; i < n; i++)
            {
                var at = (i * n) + j;
                a[at] = (a[at] - Dot(a.Slice(i * n, j), rowJ)) * inverse;
            }
        }

        return true;
    }

    /// <summary>Solves <c>L Lᵀ x = b</c> in place (<paramref name="x"/> holds b on entry) with a factor from <see cref="TryFactor"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Solve(ReadOnlySpan<double> factor, int n, Span<double> x)
    {
        // Forward: L y = b.
        for (var i = 0; i < n; i++)
        {
            x[i] = (x[i] - Dot(factor.Slice(i * n, i), x[..i])) / factor[(i * n) + i];
        }

        // Backward: Lᵀ x = y, by columns of Lᵀ = rows of L, so the inner loop stays contiguous.
        for (var i = n - 1; i >= 0; i--)
        {
            var xi = x[i] / factor[(i * n) + i];
            x[i] = xi;
            Axpy(-xi, factor.Slice(i * n, i), x[..i]);
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
                throw new InvalidOperationException("The gauged Newton system is not positive definite even with a large ridge (non-finite data?).");
            }

            backup.CopyTo(system);
            for (var i = 0; i < p; i++)
            {
                system[(i * p) + i] += ridge;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var i = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated && x.Length >= 2 * Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
            var acc = Vector<double>.Zero;
            for (var k = 0; k < vx.Length; k++)
            {
                acc += vx[k] * vy[k];
            }

            sum = Vector.Sum(acc);
            i = vx.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary><c>y += alpha · x</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= 2 * Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
            var va = new Vector<double>(alpha);
            for (var k = 0; k < vx.Length; k++)
            {
                vy[k] += va * vx[k];
            }

            i = vx.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }
}
