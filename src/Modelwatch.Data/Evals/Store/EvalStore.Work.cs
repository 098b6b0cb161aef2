using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Arena;
using Modelwatch.Core.Evals;

namespace Modelwatch.Data.Evals.Store;

/// <summary>The runner's work: what is still to be answered and judged, and recording each result as it finishes.</summary>
public sealed partial class EvalStore
{
    /// <summary>
    /// Every (prompt, model) without an answer that stands, prompt by prompt in set order (so a stopped run has
    /// answered whole prompts), models in run order. Failed and TimedOut answers are asked again; CutOff answers stand
    /// (the text is what the model gave within its limit).
    /// </summary>
    public async Task<IReadOnlyList<PendingAnswer>> PendingAnswersAsync(int runId, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var run = await db.EvalRuns.AsNoTracking().Include(r => r.Models).SingleOrDefaultAsync(r => r.Id == runId, ct).ConfigureAwait(false)
                ?? throw new EvalStoreException("run", $"There is no run {runId}.");
            var prompts = await db.EvalPrompts.AsNoTracking().Where(p => p.SetId == run.SetId).OrderBy(p => p.Position).ThenBy(p => p.Id)
                .Select(p => new { p.Id, p.Key, p.Text }).ToListAsync(ct).ConfigureAwait(false);
            var standing = (await db.EvalAnswers.AsNoTracking()
                .Where(a => a.RunId == runId && a.Outcome != AnswerOutcome.Failed && a.Outcome != AnswerOutcome.TimedOut)
                .Select(a => new { a.RunModelId, a.PromptId }).ToListAsync(ct).ConfigureAwait(false))
                .Select(a => (a.RunModelId, a.PromptId)).ToHashSet();
            var models = run.Models.OrderBy(m => m.Id).ToList();
            var pending = new List<PendingAnswer>();
            foreach (var prompt in prompts)
            {
                foreach (var model in models)
                {
                    if (!standing.Contains((model.Id, prompt.Id)))
                    {
                        pending.Add(new PendingAnswer(prompt.Id, prompt.Key, prompt.Text, model.Id, model.Provider, model.Model, model.Label));
                    }
                }
            }

            return pending;
        }
    }

    /// <summary>
    /// Records one answer with its cost (tokens × the run model's prices; null when either is unknown). The first answer
    /// of a (prompt, model) is stored; one that Failed or TimedOut is replaced; any other is refused and not stored —
    /// the unique index on (model, prompt) decides, so two instances racing cannot both store one.
    /// </summary>
    public async Task<AnswerRecordOutcome> RecordAnswerAsync(int runId, AnswerRecord answer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var model = await db.EvalRunModels.AsNoTracking().SingleOrDefaultAsync(m => m.Id == answer.RunModelId && m.RunId == runId, ct).ConfigureAwait(false)
                ?? throw new EvalStoreException("model", $"Run {runId} has no model {answer.RunModelId}.");
            var cost = EvalCost.Of(answer.InputTokens, answer.OutputTokens, model.InputPerMillion, model.OutputPerMillion);
            var text = answer.Text ?? "";
            var error = answer.Error is { Length: > EvalAnswer.MaxErrorLength } e ? e[..EvalAnswer.MaxErrorLength] : answer.Error;
            var now = time.GetUtcNow();
            var transaction = await db.Database.BeginWriteAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // A retryable answer is overwritten in place (one conditional UPDATE), so the row and its id stay.
                var replaced = await db.EvalAnswers
                    .Where(a => a.RunModelId == answer.RunModelId && a.PromptId == answer.PromptId
                        && (a.Outcome == AnswerOutcome.Failed || a.Outcome == AnswerOutcome.TimedOut))
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(a => a.Outcome, answer.Outcome)
                        .SetProperty(a => a.Text, text)
                        .SetProperty(a => a.Error, error)
                        .SetProperty(a => a.InputTokens, answer.InputTokens)
                        .SetProperty(a => a.OutputTokens, answer.OutputTokens)
                        .SetProperty(a => a.TimeToFirstTokenMs, answer.TimeToFirstTokenMs)
                        .SetProperty(a => a.TotalMs, answer.TotalMs)
                        .SetProperty(a => a.CostUsd, cost)
                        .SetProperty(a => a.AnsweredAt, now), ct).ConfigureAwait(false);
                if (replaced == 1)
                {
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                    return AnswerRecordOutcome.Replaced;
                }

                if (await db.EvalAnswers.AnyAsync(a => a.RunModelId == answer.RunModelId && a.PromptId == answer.PromptId, ct).ConfigureAwait(false))
                {
                    return AnswerRecordOutcome.Refused;
                }

                db.EvalAnswers.Add(new EvalAnswer
                {
                    RunId = runId,
                    PromptId = answer.PromptId,
                    RunModelId = answer.RunModelId,
                    Outcome = answer.Outcome,
                    Text = text,
                    Error = error,
                    InputTokens = answer.InputTokens,
                    OutputTokens = answer.OutputTokens,
                    TimeToFirstTokenMs = answer.TimeToFirstTokenMs,
                    TotalMs = answer.TotalMs,
                    CostUsd = cost,
                    AnsweredAt = now,
                });
                try
                {
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                }
                catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
                {
                    // Another instance stored this (prompt, model) between the check and the insert.
                    return AnswerRecordOutcome.Refused;
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return AnswerRecordOutcome.Stored;
            }
        }
    }

    /// <summary>
    /// The LLM games still to judge: for each prompt whose baseline answer completed, each other model's completed
    /// answer against it in both orders (baseline as A first, as Arena-Hard's game 1; then the candidate as A), minus
    /// the games the run's judge already has a row for (a verdict, or a text without one). Empty without a judge.
    /// </summary>
    public async Task<IReadOnlyList<PendingGame>> PendingGamesAsync(int runId, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var run = await db.EvalRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct).ConfigureAwait(false)
                ?? throw new EvalStoreException("run", $"There is no run {runId}.");
            var judge = EvalJudges.Name(run.JudgeProvider, run.JudgeModel);
            if (judge is null || run.BaselineModelId is not { } baselineId)
            {
                return [];
            }

            var prompts = await db.EvalPrompts.AsNoTracking().Where(p => p.SetId == run.SetId).OrderBy(p => p.Position).ThenBy(p => p.Id)
                .Select(p => new { p.Id, p.Text, p.Reference }).ToListAsync(ct).ConfigureAwait(false);
            var answers = await db.EvalAnswers.AsNoTracking().Where(a => a.RunId == runId && a.Outcome == AnswerOutcome.Completed)
                .Select(a => new { a.Id, a.PromptId, a.RunModelId, a.Text }).ToListAsync(ct).ConfigureAwait(false);
            var judged = (await db.EvalJudgements.AsNoTracking().Where(j => j.RunId == runId && j.Kind == EvalJudgeKind.Llm && j.Judge == judge)
                .Select(j => new { j.AnswerAId, j.AnswerBId }).ToListAsync(ct).ConfigureAwait(false))
                .Select(j => (j.AnswerAId, j.AnswerBId)).ToHashSet();
            var byPrompt = answers.ToLookup(a => a.PromptId);
            var games = new List<PendingGame>();
            foreach (var prompt in prompts)
            {
                var baseline = byPrompt[prompt.Id].FirstOrDefault(a => a.RunModelId == baselineId);
                if (baseline is null)
                {
                    continue;
                }

                foreach (var candidate in byPrompt[prompt.Id].Where(a => a.RunModelId != baselineId).OrderBy(a => a.RunModelId))
                {
                    if (!judged.Contains((baseline.Id, candidate.Id)))
                    {
                        games.Add(new PendingGame(prompt.Id, prompt.Text, prompt.Reference, baseline.Id, baseline.Text, candidate.Id, candidate.Text, candidate.RunModelId, BaselineFirst: true));
                    }

                    if (!judged.Contains((candidate.Id, baseline.Id)))
                    {
                        games.Add(new PendingGame(prompt.Id, prompt.Text, prompt.Reference, candidate.Id, candidate.Text, baseline.Id, baseline.Text, candidate.RunModelId, BaselineFirst: false));
                    }
                }
            }

            return games;
        }
    }

    /// <summary>
    /// Stores one verdict; false (nothing stored) when this judge already has one on this ordered pair. Both answers
    /// must belong to the run and the prompt (field <c>answer</c>).
    /// </summary>
    public async Task<bool> RecordJudgementAsync(int runId, JudgementRecord judgement, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        ArgumentException.ThrowIfNullOrWhiteSpace(judgement.Judge);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var found = await db.EvalAnswers.CountAsync(
                a => a.RunId == runId && a.PromptId == judgement.PromptId && (a.Id == judgement.AnswerAId || a.Id == judgement.AnswerBId), ct).ConfigureAwait(false);
            if (found != 2 || judgement.AnswerAId == judgement.AnswerBId)
            {
                throw new EvalStoreException("answer", $"Answers {judgement.AnswerAId} and {judgement.AnswerBId} are not two answers to prompt {judgement.PromptId} of run {runId}.");
            }

            var judge = judgement.Judge.Length > EvalJudgement.MaxJudgeLength ? judgement.Judge[..EvalJudgement.MaxJudgeLength] : judgement.Judge;
            var exists = await db.EvalJudgements.AnyAsync(
                j => j.AnswerAId == judgement.AnswerAId && j.AnswerBId == judgement.AnswerBId && j.Kind == judgement.Kind && j.Judge == judge, ct).ConfigureAwait(false);
            if (exists)
            {
                return false;
            }

            db.EvalJudgements.Add(new EvalJudgement
            {
                RunId = runId,
                PromptId = judgement.PromptId,
                AnswerAId = judgement.AnswerAId,
                AnswerBId = judgement.AnswerBId,
                Kind = judgement.Kind,
                Judge = judge,
                Verdict = judgement.Verdict,
                Choice = judgement.Choice,
                Reasoning = judgement.Reasoning,
                InputTokens = judgement.InputTokens,
                OutputTokens = judgement.OutputTokens,
                CostUsd = judgement.CostUsd,
                JudgedAt = time.GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                return true;
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Takes (or renews) the run's lease for <paramref name="owner"/>: one conditional UPDATE (free, expired, or already
    /// this owner's → this owner's until now + <paramref name="duration"/>), atomic on SQLite and PostgreSQL, so of two
    /// instances exactly one gets the run. False when another holder's lease is still running.
    /// </summary>
    public async Task<bool> TryTakeLeaseAsync(int runId, string owner, TimeSpan duration, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var owned = owner.Length > EvalRun.MaxLeaseOwnerLength ? owner[..EvalRun.MaxLeaseOwnerLength] : owner;
        var now = time.GetUtcNow();
        var until = now + duration;
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginWriteAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var changed = await db.EvalRuns
                    .Where(r => r.Id == runId && (r.LeaseOwner == null || r.LeaseOwner == owned || r.LeaseExpiresAt == null || r.LeaseExpiresAt < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, owned).SetProperty(r => r.LeaseExpiresAt, until), ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return changed == 1;
            }
        }
    }

    /// <summary>Gives the lease back (only if <paramref name="owner"/> still holds it).</summary>
    public async Task ReleaseLeaseAsync(int runId, string owner, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var owned = owner.Length > EvalRun.MaxLeaseOwnerLength ? owner[..EvalRun.MaxLeaseOwnerLength] : owner;
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginWriteAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await db.EvalRuns.Where(r => r.Id == runId && r.LeaseOwner == owned)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null), ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }
        }
    }
}
