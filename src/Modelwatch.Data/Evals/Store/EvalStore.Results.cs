using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Arena;
using Modelwatch.Core.Evals;

namespace Modelwatch.Data.Evals.Store;

/// <summary>Results of a run (boards, agreement, cost, latency, failures) and one prompt's drill-down.</summary>
public sealed partial class EvalStore
{
    /// <summary>
    /// A run's results for all prompts or the prompts with <paramref name="tag"/>. The LLM board rates the run judge's
    /// verdicts (Arena-Hard's scoring: strong verdicts count three times; texts without a verdict are left out and
    /// counted in progress), the human board rates people's blind votes; the baseline is the anchor when
    /// <paramref name="options"/> name none. Null when there is no such run.
    /// </summary>
    public async Task<EvalResults?> ResultsAsync(int runId, string? tag = null, EvalBoardOptions? options = null, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var run = await SummaryAsync(db, runId, ct).ConfigureAwait(false);
            if (run is null)
            {
                return null;
            }

            tag = string.IsNullOrWhiteSpace(tag) ? null : tag.Trim().ToLowerInvariant();
            var prompts = (await db.EvalPrompts.AsNoTracking().Where(p => p.SetId == run.SetId).Select(p => new { p.Id, p.Key, p.Tags }).ToListAsync(ct).ConfigureAwait(false))
                .ToDictionary(p => p.Id);
            bool InTag(long promptId) => tag is null || (prompts.TryGetValue(promptId, out var p) && p.Tags.Contains(tag, StringComparer.Ordinal));
            IReadOnlyList<string> TagsOf(long promptId) => prompts.TryGetValue(promptId, out var p) ? p.Tags : [];

            var labels = run.Models.ToDictionary(m => m.Id, m => m.Label);
            var answers = await db.EvalAnswers.AsNoTracking().Where(a => a.RunId == runId)
                .Select(a => new { a.Id, a.PromptId, a.RunModelId, a.Outcome, a.Error, a.InputTokens, a.OutputTokens, a.TimeToFirstTokenMs, a.TotalMs, a.CostUsd })
                .ToListAsync(ct).ConfigureAwait(false);
            var modelOfAnswer = answers.ToDictionary(a => a.Id, a => a.RunModelId);
            var judgements = await db.EvalJudgements.AsNoTracking().Where(j => j.RunId == runId)
                .Select(j => new { j.PromptId, j.AnswerAId, j.AnswerBId, j.Kind, j.Judge, j.Verdict, j.Choice, j.CostUsd })
                .ToListAsync(ct).ConfigureAwait(false);

            var judge = run.Judge;
            var llm = judgements.Where(j => j.Kind == EvalJudgeKind.Llm && j.Judge == judge && j.Verdict is not null && InTag(j.PromptId)).ToList();
            var human = judgements.Where(j => j.Kind == EvalJudgeKind.Human && j.Choice is not null && InTag(j.PromptId)).ToList();
            string Label(long answerId) => labels[modelOfAnswer[answerId]];
            var board = (options ?? new EvalBoardOptions()) is var o && o.AnchorModel is null && run.BaselineLabel is not null ? o with { AnchorModel = run.BaselineLabel } : o;
            var llmGames = llm.Select(j => ArenaHardScoring.Score(new JudgedGame(Label(j.AnswerAId), Label(j.AnswerBId), j.Verdict!.Value), TagsOf(j.PromptId)));
            var humanGames = human.Select(j => ArenaHardScoring.Human(Label(j.AnswerAId), Label(j.AnswerBId), j.Choice!.Value, TagsOf(j.PromptId)));

            // Agreement: each person's vote against the judge's one preference on the same two answers (both orders).
            var verdictsOnPair = llm.ToLookup(j => (Math.Min(j.AnswerAId, j.AnswerBId), Math.Max(j.AnswerAId, j.AnswerBId)));
            var agreementPairs = new List<(PairPreference, PairPreference)>();
            foreach (var vote in human)
            {
                var judged = verdictsOnPair[(Math.Min(vote.AnswerAId, vote.AnswerBId), Math.Max(vote.AnswerAId, vote.AnswerBId))]
                    .Select(j => j.AnswerAId == vote.AnswerAId ? j.Verdict!.Value : JudgeVerdictParser.Mirror(j.Verdict!.Value));
                if (VerdictAgreement.FromJudge(judged) is { } preference)
                {
                    agreementPairs.Add((VerdictAgreement.FromChoice(vote.Choice!.Value), preference));
                }
            }

            var stats = run.Models.Select(m =>
            {
                var mine = answers.Where(a => a.RunModelId == m.Id && InTag(a.PromptId)).ToList();
                var done = mine.Where(a => a.Outcome == AnswerOutcome.Completed).ToList();
                var costs = mine.Where(a => a.CostUsd is not null).Select(a => a.CostUsd!.Value).ToList();
                return new EvalModelStats(
                    m.Id, m.Label, m.Provider, m.Model, m.CatalogModelId, done.Count, mine.Count - done.Count,
                    costs.Count == 0 ? null : costs.Sum(),
                    mine.Sum(a => (long)(a.InputTokens ?? 0)),
                    mine.Sum(a => (long)(a.OutputTokens ?? 0)),
                    Median(done.Where(a => a.TimeToFirstTokenMs is not null).Select(a => a.TimeToFirstTokenMs!.Value)),
                    Median(done.Select(a => TokensPerSecond(a.OutputTokens, a.TimeToFirstTokenMs, a.TotalMs)).OfType<double>()));
            }).ToList();
            var failures = answers.Where(a => a.Outcome != AnswerOutcome.Completed && InTag(a.PromptId))
                .Select(a => new EvalFailure(a.PromptId, prompts.TryGetValue(a.PromptId, out var p) ? p.Key : "", a.RunModelId, labels[a.RunModelId], a.Outcome, a.Error))
                .OrderBy(f => f.PromptKey, StringComparer.Ordinal).ThenBy(f => f.RunModelId).ToList();
            var judgeCosts = judgements.Where(j => j.Kind == EvalJudgeKind.Llm && j.CostUsd is not null && InTag(j.PromptId)).Select(j => j.CostUsd!.Value).ToList();

            return new EvalResults(
                run,
                tag,
                TagCounts(prompts.Values.Select(p => (IReadOnlyList<string>)p.Tags)),
                EvalBoardView.Of(EvalBoard.Build(llmGames, board)),
                EvalBoardView.Of(EvalBoard.Build(humanGames, board)),
                VerdictAgreement.Compute(agreementPairs),
                stats,
                failures,
                judgeCosts.Count == 0 ? null : judgeCosts.Sum());
        }
    }

    /// <summary>One prompt of a run: every model's answer, the LLM verdicts in both orders with the judge's text, the human votes.</summary>
    public async Task<EvalPromptDetail?> PromptDetailAsync(int runId, long promptId, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var run = await db.EvalRuns.AsNoTracking().Include(r => r.Models).SingleOrDefaultAsync(r => r.Id == runId, ct).ConfigureAwait(false);
            var prompt = run is null ? null : await db.EvalPrompts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == promptId && p.SetId == run.SetId, ct).ConfigureAwait(false);
            if (run is null || prompt is null)
            {
                return null;
            }

            var labels = run.Models.ToDictionary(m => m.Id, m => m.Label);
            var answers = await db.EvalAnswers.AsNoTracking().Where(a => a.RunId == runId && a.PromptId == promptId).OrderBy(a => a.RunModelId)
                .ToListAsync(ct).ConfigureAwait(false);
            var labelOfAnswer = answers.ToDictionary(a => a.Id, a => labels[a.RunModelId]);
            var judgements = await db.EvalJudgements.AsNoTracking().Where(j => j.RunId == runId && j.PromptId == promptId).OrderBy(j => j.Id)
                .ToListAsync(ct).ConfigureAwait(false);
            return new EvalPromptDetail(
                runId,
                View(prompt),
                [.. answers.Select(a => new EvalAnswerView(a.Id, a.RunModelId, labels[a.RunModelId], a.Outcome, a.Text, a.Error, a.InputTokens, a.OutputTokens, a.TimeToFirstTokenMs, a.TotalMs, a.CostUsd, a.AnsweredAt))],
                [.. judgements.Where(j => j.Kind == EvalJudgeKind.Llm).Select(j => new EvalVerdictView(
                    j.Id, j.AnswerAId, labelOfAnswer.GetValueOrDefault(j.AnswerAId, ""), j.AnswerBId, labelOfAnswer.GetValueOrDefault(j.AnswerBId, ""), j.Judge, j.Verdict, j.Reasoning, j.JudgedAt))],
                [.. judgements.Where(j => j.Kind == EvalJudgeKind.Human).Select(j => new EvalHumanVoteView(
                    j.Id, j.AnswerAId, labelOfAnswer.GetValueOrDefault(j.AnswerAId, ""), j.AnswerBId, labelOfAnswer.GetValueOrDefault(j.AnswerBId, ""), j.Judge, j.Choice, j.JudgedAt))]);
        }
    }

    /// <summary>Output tokens per second after the first token (as the arena measures it); null without the times.</summary>
    internal static double? TokensPerSecond(int? outputTokens, double? firstTokenMs, double totalMs) =>
        outputTokens is > 0 && firstTokenMs is { } first && totalMs - first > 0 ? outputTokens.Value / ((totalMs - first) / 1000.0) : null;

    internal static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
