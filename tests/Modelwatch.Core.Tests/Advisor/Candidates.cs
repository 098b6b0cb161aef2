using Modelwatch.Core.Advisor;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Core.Tests.Advisor;

/// <summary>Hand-built candidates: a model whose every fact is known and satisfies any constraint unless a test says otherwise.</summary>
internal static class Candidates
{
    public const string Category = "coding";

    public static AdvisorCandidate Model(string id, double rating, double halfWidth = 10, decimal? input = 1m, decimal? output = 1m) => new()
    {
        ModelId = id,
        Name = id.ToUpperInvariant(),
        Licence = LicenceClass.OpenSource,
        LicenceId = "Apache-2.0",
        ContextWindow = 1_000_000,
        InputModalities = ["text", "image"],
        OutputModalities = ["text"],
        ToolCalling = true,
        InputPerMillion = input,
        OutputPerMillion = output,
        Quality = new QualityEvidence("lmarena", Category, id, rating, rating - halfWidth, rating + halfWidth, 1000, new DateOnly(2025, 12, 1)),
    };

    public static AdvisorResult Recommend(AdvisorRequest request, params AdvisorCandidate[] candidates) =>
        ModelAdvisor.Recommend(request, candidates, Category, "lmarena 2025-12-01", []);

    public static AdvisorRequest QualityOnly(int picks = 10) => new() { UseCase = UseCase.Coding, Weights = new(1, 0, 0), Picks = picks };
}
