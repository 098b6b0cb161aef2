namespace Modelwatch.Core.Evals;

/// <summary>
/// An LLM judge's verdict on a pair shown as A then B, on Arena-Hard-Auto's five-point scale (<c>[[A&gt;&gt;B]]</c>,
/// <c>[[A&gt;B]]</c>, <c>[[A=B]]</c>, <c>[[B&gt;A]]</c>, <c>[[B&gt;&gt;A]]</c>; Li et al. 2024, arXiv 2406.11939).
/// </summary>
public enum JudgeVerdict
{
    AMuchBetter,
    ABetter,
    Tie,
    BBetter,
    BMuchBetter,
}

/// <summary>Who judged a pair.</summary>
public enum EvalJudgeKind
{
    /// <summary>A person, blind (names hidden until the vote), in the arena's four-button flow.</summary>
    Human,

    /// <summary>An LLM judge against the run's baseline, each pair in both orders.</summary>
    Llm,
}
