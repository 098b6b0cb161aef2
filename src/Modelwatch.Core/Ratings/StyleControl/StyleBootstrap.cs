namespace Modelwatch.Core.Ratings.StyleControl;

/// <summary>
/// Nonparametric bootstrap of the style-controlled fit, as arena-rank's <c>fit_single_bootstrap_sample</c>: each
/// round draws n votes with replacement (features stay z-scored and weights stay as computed on the full
/// selection) and refits. A draw is stored as per-vote multiplicities, so no vote data is copied. Round seeds come
/// from one <see cref="Random"/> seeded with the caller's seed, so results do not depend on thread scheduling.
/// </summary>
internal static class StyleBootstrap
{
    /// <returns>θ of every round (rows) and how many rounds stopped short of the tolerance.</returns>
    public static (double[][] Thetas, int NotConverged) Run(
        ContextualObjective objective,
        double[] thetaHat,
        StyleControlOptions options,
        int rounds,
        int seed,
        CancellationToken cancellationToken)
    {
        var n = objective.Design.VoteCount;
        var p = objective.ParameterCount;
        var master = new Random(seed);
        var seeds = new int[rounds];
        for (var r = 0; r < rounds; r++)
        {
            seeds[r] = master.Next();
        }

        var thetas = new double[rounds][];
        var notConverged = 0;
        Parallel.For(
            0,
            rounds,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => (Work: new NewtonWorkspace(p), Counts: new double[n]),
            (r, _, local) =>
            {
                Array.Clear(local.Counts);
                var random = new Random(seeds[r]);
                for (var draw = 0; draw < n; draw++)
                {
                    local.Counts[random.Next(n)] += 1.0;
                }

                // Starting at the full-data fit only saves iterations: the refit converges to the same optimum.
                var result = ContextualNewton.Minimize(objective, local.Counts, thetaHat, options.MaxIterations, options.Tolerance, local.Work);
                thetas[r] = result.Theta;
                if (result.ExitReason != StyleControlExitReason.Converged)
                {
                    Interlocked.Increment(ref notConverged);
                }

                return local;
            },
            _ => { });

        return (thetas, notConverged);
    }
}
