namespace Modelwatch.Core.Ratings;

/// <summary>
/// Sandwich (Huber–White robust) confidence intervals, as lmarena/arena-rank computes them: with row weight
/// w = count (× reweighting weight), <c>H = Σ w·p(1−p)·x xᵀ + ridge·I</c>, <c>G = Σ (w·(y − p))² / count · x xᵀ</c>,
/// <c>Cov = H⁻¹ G H⁻¹</c>, <c>x = e_a − e_b</c>; bounds <c>r ± z·√Cov_ii</c>, then scaled to rating points. The ridge
/// (<see cref="BradleyTerryOptions.HessianRidge"/> × total votes, or × 1 when reweighted) makes H invertible along
/// the gauge direction, where G is zero, and is otherwise negligible.
/// </summary>
public static class SandwichIntervals
{
    /// <param name="counts">The counts the fit was made on.</param>
    /// <param name="fit">The full-data fit.</param>
    /// <param name="options">Defaults to the fit's options; scale, base, initial rating and weighting must be the fit's.</param>
    /// <param name="confidence">Two-sided level, 0.95 for 95% bounds.</param>
    public static RatingIntervals Compute(PairwiseCounts counts, BradleyTerryFit fit, BradleyTerryOptions? options = null, double confidence = 0.95)
    {
        options = IntervalArguments.Check(counts, fit, options);
        var m = counts.ModelCount;

        var z = NormalDistribution.TwoSidedCriticalValue(confidence);
        var index = PairIndex.Build(counts);
        var weights = InversePropensityWeights.OptimisationWeights(counts, index, options);
        var ridge = options.HessianRidge * (options.Reweight ? 1.0 : counts.TotalVotes);
        var variance = StrengthVariances(counts, fit.Strengths, weights, ridge);

        var perStrength = options.RatingPerStrength;
        var lower = new double[m];
        var upper = new double[m];
        var scaledVariance = new double[m];
        var ratings = fit.Ratings;
        for (var i = 0; i < m; i++)
        {
            var halfWidth = z * Math.Sqrt(Math.Max(variance[i], 0));
            lower[i] = ratings[i] - (perStrength * halfWidth);
            upper[i] = ratings[i] + (perStrength * halfWidth);
            scaledVariance[i] = variance[i] * perStrength * perStrength;
        }

        return new RatingIntervals(IntervalMethod.Sandwich, lower, upper, scaledVariance, confidence, Rounds: 0, Seed: 0);
    }

    /// <summary>Diagonal of <c>H⁻¹ G H⁻¹</c> in natural units.</summary>
    internal static double[] StrengthVariances(PairwiseCounts counts, ReadOnlySpan<double> strengths, ReadOnlySpan<double> weights, double ridge)
    {
        var m = counts.ModelCount;
        var hessian = new double[m * m];
        var gradientCovariance = new double[m * m];
        var a = counts.A;
        var b = counts.B;
        var outcome = counts.Outcome;
        var rowCount = counts.Count;
        for (var i = 0; i < counts.RowCount; i++)
        {
            var n = rowCount[i];
            if (!(n > 0))
            {
                continue; // an empty row contributes nothing (and would divide by zero)
            }

            var d = strengths[a[i]] - strengths[b[i]];
            var p = 1.0 / (1.0 + Math.Exp(-d));
            var w = weights[i];
            var residual = w * ((outcome[i] / 2.0) - p);
            AddOuter(hessian, m, a[i], b[i], w * p * (1 - p));
            AddOuter(gradientCovariance, m, a[i], b[i], residual * residual / n);
        }

        for (var i = 0; i < m; i++)
        {
            hessian[(i * m) + i] += ridge;
        }

        if (!DenseCholesky.TryFactor(hessian, m))
        {
            throw new InvalidOperationException("The sandwich Hessian is not positive definite: the counts hold no votes, or HessianRidge is 0 while the ratings have an undetermined direction (the gauge, or groups that never met).");
        }

        // H⁻¹ column by column, then diag(H⁻¹ G H⁻¹)_i = h_iᵀ G h_i.
        var inverse = new double[m * m];
        var column = new double[m];
        for (var j = 0; j < m; j++)
        {
            column.AsSpan().Clear();
            column[j] = 1;
            DenseCholesky.Solve(hessian, m, column);
            column.CopyTo(inverse, j * m); // symmetric, so column j is row j
        }

        var variance = new double[m];
        var gh = new double[m];
        for (var i = 0; i < m; i++)
        {
            var h = inverse.AsSpan(i * m, m);
            for (var r = 0; r < m; r++)
            {
                gh[r] = DenseCholesky.Dot(gradientCovariance.AsSpan(r * m, m), h);
            }

            variance[i] = DenseCholesky.Dot(h, gh);
        }

        return variance;
    }

    private static void AddOuter(double[] matrix, int m, int a, int b, double value)
    {
        matrix[(a * m) + a] += value;
        matrix[(b * m) + b] += value;
        matrix[(a * m) + b] -= value;
        matrix[(b * m) + a] -= value;
    }
}
