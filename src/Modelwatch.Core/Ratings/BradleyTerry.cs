namespace Modelwatch.Core.Ratings;

/// <summary>
/// Bradley–Terry maximum likelihood, LMArena's leaderboard model (lmarena/arena-rank):
/// <c>P(a beats b) = 1 / (1 + e^−(r_a − r_b))</c>, ties and both-bad scored ½, fitted on aggregated rows without
/// regularisation, sum-zero gauge. Solved by Newton–Raphson on the log-likelihood (see <see cref="NewtonSolver"/>);
/// the classical alternative is Zermelo's (1929) iteration, Hunter's (2004) MM algorithm, which reaches the same
/// maximum with linear instead of quadratic convergence.
/// </summary>
public static class BradleyTerry
{
    /// <summary>Fits strengths and ratings.</summary>
    /// <param name="counts">Aggregated votes.</param>
    /// <param name="options">Scale, base, solver limits and reweighting; <see cref="BradleyTerryOptions.Default"/> when null.</param>
    /// <param name="start">Optional starting strengths (natural units, one per model), e.g. a previous fit.</param>
    /// <exception cref="ArgumentException">Bad options or a start of the wrong length.</exception>
    public static BradleyTerryFit Fit(PairwiseCounts counts, BradleyTerryOptions? options = null, ReadOnlySpan<double> start = default)
    {
        ArgumentNullException.ThrowIfNull(counts);
        options ??= BradleyTerryOptions.Default;
        options.Validate();
        var m = counts.ModelCount;
        if (!start.IsEmpty && start.Length != m)
        {
            throw new ArgumentException($"The start has {start.Length} strengths but the counts have {m} models.", nameof(start));
        }

        foreach (var x in start)
        {
            if (!double.IsFinite(x))
            {
                throw new ArgumentException("The start strengths must be finite.", nameof(start));
            }
        }

        var index = PairIndex.Build(counts);
        var rowWeights = InversePropensityWeights.OptimisationWeights(counts, index, options);
        var pairWeight = new double[index.PairCount];
        var pairScore = new double[index.PairCount];
        index.Aggregate(rowWeights, pairWeight, pairScore);

        var (warnings, finite) = ComparisonGraph.Diagnose(index, pairWeight, pairScore, counts.Models);
        var strengths = new double[m];
        start.CopyTo(strengths);
        var solver = new NewtonSolver(m);
        var result = solver.Solve(index, pairWeight, pairScore, strengths, options.MaxIterations, options.Tolerance);
        var exit = finite ? result.ExitReason : FitExitReason.Diverging;
        return new BradleyTerryFit(
            counts.Models,
            strengths,
            options,
            displayOffset: 0,
            result.Iterations,
            exit,
            result.GradientNorm,
            result.LogLikelihood,
            warnings);
    }
}
