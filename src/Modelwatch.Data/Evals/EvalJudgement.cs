using Modelwatch.Core.Arena;
using Modelwatch.Core.Evals;

namespace Modelwatch.Data.Evals;

/// <summary>
/// One verdict on two answers to one prompt, shown as A then B. An LLM judge gives a <see cref="Verdict"/> on the
/// five-point scale, twice per pair (<see cref="AnswerAId"/>/<see cref="AnswerBId"/> swapped); a person gives a
/// <see cref="Choice"/> with the arena's four buttons, blind. Private: never part of a public vote dataset.
/// </summary>
public sealed class EvalJudgement
{
    public const int MaxJudgeLength = 300;

    public long Id { get; set; }

    public int RunId { get; set; }

    public long PromptId { get; set; }

    /// <summary>The answer shown first.</summary>
    public long AnswerAId { get; set; }

    /// <summary>The answer shown second.</summary>
    public long AnswerBId { get; set; }

    public EvalJudgeKind Kind { get; set; }

    /// <summary>The voter (<c>anon:…</c>, <c>user:…</c>) or the judge (<c>provider/model</c>).</summary>
    public required string Judge { get; set; }

    /// <summary>An LLM judge's verdict; null for a person's vote, or when the judge's answer had no verdict.</summary>
    public JudgeVerdict? Verdict { get; set; }

    /// <summary>A person's vote; null for an LLM judge.</summary>
    public ArenaChoice? Choice { get; set; }

    /// <summary>The judge's whole answer (its reasoning, then the verdict), kept for the drill-down.</summary>
    public string? Reasoning { get; set; }

    public int? InputTokens { get; set; }

    public int? OutputTokens { get; set; }

    public decimal? CostUsd { get; set; }

    public DateTimeOffset JudgedAt { get; set; }
}
