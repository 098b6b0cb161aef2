using Modelwatch.Core.Ratings;

namespace Modelwatch.Core.Tests.Ratings;

public class BootstrapIntervalsTests
{
    [Fact]
    public void Bootstrap_is_reproducible_for_a_seed_and_independent_of_parallelism()
    {
        var counts = TestVotes.Counts(TestVotes.Load(TestVotes.Arena140kFile));
        var fit = BradleyTerry.Fit(counts);

        var oneThread = BootstrapIntervals.Compute(counts, fit, rounds: 40, seed: 7, ct: TestContext.Current.CancellationToken, maxDegreeOfParallelism: 1);
        var twoThreads = BootstrapIntervals.Compute(counts, fit, rounds: 40, seed: 7, ct: TestContext.Current.CancellationToken, maxDegreeOfParallelism: 2);
        var otherSeed = BootstrapIntervals.Compute(counts, fit, rounds: 40, seed: 8, ct: TestContext.Current.CancellationToken, maxDegreeOfParallelism: 2);

        Assert.Equal(oneThread.Lower, twoThreads.Lower);
        Assert.Equal(oneThread.Upper, twoThreads.Upper);
        Assert.Equal(oneThread.Variance, twoThreads.Variance);
        Assert.NotEqual(oneThread.Lower, otherSeed.Lower);
        Assert.Equal(IntervalMethod.Bootstrap, oneThread.Method);
        Assert.Equal((40, 7), (oneThread.Rounds, oneThread.Seed));
    }

    /// <summary>
    /// With 1,000 rounds on 135k votes the percentile bootstrap and the sandwich estimate should describe the same
    /// sampling spread: on average, their bounds differ by well under 1.5 rating points.
    /// </summary>
    [Fact]
    public void Bootstrap_and_sandwich_bounds_agree_on_the_140k_votes()
    {
        var counts = TestVotes.Counts(TestVotes.Load(TestVotes.Arena140kFile));
        var fit = BradleyTerry.Fit(counts);
        var sandwich = SandwichIntervals.Compute(counts, fit);

        var bootstrap = BootstrapIntervals.Compute(counts, fit, rounds: 1000, seed: 42, ct: TestContext.Current.CancellationToken);

        Assert.Equal(0, bootstrap.UnconvergedRounds);
        var m = fit.ModelCount;
        var lowerGap = Enumerable.Range(0, m).Average(i => Math.Abs(bootstrap.Lower[i] - sandwich.Lower[i]));
        var upperGap = Enumerable.Range(0, m).Average(i => Math.Abs(bootstrap.Upper[i] - sandwich.Upper[i]));
        Assert.True(lowerGap < 1.5, $"mean |Δlower| = {lowerGap:F3}");
        Assert.True(upperGap < 1.5, $"mean |Δupper| = {upperGap:F3}");
        for (var i = 0; i < m; i++)
        {
            Assert.InRange(fit.Ratings[i], bootstrap.Lower[i], bootstrap.Upper[i]);
        }
    }

    [Fact]
    public void An_anchor_shifts_the_bootstrap_bounds_and_does_not_widen_them()
    {
        var counts = TestVotes.Counts(TestVotes.Load("data/arena/llmfao/llmfao.csv"));
        var fit = BradleyTerry.Fit(counts);
        var anchored = fit.AnchoredTo(fit.Models[0], 1114);

        var plain = BootstrapIntervals.Compute(counts, fit, rounds: 30, seed: 3, ct: TestContext.Current.CancellationToken);
        var moved = BootstrapIntervals.Compute(counts, anchored, rounds: 30, seed: 3, ct: TestContext.Current.CancellationToken);

        Assert.NotEqual(0, anchored.DisplayOffset, 1e-6);
        for (var i = 0; i < fit.ModelCount; i++)
        {
            Assert.Equal(plain.Lower[i] + anchored.DisplayOffset, moved.Lower[i], 1e-9);
            Assert.Equal(plain.Upper[i] + anchored.DisplayOffset, moved.Upper[i], 1e-9);
            Assert.Equal(plain.Variance[i], moved.Variance[i], 1e-9);
        }
    }

    [Fact]
    public void Progress_counts_every_round_and_cancellation_stops_the_work()
    {
        var counts = TestVotes.Counts(TestVotes.Load("data/arena/llmfao/llmfao.csv"));
        var fit = BradleyTerry.Fit(counts);
        var reports = new ReportCollector();

        BootstrapIntervals.Compute(counts, fit, rounds: 25, seed: 1, roundsDone: reports, ct: TestContext.Current.CancellationToken);

        Assert.Equal(25, reports.Count);
        Assert.Equal(25, reports.Max);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => BootstrapIntervals.Compute(counts, fit, rounds: 25, seed: 1, ct: cancelled.Token));
    }

    [Theory]
    [InlineData(0.025, 1.075)] // numpy.percentile([1, 2, 3, 4], 2.5)
    [InlineData(0.975, 3.925)]
    [InlineData(0.5, 2.5)]
    [InlineData(1.0, 4.0)]
    [InlineData(0.0, 1.0)]
    public void Percentiles_interpolate_linearly_like_numpy(double q, double expected)
    {
        Assert.Equal(expected, Numerics.Percentile([1.0, 2.0, 3.0, 4.0], q), 1e-12);
    }

    /// <summary>Thread-safe, synchronous progress sink (Progress&lt;T&gt; would post to a context asynchronously).</summary>
    private sealed class ReportCollector : IProgress<int>
    {
        private readonly Lock _gate = new();

        public int Count { get; private set; }

        public int Max { get; private set; }

        public void Report(int value)
        {
            lock (_gate)
            {
                Count++;
                Max = Math.Max(Max, value);
            }
        }
    }
}
