using BenchmarkDotNet.Attributes;
using Modelwatch.Core.Ratings.StyleControl;
using Modelwatch.Core.Votes;

namespace Modelwatch.Benchmarks.Micro;

/// <summary>
/// Style-controlled fit at the size of the shared 140k file (135,624 votes, 53 models, 4 features), on synthetic
/// votes because that file has no style metadata. Target: well under a second for the sandwich fit.
/// </summary>
[MemoryDiagnoser]
public class StyleControlBenchmarks
{
    private VoteTable _votes = null!;
    private int[] _all = [];

    [GlobalSetup]
    public void Setup()
    {
        const int Models = 53;
        const int Votes = 135_624;
        var random = new Random(20250701);
        var builder = new VoteTableBuilder(Votes);
        var ids = Enumerable.Range(0, Models).Select(j => builder.Models.GetOrAdd($"model-{j}")).ToArray();
        var strength = Enumerable.Range(0, Models).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        for (var i = 0; i < Votes; i++)
        {
            var a = random.Next(Models);
            var b = (a + 1 + random.Next(Models - 1)) % Models;
            var style = new StyleCounts(
                200 + (10 * a) + random.Next(900), 200 + (10 * b) + random.Next(900),
                random.Next(6), random.Next(6), random.Next(12), random.Next(12), random.Next(9), random.Next(9));
            var logit = strength[a] - strength[b] + (0.3 * (style.TokensA - style.TokensB) / (style.TokensA + style.TokensB + 1.0));
            var u = random.NextDouble();
            var winner = u < 0.15 ? Winner.Tie : u < 0.15 + (0.85 / (1 + Math.Exp(-logit))) ? Winner.ModelA : Winner.ModelB;
            builder.Add(new VoteRow { ModelA = ids[a], ModelB = ids[b], Winner = winner, Style = style, SourceLine = i + 2 });
        }

        _votes = builder.Build();
        _all = [.. Enumerable.Range(0, Votes)];
    }

    [Benchmark]
    public StyleControlFit SandwichFit() => StyleControlModel.Fit(_votes, _all);

    [Benchmark]
    public StyleControlFit Bootstrap100() =>
        StyleControlModel.Fit(_votes, _all, intervals: StyleIntervalMethod.Bootstrap, bootstrapRounds: 100, seed: 1);
}
