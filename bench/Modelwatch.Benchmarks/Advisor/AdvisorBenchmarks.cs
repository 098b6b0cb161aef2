using BenchmarkDotNet.Attributes;
using Modelwatch.Core.Advisor;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Benchmarks.Advisor;

/// <summary>
/// The advisor's pure part, <see cref="ModelAdvisor.Recommend"/>, over a catalog of <see cref="Models"/> rated models:
/// constraint checks, scores with interval ends, positions, ties, trade-offs, alternatives and the Pareto front. The
/// candidates are synthetic (seeded), shaped like the fixture catalog: a third proprietary, the rest open weights or
/// open source, contexts from 8k to 1M, prices over three orders of magnitude, ratings 1000–1500 with ±5–25 intervals.
/// What a request costs beyond this is the database read, which <c>AdvisorService</c> caches per data version.
/// </summary>
[MemoryDiagnoser]
public class AdvisorBenchmarks
{
    private static readonly LicenceClass[] Licences = [LicenceClass.Proprietary, LicenceClass.OpenWeights, LicenceClass.OpenSource];
    private static readonly string?[] LicenceIds = [null, "llama3.1", "apache-2.0", "mit", "gemma", "cc-by-nc-4.0"];
    private static readonly int[] Contexts = [8_192, 32_768, 128_000, 200_000, 1_000_000];

    private List<AdvisorCandidate> _candidates = [];

    [Params(300, 3_000)]
    public int Models { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _candidates = [.. Enumerable.Range(0, Models).Select(i => Candidate(i, random))];
    }

    /// <summary>General use, quality and price weighted, no constraint: every model is eligible.</summary>
    [Benchmark(Baseline = true)]
    public int General() => ModelAdvisor.Recommend(new AdvisorRequest { Picks = 10 }, _candidates, "full", "bench", []).Picks.Count;

    /// <summary>Self-hosted, commercial, 128k context, tool calling, a price cap: most models are excluded with reasons.</summary>
    [Benchmark]
    public int Constrained() => ModelAdvisor.Recommend(
        new AdvisorRequest
        {
            Picks = 10,
            Constraints = new AdvisorConstraints { SelfHost = true, Commercial = true, MinContext = 128_000, ToolCalling = true, MaxPricePerMillion = 5m },
        },
        _candidates,
        "full",
        "bench",
        []).Excluded.Count;

    private static AdvisorCandidate Candidate(int i, Random random)
    {
        var rating = 1000 + (random.NextDouble() * 500);
        var half = 5 + (random.NextDouble() * 20);
        var input = Math.Round((decimal)Math.Pow(10, -1.5 + (random.NextDouble() * 3)), 4);
        return new AdvisorCandidate
        {
            ModelId = $"lab{i % 40}/model-{i}",
            Name = $"Model {i}",
            Organisation = $"Lab {i % 40}",
            Licence = Licences[random.Next(Licences.Length)],
            LicenceId = LicenceIds[random.Next(LicenceIds.Length)],
            ContextWindow = Contexts[random.Next(Contexts.Length)],
            InputModalities = random.Next(3) == 0 ? ["text", "image"] : ["text"],
            OutputModalities = ["text"],
            ToolCalling = random.Next(4) != 0,
            InputPerMillion = input,
            OutputPerMillion = input * 4,
            PriceProvider = $"lab{i % 40}",
            Quality = new QualityEvidence("bench", "full", $"model-{i}", rating, rating - half, rating + half, 1000 + random.Next(20_000), null),
        };
    }
}
