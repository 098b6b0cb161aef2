using BenchmarkDotNet.Attributes;
using Modelwatch.Core.Evals;
using Modelwatch.Core.Ratings;

namespace Modelwatch.Benchmarks.Evals;

/// <summary>
/// A run's private board from its judge verdicts: <see cref="ArenaHardScoring"/> (each verdict to weighted games) and
/// <see cref="EvalBoard.Build"/> (Bradley–Terry with intervals) for <see cref="Prompts"/> prompts × 10 models against a
/// baseline, each pair judged in both orders (9 × 2 × prompts verdicts). Verdicts are synthetic (seeded), drawn from
/// fixed model strengths so the fit has something to find; every prompt carries one of five tags.
/// </summary>
[MemoryDiagnoser]
public class EvalBoardBenchmarks
{
    private static readonly JudgeVerdict[] Scale = [JudgeVerdict.AMuchBetter, JudgeVerdict.ABetter, JudgeVerdict.Tie, JudgeVerdict.BBetter, JudgeVerdict.BMuchBetter];

    private List<(JudgedGame Game, string[] Tags)> _verdicts = [];
    private List<EvalBoardGame> _games = [];

    [Params(1_000)]
    public int Prompts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        var tags = new[] { "coding", "math", "writing", "support", "korean" };
        _verdicts = [];
        for (var p = 0; p < Prompts; p++)
        {
            string[] promptTags = [tags[p % tags.Length]];
            for (var m = 1; m < 10; m++)
            {
                // Model m beats the baseline with probability rising in m; the verdict's strength is drawn around it.
                var edge = (m - 5) * 0.08;
                _verdicts.Add((new JudgedGame("baseline", $"model-{m}", Draw(random, -edge)), promptTags));
                _verdicts.Add((new JudgedGame($"model-{m}", "baseline", Draw(random, edge)), promptTags));
            }
        }

        _games = [.. _verdicts.Select(v => ArenaHardScoring.Score(v.Game, v.Tags))];
    }

    /// <summary>Verdicts to games: the scoring step alone.</summary>
    [Benchmark]
    public double Score() => _verdicts.Sum(v => ArenaHardScoring.Score(v.Game, v.Tags).Count);

    /// <summary>The whole-run board with sandwich intervals (the page's default).</summary>
    [Benchmark(Baseline = true)]
    public int Board_sandwich() => EvalBoard.Build(_games, new EvalBoardOptions { AnchorModel = "baseline" })!.Entries.Count;

    /// <summary>The whole-run board and one per tag (the page offers all five).</summary>
    [Benchmark]
    public int Boards_per_tag() => EvalBoard.Tags(_games).Sum(tag => EvalBoard.Build(_games, new EvalBoardOptions(), tag)?.Entries.Count ?? 0)
        + EvalBoard.Build(_games, new EvalBoardOptions())!.Entries.Count;

    /// <summary>The whole-run board with 100 bootstrap rounds.</summary>
    [Benchmark]
    public int Board_bootstrap() => EvalBoard.Build(_games, new EvalBoardOptions { Intervals = IntervalMethod.Bootstrap, BootstrapRounds = 100 })!.Entries.Count;

    private static JudgeVerdict Draw(Random random, double edgeForA)
    {
        var x = random.NextDouble() + edgeForA;
        return x switch
        {
            > 0.9 => Scale[0],
            > 0.6 => Scale[1],
            > 0.45 => Scale[2],
            > 0.15 => Scale[3],
            _ => Scale[4],
        };
    }
}
