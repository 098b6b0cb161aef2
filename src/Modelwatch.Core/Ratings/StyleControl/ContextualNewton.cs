namespace Modelwatch.Core.Ratings.StyleControl;

/// <summary>
/// Minimises <see cref="ContextualObjective"/> by Newton's method with a backtracking (Armijo) line search
/// (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., Algorithm 3.1 with the exact Hessian). The
/// ratings' shift invariance is handled as for plain Bradley–Terry: the gradient always sums to zero over the
/// ratings, the Newton system is gauged (<see cref="DenseCholesky.FactorGauged"/>), so steps keep the ratings'
/// sum at its start value (zero from a zero start). Each iteration is one pass over the votes.
/// </summary>
internal static class ContextualNewton
{
    private const double Armijo = 1e-4;
    private const double SmallestStep = 1e-12;

    /// <summary>
    /// Runs Newton from <paramref name="start"/>. Stops when <c>max |∇L| ≤ tolerance</c> (Converged), after
    /// <c>maxIterations</c> steps, or when no step fraction lowers the loss (NoProgress).
    /// </summary>
    public static NewtonResult Minimize(
        ContextualObjective objective,
        double[]? multiplicity,
        ReadOnlySpan<double> start,
        int maxIterations,
        double tolerance,
        NewtonWorkspace work)
    {
        var p = objective.ParameterCount;
        var m = objective.Design.ModelCount;
        var penalty = objective.Penalty;
        var theta = start.ToArray();
        var loss = objective.Evaluate(theta, multiplicity, work.Gradient, work.Hessian);
        var iterations = 0;
        while (true)
        {
            var gradientNorm = MaxAbs(work.Gradient);
            if (gradientNorm <= tolerance)
            {
                return new NewtonResult(theta, iterations, StyleControlExitReason.Converged, gradientNorm, loss);
            }

            if (iterations >= maxIterations)
            {
                return new NewtonResult(theta, iterations, StyleControlExitReason.MaxIterations, gradientNorm, loss);
            }

            // Newton direction: (data Hessian + λ on the coefficient block) · d = −g.
            work.Hessian.CopyTo(work.System, 0);
            for (var k = m; k < p; k++)
            {
                work.System[(k * p) + k] += penalty;
            }

            DenseCholesky.FactorGauged(work.System, p, m);
            for (var j = 0; j < p; j++)
            {
                work.Step[j] = -work.Gradient[j];
            }

            DenseCholesky.Solve(work.System, p, work.Step);
            var slope = Dot(work.Gradient, work.Step);

            // Backtrack until the loss drops enough. Once the predicted decrease is below the loss's rounding noise,
            // Newton is in its quadratic phase and the full step is taken on trust.
            var noise = 1e-13 * Math.Max(1.0, Math.Abs(loss));
            var accepted = false;
            for (var t = 1.0; t >= SmallestStep; t *= 0.5)
            {
                for (var j = 0; j < p; j++)
                {
                    work.Trial[j] = theta[j] + (t * work.Step[j]);
                }

                var trialLoss = objective.Evaluate(work.Trial, multiplicity, work.TrialGradient, work.TrialHessian);
                if (trialLoss <= loss + (Armijo * t * slope) || (-t * slope <= noise && double.IsFinite(trialLoss)))
                {
                    work.Trial.CopyTo(theta, 0);
                    work.SwapTrial();
                    loss = trialLoss;
                    accepted = true;
                    break;
                }
            }

            if (!accepted)
            {
                return new NewtonResult(theta, iterations, StyleControlExitReason.NoProgress, gradientNorm, loss);
            }

            iterations++;
        }
    }

    private static double MaxAbs(ReadOnlySpan<double> v)
    {
        var max = 0.0;
        foreach (var x in v)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        return max;
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var s = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            s += x[i] * y[i];
        }

        return s;
    }
}

/// <summary>Where <see cref="ContextualNewton.Minimize"/> stopped.</summary>
internal sealed record NewtonResult(double[] Theta, int Iterations, StyleControlExitReason ExitReason, double GradientNorm, double Loss);

/// <summary>Buffers of one Newton run, reused across bootstrap rounds on the same thread.</summary>
internal sealed class NewtonWorkspace(int parameterCount)
{
    private double[] _gradient = new double[parameterCount];
    private double[] _hessian = new double[parameterCount * parameterCount];
    private double[] _trialGradient = new double[parameterCount];
    private double[] _trialHessian = new double[parameterCount * parameterCount];

    /// <summary>Gradient at the current iterate.</summary>
    public double[] Gradient => _gradient;

    /// <summary>Data Hessian at the current iterate (no penalty term).</summary>
    public double[] Hessian => _hessian;

    public double[] TrialGradient => _trialGradient;

    public double[] TrialHessian => _trialHessian;

    public double[] System { get; } = new double[parameterCount * parameterCount];

    public double[] Step { get; } = new double[parameterCount];

    public double[] Trial { get; } = new double[parameterCount];

    /// <summary>Makes the accepted trial's gradient and Hessian the current ones without copying.</summary>
    public void SwapTrial()
    {
        (_gradient, _trialGradient) = (_trialGradient, _gradient);
        (_hessian, _trialHessian) = (_trialHessian, _hessian);
    }
}
