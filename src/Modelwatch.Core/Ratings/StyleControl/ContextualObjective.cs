namespace Modelwatch.Core.Ratings.StyleControl;

/// <summary>
/// arena-rank's contextual Bradley–Terry loss over per-vote rows,
/// <c>L(θ) = −(1/n)·Σᵢ cᵢ·wᵢ·(yᵢ·zᵢ − softplus(zᵢ)) + ½·λ·‖γ‖²</c> with <c>zᵢ = r[aᵢ] − r[bᵢ] + γ·fᵢ</c>,
/// its gradient and Hessian. θ = (r₀…r_{m−1}, γ₀…γ_{k−1}); <c>cᵢ</c> is a vote's multiplicity (1, or its bootstrap
/// draw count) and <c>n = Σ cᵢ</c>. Every vote is visited once per evaluation; nothing allocates.
/// </summary>
internal sealed class ContextualObjective(StyleDesign design, double penalty)
{
    private const int K = StyleDesign.FeatureCount;

    public StyleDesign Design => design;

    public double Penalty => penalty;

    public int ParameterCount => design.ParameterCount;

    /// <summary>
    /// The loss at θ; fills the gradient and the Hessian of the <em>data</em> term (<c>(1/n)·Σ cwp(1−p)·x·xᵀ</c>,
    /// without the penalty's λ on the coefficient block), both as dense row-major P×P.
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> theta, double[]? multiplicity, Span<double> gradient, Span<double> dataHessian)
    {
        var m = design.ModelCount;
        var p = ParameterCount;
        gradient.Clear();
        dataHessian.Clear();
        var a = design.A;
        var b = design.B;
        var y = design.Score;
        var w = design.Weight;
        var features = design.Features;
        var gamma = theta.Slice(m, K);
        var negLogLikelihood = 0.0;
        var total = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var c = multiplicity is null ? 1.0 : multiplicity[i];
            if (c == 0)
            {
                continue;
            }

            total += c;
            var f = features.AsSpan(i * K, K);
            var z = theta[a[i]] - theta[b[i]] + (gamma[0] * f[0]) + (gamma[1] * f[1]) + (gamma[2] * f[2]) + (gamma[3] * f[3]);
            var e = Math.Exp(-Math.Abs(z));
            var prob = z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            var softplus = Math.Max(z, 0.0) + Math.Log(1.0 + e);
            var cw = c * w[i];
            negLogLikelihood -= cw * ((y[i] * z) - softplus);

            var residual = cw * (y[i] - prob);
            gradient[a[i]] -= residual;
            gradient[b[i]] += residual;
            for (var k = 0; k < K; k++)
            {
                gradient[m + k] -= residual * f[k];
            }

            AddOuterUpper(dataHessian, p, m, a[i], b[i], f, cw * prob * (1.0 - prob));
        }

        var scale = 1.0 / total;
        for (var j = 0; j < p; j++)
        {
            gradient[j] *= scale;
        }

        ScaleAndMirror(dataHessian, p, scale);
        var penaltyTerm = 0.0;
        for (var k = 0; k < K; k++)
        {
            gradient[m + k] += penalty * gamma[k];
            penaltyTerm += gamma[k] * gamma[k];
        }

        return (negLogLikelihood * scale) + (0.5 * penalty * penaltyTerm);
    }

    /// <summary>
    /// The sandwich's per-vote score outer products of the data term, <c>(1/n)·Σ ((yᵢ − pᵢ)·wᵢ)²·xᵢ·xᵢᵀ</c> (all
    /// multiplicities 1), dense row-major P×P. The penalty's correction is the caller's choice.
    /// </summary>
    public void ScoreOuterProducts(ReadOnlySpan<double> theta, Span<double> result)
    {
        var m = design.ModelCount;
        var p = ParameterCount;
        result.Clear();
        var a = design.A;
        var b = design.B;
        var y = design.Score;
        var w = design.Weight;
        var features = design.Features;
        var gamma = theta.Slice(m, K);
        for (var i = 0; i < a.Length; i++)
        {
            var f = features.AsSpan(i * K, K);
            var z = theta[a[i]] - theta[b[i]] + (gamma[0] * f[0]) + (gamma[1] * f[1]) + (gamma[2] * f[2]) + (gamma[3] * f[3]);
            var prob = 1.0 / (1.0 + Math.Exp(-z));
            var residual = (y[i] - prob) * w[i];
            AddOuterUpper(result, p, m, a[i], b[i], f, residual * residual);
        }

        ScaleAndMirror(result, p, 1.0 / a.Length);
    }

    /// <summary>Adds s·x·xᵀ to the upper triangle, where x = e_a − e_b on the ratings and f on the coefficients.</summary>
    private static void AddOuterUpper(Span<double> matrix, int p, int m, int a, int b, ReadOnlySpan<double> f, double s)
    {
        matrix[(a * p) + a] += s;
        matrix[(b * p) + b] += s;
        if (a < b)
        {
            matrix[(a * p) + b] -= s;
        }
        else
        {
            matrix[(b * p) + a] -= s;
        }

        var rowA = a * p;
        var rowB = b * p;
        for (var k = 0; k < K; k++)
        {
            var sf = s * f[k];
            matrix[rowA + m + k] += sf;
            matrix[rowB + m + k] -= sf;
            var row = (m + k) * p;
            for (var l = k; l < K; l++)
            {
                matrix[row + m + l] += sf * f[l];
            }
        }
    }

    private static void ScaleAndMirror(Span<double> matrix, int p, double scale)
    {
        for (var i = 0; i < p; i++)
        {
            for (var j = i; j < p; j++)
            {
                var v = matrix[(i * p) + j] * scale;
                matrix[(i * p) + j] = v;
                matrix[(j * p) + i] = v;
            }
        }
    }
}
