using System.Text.Json.Serialization;
using Modelwatch.Core.Arena;
using Modelwatch.Core.Evals;
using Modelwatch.Core.Leaderboards;

namespace Modelwatch.Data.Evals.Store;

/// <summary>
/// One row of a run's board: interval rank, rating with its 95% bounds (null without intervals), the games the model
/// played (a strong LLM verdict counts as three) and its average win rate (against the baseline alone this is
/// Arena-Hard's score).
/// </summary>
public sealed record EvalBoardRow(int Rank, string Model, double Rating, double? Lower, double? Upper, long Games, double WinRate);

/// <summary>A run's board (LLM or human) for all prompts or one tag; <see cref="Report"/> is the engine's full report.</summary>
public sealed record EvalBoardView(IReadOnlyList<EvalBoardRow> Rows, int Games, IReadOnlyList<string> Warnings, [property: JsonIgnore] RatingReport Report)
{
    public static EvalBoardView? Of(RatingReport? report) => report is null ? null : new(
        [.. report.Entries.Select(e => new EvalBoardRow(
            e.Rank, e.Model, e.Rating, double.IsFinite(e.Lower) ? e.Lower : null, double.IsFinite(e.Upper) ? e.Upper : null, e.Votes, e.WinRate))],
        report.VotesUsed,
        report.Warnings,
        report);
}

/// <summary>Per model of a run: answers, summed cost, and median latency over its completed answers.</summary>
public sealed record EvalModelStats(
    int RunModelId,
    string Label,
    string Provider,
    string Model,
    string? CatalogModelId,
    int Completed,
    int Failed,
    decimal? CostUsd,
    long InputTokens,
    long OutputTokens,
    double? MedianTimeToFirstTokenMs,
    double? MedianTokensPerSecond);

/// <summary>An answer that did not complete.</summary>
public sealed record EvalFailure(long PromptId, string PromptKey, int RunModelId, string Label, AnswerOutcome Outcome, string? Error);

/// <summary>
/// A run's results for all prompts or one tag: progress, the LLM judge's board and the people's board (apart), the tags
/// there are boards for, human–judge agreement, per-model cost and latency, and the failures.
/// </summary>
public sealed record EvalResults(
    EvalRunSummary Run,
    string? Tag,
    IReadOnlyList<EvalTagCount> Tags,
    EvalBoardView? LlmBoard,
    EvalBoardView? HumanBoard,
    AgreementResult Agreement,
    IReadOnlyList<EvalModelStats> Models,
    IReadOnlyList<EvalFailure> Failures,
    decimal? JudgeCostUsd);

/// <summary>One model's answer to a prompt, for the drill-down.</summary>
public sealed record EvalAnswerView(
    long AnswerId,
    int RunModelId,
    string Label,
    AnswerOutcome Outcome,
    string Text,
    string? Error,
    int? InputTokens,
    int? OutputTokens,
    double? TimeToFirstTokenMs,
    double TotalMs,
    decimal? CostUsd,
    DateTimeOffset AnsweredAt);

/// <summary>One LLM verdict on a prompt: which answer was shown as A and which as B, the verdict and the judge's whole text.</summary>
public sealed record EvalVerdictView(
    long Id, long AnswerAId, string LabelA, long AnswerBId, string LabelB, string Judge, JudgeVerdict? Verdict, string? Reasoning, DateTimeOffset JudgedAt);

/// <summary>One person's blind vote on a prompt's two answers.</summary>
public sealed record EvalHumanVoteView(
    long Id, long AnswerAId, string LabelA, long AnswerBId, string LabelB, string Voter, ArenaChoice? Choice, DateTimeOffset VotedAt);

/// <summary>A prompt of a run with every model's answer, the LLM verdicts in both orders and the human votes.</summary>
public sealed record EvalPromptDetail(
    int RunId,
    EvalPromptView Prompt,
    IReadOnlyList<EvalAnswerView> Answers,
    IReadOnlyList<EvalVerdictView> Verdicts,
    IReadOnlyList<EvalHumanVoteView> HumanVotes);
