using BenchmarkDotNet.Attributes;
using Modelwatch.Benchmarks.Generation;
using Modelwatch.Core.Ratings;
using Modelwatch.Core.Votes;

namespace Modelwatch.Benchmarks.Micro;

/// <summary>
/// Votes → unique <c>(a, b, outcome)</c> rows: the step between reading and fitting. Votes are resampled from the
/// real 140k arena file over 159 renamed models, as in the whole-process benchmark files.
/// </summary>
[MemoryDiagnoser]
public class PairwiseAggregationBenchmarks
{
    private VoteTable _votes = null!;
    private int[] _valid = [];
    private int[] _scatteredHalf = [];

    [Params(135_634, 1_800_000)]
    public int Votes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var source = ArenaBattleSource.Load(SharedDataLocator.File(SharedDataLocator.ArenaBattles));
        _votes = ResampledVoteTable.Build(new BattleResampler(source, copies: 3, seed: 1), Votes);

        // Self-votes are cleaned before aggregation in the real pipeline; FromVotes rejects them.
        var a = _votes.ModelA;
        var b = _votes.ModelB;
        var valid = new List<int>(Votes);
        for (var i = 0; i < Votes; i++)
        {
            if (a[i] != b[i])
            {
                valid.Add(i);
            }
        }

        _valid = [.. valid];

        // A category filter selects a scattered subset; every other vote is a stand-in with the same access pattern.
        _scatteredHalf = [.. _valid.Where((_, k) => k % 2 == 0)];
    }

    [Benchmark(Baseline = true)]
    public PairwiseCounts All_valid_votes() => PairwiseCounts.FromVotes(_votes, _valid);

    [Benchmark]
    public PairwiseCounts Scattered_half_of_the_votes() => PairwiseCounts.FromVotes(_votes, _scatteredHalf);
}
