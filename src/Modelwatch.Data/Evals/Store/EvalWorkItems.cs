using Modelwatch.Core.Arena;
using Modelwatch.Core.Evals;

namespace Modelwatch.Data.Evals.Store;

/// <summary>A (prompt, model) still to be answered: never asked, or its last answer Failed or TimedOut.</summary>
public sealed record PendingAnswer(long PromptId, string PromptKey, string PromptText, int RunModelId, string Provider, string Model, string Label);

/// <summary>One finished answer as the runner measured it; the store adds the cost from the run model's prices.</summary>
public sealed record AnswerRecord(
    long PromptId,
    int RunModelId,
    AnswerOutcome Outcome,
    string Text,
    string? Error,
    int? InputTokens,
    int? OutputTokens,
    double? TimeToFirstTokenMs,
    double TotalMs);

/// <summary>What became of a recorded answer.</summary>
public enum AnswerRecordOutcome
{
    /// <summary>The first answer of this (prompt, model): stored.</summary>
    Stored,

    /// <summary>An earlier Failed or TimedOut answer was replaced by this one.</summary>
    Replaced,

    /// <summary>The (prompt, model) already has an answer that stands: this one was not stored (it is only counted).</summary>
    Refused,
}

/// <summary>
/// One LLM game still to be judged: a candidate's answer and the baseline's on one prompt, in one order
/// (<see cref="BaselineFirst"/>: the baseline shown as A, Arena-Hard's first game; else the candidate as A).
/// </summary>
public sealed record PendingGame(
    long PromptId,
    string PromptText,
    string? Reference,
    long AnswerAId,
    string AnswerAText,
    long AnswerBId,
    string AnswerBText,
    int CandidateModelId,
    bool BaselineFirst);

/// <summary>
/// One verdict to store: an LLM judge's (<see cref="Verdict"/>, null when its text had none, and the whole text in
/// <see cref="Reasoning"/>) or a person's (<see cref="Choice"/>).
/// </summary>
public sealed record JudgementRecord(
    long PromptId,
    long AnswerAId,
    long AnswerBId,
    EvalJudgeKind Kind,
    string Judge,
    JudgeVerdict? Verdict,
    ArenaChoice? Choice,
    string? Reasoning,
    int? InputTokens = null,
    int? OutputTokens = null,
    decimal? CostUsd = null);
