using System.Runtime.CompilerServices;

namespace Modelwatch.Core.Ratings;

/// <summary>
/// Maximises the Bradley–Terry log-likelihood by Newton–Raphson with a backtracking (Armijo) line search, over
/// aggregated pairs. The loss is the mean negative log-likelihood
/// <c>f(r) = (1/W) Σ_k [W_k · log(1 + e^{d_k}) − S_k · d_k]</c>, <c>d_k = r_a − r_b</c>, with pair weight W_k and
/// weighted score of A S_k. Its Hessian is singular along "all strengths shifted together"; the Newton system adds
/// <c>(c/m)·11ᵀ</c> (c = mean Hessian diagonal), which gives that direction eigenvalue c without touching the others,
/// so the step keeps Σ r = 0 (the sum-zero gauge) and the m×m system is solved by Cholesky. The likelihood is concave,
/// so from any start this converges, quadratically near the optimum (4–6 steps from zeros on real data).
/// One instance is a reusable workspace for one thread; nothing in it carries over between calls to <see cref="Solve"/>.
/// </summary>
internal sealed class NewtonSolver
{
    private const double ArmijoSlope = 1e-4;
    private const int MaxHalvings = 50;

    /// <summary>
    /// Steps that change no pair's strength difference by more than this need no loss evaluation. Along a step
    /// the per-pair curvature p(1−p) changes by at most a factor e^|Δd| (its log-derivative is 1 − 2p), so with
    /// |Δd| ≤ 1 the loss falls by at least (1 − (e − 2))·|gᵀδ| ≈ 0.28·|gᵀδ| for a Newton step δ — Armijo's
    /// condition holds without checking, and the logarithm per pair is saved. Cold starts still take the checked
    /// full step when it is longer.
    /// </summary>
    private const double SafeSpread = 1.0;

    private readonly int _m;
    private readonly double[] _trial;
    private readonly double[] _step;
    private readonly double[] _factor;
    private readonly bool[] _active;
    private double[] _gradient;
    private double[] _hessian;
    private double[] _trialGradient;
    private double[] _trialHessian;

    public NewtonSolver(int modelCount)
    {
        _m = modelCount;
        _trial = new double[modelCount];
        _step = new double[modelCount];
        _gradient = new double[modelCount];
        _trialGradient = new double[modelCount];
        _hessian = new double[modelCount * modelCount];
        _factor = new double[modelCount * modelCount];
        _active = new bool[modelCount];
        _trialHessian = new double[modelCount * modelCount];
    }

    /// <summary>
    /// Fits strengths in place: <paramref name="strengths"/> holds the start on entry (centred here) and the
    /// result on return. The log-likelihood costs one more pass when <paramref name="withLogLikelihood"/> is set
    /// and no step needed the loss; otherwise it is reported as NaN.
    /// </summary>
    public NewtonResult Solve(
        PairIndex index,
        ReadOnlySpan<double> pairWeight,
        ReadOnlySpan<double> pairScore,
        Span<double> strengths,
        int maxIterations,
        double tolerance,
        bool withLogLikelihood = true)
    {
        var m = _m;
        var totalWeight = 0.0;
        for (var k = 0; k < index.PairCount; k++)
        {
            totalWeight += pairWeight[k];
        }

        Centre(strengths);
        if (m < 2 || !(totalWeight > 0))
        {
            return new NewtonResult(0, FitExitReason.Converged, 0, 0);
        }

        var scale = 1.0 / totalWeight;
        Evaluate(index, pairWeight, pairScore, strengths, scale, _gradient, _hessian, withLoss: false);
        var loss = double.NaN; // the mean loss at `strengths`, when known
        var iterations = 0;
        FitExitReason exit;
        double gradientNorm;
        while (true)
        {
            gradientNorm = MaxAbs(_gradient);
            if (gradientNorm < tolerance)
            {
                exit = FitExitReason.Converged;
                break;
            }

            if (iterations >= maxIterations)
            {
                exit = FitExitReason.MaxIterations;
                break;
            }

            if (!SolveNewtonSystem())
            {
                exit = FitExitReason.Stalled;
                break;
            }

            var slope = DenseCholesky.Dot(_gradient, _step); // negative: the Newton system is positive definite
            var spread = Spread(_step);
            var t = 1.0;
            var accepted = false;
            for (var halving = 0; halving <= MaxHalvings && !accepted; halving++, t *= 0.5)
            {
                for (var i = 0; i < m; i++)
                {
                    _trial[i] = strengths[i] + (t * _step[i]);
                }

                Centre(_trial);
                if (t * spread <= SafeSpread)
                {
                    // A provably safe step: no need for the loss (see SafeSpread).
                    Evaluate(index, pairWeight, pairScore, _trial, scale, _trialGradient, _trialHessian, withLoss: false);
                    loss = double.NaN;
                    accepted = true;
                    continue;
                }

                if (double.IsNaN(loss))
                {
                    loss = Loss(index, pairWeight, pairScore, strengths, scale);
                }

                var trialLoss = Evaluate(index, pairWeight, pairScore, _trial, scale, _trialGradient, _trialHessian, withLoss: true);
                // Where the predicted decrease is below rounding, the loss cannot tell good from bad.
                var flat = -slope <= 1e-13 * Math.Max(1.0, Math.Abs(loss));
                if (flat || trialLoss <= loss + (ArmijoSlope * t * slope))
                {
                    loss = trialLoss;
                    accepted = true;
                }
            }

            if (!accepted)
            {
                exit = FitExitReason.Stalled;
                break;
            }

            _trial.CopyTo(strengths);
            (_gradient, _trialGradient) = (_trialGradient, _gradient);
            (_hessian, _trialHessian) = (_trialHessian, _hessian);
            iterations++;
        }

        if (withLogLikelihood && double.IsNaN(loss))
        {
            loss = Loss(index, pairWeight, pairScore, strengths, scale);
        }

        return new NewtonResult(iterations, exit, gradientNorm, -loss * totalWeight);
    }

    /// <summary>The mean loss alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a hot numeric kernel: fully optimised from the first call, no slow first tier
    private static double Loss(PairIndex index, ReadOnlySpan<double> pairWeight, ReadOnlySpan<double> pairScore, ReadOnlySpan<double> r, double scale)
    {
        var pairA = index.PairA;
        var pairB = index.PairB;
        var loss = 0.0;
        for (var k = 0; k < pairA.Length; k++)
        {
            var w = pairWeight[k];
            if (w == 0)
            {
                continue;
            }

            var d = r[pairA[k]] - r[pairB[k]];
            loss += PairLoss(w, pairScore[k], d, Math.Exp(-Math.Abs(d)));
        }

        return loss * scale;
    }

    /// <summary>Gradient, Hessian and (when asked; it costs a logarithm per pair) the mean loss, in one pass over the pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Evaluate(
        PairIndex index,
        ReadOnlySpan<double> pairWeight,
        ReadOnlySpan<double> pairScore,
        ReadOnlySpan<double> r,
        double scale,
        double[] gradient,
        double[] hessian,
        bool withLoss)
    {
        var m = _m;
        Array.Clear(gradient);
        Array.Clear(hessian);
        var pairA = index.PairA;
        var pairB = index.PairB;
        var loss = 0.0;
        for (var k = 0; k < pairA.Length; k++)
        {
            var w = pairWeight[k];
            if (w == 0)
            {
                continue;
            }

            var a = pairA[k];
            var b = pairB[k];
            var d = r[a] - r[b];
            var e = Math.Exp(-Math.Abs(d));
            var inverse = 1.0 / (1.0 + e);
            var p = d >= 0 ? inverse : e * inverse; // sigmoid(d) without overflow
            var s = pairScore[k];
            if (withLoss)
            {
                loss += PairLoss(w, s, d, e);
            }

            var g = (w * p) - s;
            gradient[a] += g;
            gradient[b] -= g;
            var h = w * e * inverse * inverse; // w · p(1 − p), accurate in both tails
            hessian[(a * m) + a] += h;
            hessian[(b * m) + b] += h;
            hessian[(a * m) + b] -= h;
            hessian[(b * m) + a] -= h;
        }

        for (var i = 0; i < m; i++)
        {
            gradient[i] *= scale;
        }

        // Only the lower triangle and the diagonal are read by the factorisation.
        for (var i = 0; i < m; i++)
        {
            var row = hessian.AsSpan(i * m, i + 1);
            for (var j = 0; j < row.Length; j++)
            {
                row[j] *= scale;
            }
        }

        return loss * scale;
    }

    /// <summary>
    /// Solves <c>(H + (c/m)·11ᵀ + εI) δ = −g</c> into <see cref="_step"/>; the Hessian is left intact. Models without
    /// any vote (a zero Hessian row) are left out of the system and get δ = 0 exactly, so they keep their start.
    /// </summary>
    private bool SolveNewtonSystem()
    {
        var m = _m;
        var hessian = _hessian;
        var meanDiagonal = 0.0;
        var maxDiagonal = 0.0;
        var active = 0;
        for (var i = 0; i < m; i++)
        {
            var d = hessian[(i * m) + i];
            _active[i] = d > 0;
            if (d > 0)
            {
                active++;
                meanDiagonal += d;
                maxDiagonal = Math.Max(maxDiagonal, d);
            }
        }

        if (active == 0)
        {
            return false;
        }

        var gauge = meanDiagonal / active / active;

        // A tiny ridge keeps directions without information (groups that never met, strengths already near ±∞)
        // factorable; the gradient has no component along them, so the step there stays ~0. If rounding still
        // defeats the factorisation, the ridge grows.
        var ridge = 1e-12 * maxDiagonal;
        for (var attempt = 0; attempt < 6; attempt++, ridge *= 1000)
        {
            for (var i = 0; i < m; i++)
            {
                var source = hessian.AsSpan(i * m, i + 1);
                var target = _factor.AsSpan(i * m, i + 1);
                if (!_active[i])
                {
                    target.Clear();
                    target[i] = 1;
                    continue;
                }

                for (var j = 0; j < source.Length; j++)
                {
                    target[j] = _active[j] ? source[j] + gauge : 0;
                }

                target[i] += ridge;
            }

            if (DenseCholesky.TryFactor(_factor, m))
            {
                for (var i = 0; i < m; i++)
                {
                    _step[i] = _active[i] ? -_gradient[i] : 0;
                }

                DenseCholesky.Solve(_factor, m, _step);
                return true;
            }
        }

        return false;
    }

    private static void Centre(Span<double> r)
    {
        if (r.Length == 0)
        {
            return;
        }

        var mean = 0.0;
        foreach (var x in r)
        {
            mean += x;
        }

        mean /= r.Length;
        for (var i = 0; i < r.Length; i++)
        {
            r[i] -= mean;
        }
    }

    /// <summary><c>w·log(1 + e^d) − s·d</c>, given <c>e = e^−|d|</c>, without overflow for large |d|.</summary>
    private static double PairLoss(double w, double s, double d, double e) => (w * (Math.Max(d, 0) + Numerics.Log1P(e))) - (s * d);

    /// <summary>max δ − min δ: no pair's strength difference moves by more along the step.</summary>
    private static double Spread(ReadOnlySpan<double> step)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var x in step)
        {
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        return max - min;
    }

    private static double MaxAbs(ReadOnlySpan<double> x)
    {
        var max = 0.0;
        foreach (var v in x)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }
}
