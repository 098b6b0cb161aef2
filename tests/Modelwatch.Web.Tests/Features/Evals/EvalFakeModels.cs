using System.Globalization;
using Modelwatch.Core.Evals;
using Modelwatch.Testing.Providers;

namespace Modelwatch.Web.Tests.Features.Evals;

/// <summary>The evaluation tests' prompts, matching what <see cref="FakeEvalModels"/> answers and prefers.</summary>
public static class EvalFakeModels
{
    public const string Alpha = FakeEvalModels.Alpha;
    public const string Beta = FakeEvalModels.Beta;
    public const string Gamma = FakeEvalModels.Gamma;
    public const string Judge = FakeEvalModels.Judge;

    /// <summary><paramref name="count"/> prompts tagged by topic (writing or coding), every fourth also korean.</summary>
    public static IReadOnlyList<PromptRecord> Prompts(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new PromptRecord(
            string.Create(CultureInfo.InvariantCulture, $"q{i:00}"),
            FakeEvalModels.PromptText(i),
            null,
            i % 4 == 0 ? [FakeEvalModels.Topic(i), "korean"] : [FakeEvalModels.Topic(i)]))];
}
