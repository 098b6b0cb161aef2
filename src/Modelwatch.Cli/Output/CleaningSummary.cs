using Modelwatch.Core.Leaderboards;

namespace Modelwatch.Cli.Output;

/// <summary>On stderr: what each cleaning step removed, so no vote disappears silently.</summary>
internal static class CleaningSummary
{
    public static void Write(TextWriter error, RatingReport report)
    {
        var removed = report.Cleaning.Where(s => s.Removed > 0).Select(s => $"{s.Name} −{s.Removed:N0}");
        var steps = string.Join(", ", removed);
        error.WriteLine($"cleaning: {report.VotesRead:N0} votes{(steps.Length > 0 ? ", " + steps : string.Empty)} → {report.VotesUsed:N0} used ({report.UniqueRows:N0} unique rows)");
        if (report.Solver is { } solver)
        {
            error.WriteLine($"fit: {solver.Solver}, {solver.Iterations} iterations, {solver.ExitReason}, max |gradient| {solver.GradientNorm:E1}");
        }

        foreach (var warning in report.Warnings)
        {
            error.WriteLine($"warning: {warning}");
        }
    }
}
