namespace Modelwatch.Core.Ratings;

/// <param name="Iterations">Newton steps taken.</param>
/// <param name="ExitReason">Why the solver stopped.</param>
/// <param name="GradientNorm">Largest absolute gradient component of the mean loss at the result.</param>
/// <param name="LogLikelihood">Weighted log-likelihood at the result.</param>
internal readonly record struct NewtonResult(int Iterations, FitExitReason ExitReason, double GradientNorm, double LogLikelihood);
