using BenchmarkDotNet.Attributes;
using Modelwatch.Core.Ratings;

namespace Modelwatch.Benchmarks.Micro;

/// <summary>
/// The rating engine after aggregation, on synthetic counts the size of the full Arena text board: 160 models, all
/// 12,720 pairs met, three outcomes per pair (~38k canonical rows, the ~75k non-canonical rows of the reference),
/// ~1.5M votes. Target: 100 bootstrap rounds under 300 ms on two cores.
/// </summary>
[MemoryDiagnoser]
public class RatingBenchmarks
{
    private PairwiseCounts _counts = null!;
    private BradleyTerryFit _fit = null!;

    [Params(160)]
    public int Models { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _counts = SyntheticCounts(Models, seed: 1);
        _fit = BradleyTerry.Fit(_counts);
    }

    [Benchmark]
    public BradleyTerryFit Fit() => BradleyTerry.Fit(_counts);

    [Benchmark]
    public RatingIntervals Sandwich() => SandwichIntervals.Compute(_counts, _fit);

    [Benchmark]
    public RatingIntervals Bootstrap100Rounds() => BootstrapIntervals.Compute(_counts, _fit, rounds: 100, seed: 42);

    /// <summary>Every pair met 20–420 times (skewed towards few), 30% ties, outcomes from normal strengths.</summary>
    internal static PairwiseCounts SyntheticCounts(int models, int seed)
    {
        var random = new Random(seed);
        var strength = new double[models];
        for (var i = 0; i < models; i++)
        {
            strength[i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        }

        var rows = new List<(int, int, byte, double)>();
        for (var a = 0; a < models; a++)
        {
            for (var b = a + 1; b < models; b++)
            {
                var votes = Math.Floor(20 + (400 * Math.Pow(random.NextDouble(), 3)));
                var p = 1 / (1 + Math.Exp(strength[b] - strength[a]));
                var winsA = Math.Round(votes * 0.7 * p);
                var winsB = Math.Round(votes * 0.7 * (1 - p));
                rows.Add((a, b, 2, winsA));
                rows.Add((a, b, 0, winsB));
                rows.Add((a, b, 1, votes - winsA - winsB));
            }
        }

        return PairwiseCounts.FromRows([.. Enumerable.Range(0, models).Select(i => $"model-{i}")], rows);
    }
}
