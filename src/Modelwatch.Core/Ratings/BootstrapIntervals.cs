namespace Modelwatch.Core.Ratings;

/// <summary>
/// Percentile bootstrap intervals, as lmarena/arena-rank computes them: each round draws N = total votes from the
/// unique rows with probabilities count / N (one multinomial draw), refits, and the bounds are the α/2 and 1 − α/2
/// percentiles of the replicate ratings with linear interpolation (numpy's default); the variance is the
/// population variance of the replicates. The displayed rating stays the full-data fit, and an anchor never enters
/// the replicates (it would widen every interval): replicates are shifted by the fit's display offset afterwards.
/// Rounds run in parallel, each on its own random stream keyed by (seed, round), so a seed gives identical
/// bounds whatever the number of threads. Each refit starts from the full-data fit.
/// </summary>
public static class BootstrapIntervals
{
    /// <param name="counts">The counts the fit was made on.</param>
    /// <param name="fit">The full-data fit (its strengths warm-start every refit).</param>
    /// <param name="rounds">Bootstrap rounds; 100 is the reference default, 1,000 is better.</param>
    /// <param name="seed">Random seed; the same seed gives the same bounds.</param>
    /// <param name="options">Defaults to the fit's options; scale, base, initial rating and weighting must be the fit's.</param>
    /// <param name="confidence">Two-sided level, 0.95 for 95% bounds.</param>
    /// <param name="roundsDone">Receives the number of finished rounds after each round.</param>
    /// <param name="ct">Cancels the remaining rounds (throws <see cref="OperationCanceledException"/>).</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores. Results do not depend on it.</param>
    public static RatingIntervals Compute(
        PairwiseCounts counts,
        BradleyTerryFit fit,
        int rounds,
        int seed,
        BradleyTerryOptions? options = null,
        double confidence = 0.95,
        IProgress<int>? roundsDone = null,
        CancellationToken ct = default,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        options = IntervalArguments.Check(counts, fit, options);
        var m = counts.ModelCount;

        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must be strictly between 0 and 1 (e.g. 0.95).");
        }

        var index = PairIndex.Build(counts);
        var propensity = options.Reweight ? InversePropensityWeights.Compute(counts, index, options.MinPairCount) : null;
        var sampler = new MultinomialSampler(counts.Count, (long)Math.Round(counts.TotalVotes));
        var start = fit.Strengths.ToArray();
        var samples = new double[rounds * m];
        var unconverged = 0;
        var done = 0;
        var parallel = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(
            0,
            rounds,
            parallel,
            () => new Workspace(index, m),
            (round, _, workspace) =>
            {
                var rng = new Xoshiro256StarStar(seed, round);
                sampler.Sample(rng, workspace.RowCounts);
                var rowWeights = workspace.RowCounts;
                if (propensity is not null)
                {
                    for (var i = 0; i < rowWeights.Length; i++)
                    {
                        rowWeights[i] *= propensity[i];
                    }
                }

                index.Aggregate(rowWeights, workspace.PairWeight, workspace.PairScore);
                var strengths = samples.AsSpan(round * m, m);
                start.CopyTo(strengths);
                var result = workspace.Solver.Solve(index, workspace.PairWeight, workspace.PairScore, strengths, options.MaxIterations, options.Tolerance, withLogLikelihood: false);
                if (result.ExitReason != FitExitReason.Converged)
                {
                    Interlocked.Increment(ref unconverged);
                }

                roundsDone?.Report(Interlocked.Increment(ref done));
                return workspace;
            },
            _ => { });

        var alpha = 1 - confidence;
        var offset = options.InitialRating + fit.DisplayOffset;
        var perStrength = options.RatingPerStrength;
        var lower = new double[m];
        var upper = new double[m];
        var variance = new double[m];
        var column = new double[rounds];
        for (var i = 0; i < m; i++)
        {
            for (var r = 0; r < rounds; r++)
            {
                column[r] = offset + (perStrength * samples[(r * m) + i]);
            }

            Array.Sort(column);
            lower[i] = Numerics.Percentile(column, alpha / 2);
            upper[i] = Numerics.Percentile(column, 1 - (alpha / 2));
            variance[i] = PopulationVariance(column);
        }

        return new RatingIntervals(IntervalMethod.Bootstrap, lower, upper, variance, confidence, rounds, seed)
        {
            UnconvergedRounds = unconverged,
        };
    }

    private static double PopulationVariance(ReadOnlySpan<double> values)
    {
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return sum / values.Length;
    }

    /// <summary>Per-thread buffers, reused across the rounds a thread runs.</summary>
    private sealed class Workspace(PairIndex index, int modelCount)
    {
        public double[] RowCounts { get; } = new double[index.RowCount];

        public double[] PairWeight { get; } = new double[index.PairCount];

        public double[] PairScore { get; } = new double[index.PairCount];

        public NewtonSolver Solver { get; } = new(modelCount);
    }
}
