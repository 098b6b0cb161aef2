namespace Modelwatch.Core.Ratings.StyleControl;

/// <summary>
/// Sandwich (robust) standard errors of the style-controlled fit, following lmarena/arena-rank's
/// <c>ContextualBradleyTerry.compute_hessian_and_covariance</c>: per-vote terms scaled by 1/n,
/// <c>H = (1/n)·Σ p(1−p)·w·x·xᵀ + ridge·I</c>, <c>G = (1/n)·Σ ((y−p)·w)²·x·xᵀ − correction·θθᵀ</c>,
/// <c>Cov = H⁻¹·G·H⁻¹</c>, variance = diag(Cov)/n. <see cref="StyleSandwich"/> says how λ enters.
/// </summary>
internal static class StyleSandwichCovariance
{
    /// <summary>Standard errors of every parameter (ratings, then coefficients) in natural units.</summary>
    /// <param name="objective">The fitted objective (design and λ).</param>
    /// <param name="theta">The fit.</param>
    /// <param name="dataHessian">The data term's Hessian at <paramref name="theta"/>, as the Newton run left it.</param>
    /// <param name="options">Ridge and sandwich variant.</param>
    public static double[] StandardErrors(ContextualObjective objective, double[] theta, ReadOnlySpan<double> dataHessian, StyleControlOptions options)
    {
        var design = objective.Design;
        var p = design.ParameterCount;
        var m = design.ModelCount;
        var n = (double)design.VoteCount;
        var lambda = objective.Penalty;
        var penalized = options.Sandwich == StyleSandwich.Penalized;

        var h = dataHessian.ToArray();
        for (var i = 0; i < p; i++)
        {
            h[(i * p) + i] += options.HessianRidge;
        }

        if (penalized)
        {
            // The loss minimised has ½λ‖γ‖², so its Hessian has λ on the coefficient block; arena-rank leaves it out.
            for (var k = m; k < p; k++)
            {
                h[(k * p) + k] += lambda;
            }
        }

        var g = new double[p * p];
        objective.ScoreOuterProducts(theta, g);

        // Each vote's score is ψᵢ = gᵢ + λθ and mean(gᵢ) = −λθ at the optimum, so the centred covariance of ψ is
        // mean(gᵢgᵢᵀ) − λ²θθᵀ; arena-rank subtracts (λ²/n)·θθᵀ instead.
        var correction = penalized ? lambda * lambda : lambda * lambda / n;
        for (var k = m; k < p; k++)
        {
            for (var l = m; l < p; l++)
            {
                g[(k * p) + l] -= correction * theta[k] * theta[l];
            }
        }

        // H's only near-null direction is "all ratings up by one", which G annihilates, so gauging H
        // (as Newton does) leaves H⁻¹GH⁻¹ unchanged while making it well conditioned.
        DenseCholesky.FactorGauged(h, p, m);
        var inverse = new double[p * p];
        var column = new double[p];
        for (var j = 0; j < p; j++)
        {
            Array.Clear(column);
            column[j] = 1.0;
            DenseCholesky.Solve(h, p, column);
            for (var i = 0; i < p; i++)
            {
                inverse[(i * p) + j] = column[i];
            }
        }

        var errors = new double[p];
        for (var i = 0; i < p; i++)
        {
            // diag(H⁻¹GH⁻¹)ᵢ = hᵢᵀ·G·hᵢ with hᵢ the i-th row (= column) of H⁻¹.
            var row = inverse.AsSpan(i * p, p);
            var quadratic = 0.0;
            for (var j = 0; j < p; j++)
            {
                var gh = 0.0;
                var gRow = g.AsSpan(j * p, p);
                for (var k = 0; k < p; k++)
                {
                    gh += gRow[k] * row[k];
                }

                quadratic += row[j] * gh;
            }

            errors[i] = Math.Sqrt(Math.Max(quadratic, 0.0) / n);
        }

        return errors;
    }
}
