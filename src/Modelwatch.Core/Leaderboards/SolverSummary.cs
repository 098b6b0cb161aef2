namespace Modelwatch.Core.Leaderboards;

/// <summary>How the fit ended: iterations, why it stopped, and the final gradient norm.</summary>
public sealed record SolverSummary(string Solver, int Iterations, string ExitReason, double GradientNorm);
