using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Arena;
using Modelwatch.Core.Evals;

namespace Modelwatch.Data.Evals.Store;

/// <summary>Two answers to one prompt shown blind (no model names) for a person to vote on, A then B.</summary>
/// <param name="RunId">The run.</param>
/// <param name="PromptId">The prompt both answer.</param>
/// <param name="PromptKey">The prompt's id within its set.</param>
/// <param name="Prompt">The prompt's text.</param>
/// <param name="AnswerAId">The answer shown first.</param>
/// <param name="AnswerA">Its text.</param>
/// <param name="AnswerBId">The answer shown second.</param>
/// <param name="AnswerB">Its text.</param>
public sealed record HumanPair(int RunId, long PromptId, string PromptKey, string Prompt, long AnswerAId, string AnswerA, long AnswerBId, string AnswerB);

/// <summary>A recorded vote with the names it was blind to.</summary>
/// <param name="JudgementId">The stored row.</param>
/// <param name="LabelA">The run model that wrote answer A.</param>
/// <param name="LabelB">The run model that wrote answer B.</param>
/// <param name="Choice">The vote.</param>
public sealed record HumanVoteRevealed(long JudgementId, string LabelA, string LabelB, ArenaChoice Choice);

/// <summary>Why a vote was refused.</summary>
public enum HumanVoteRefusal
{
    /// <summary>No such run, or an answer is not of it.</summary>
    NotFound,

    /// <summary>The two answers are not to the same prompt, are by the same model, or one did not complete.</summary>
    NotAPair,

    /// <summary>This voter already voted on these two answers (in either order).</summary>
    AlreadyVoted,
}

/// <summary>A vote that cannot be stored; <see cref="Exception.Message"/> says why for people.</summary>
public sealed class HumanVoteException(HumanVoteRefusal refusal, string message) : Exception(message)
{
    public HumanVoteRefusal Refusal { get; } = refusal;
}

/// <summary>
/// People's blind votes on a run's answers: the arena's four-button flow, kept in <c>EvalJudgements</c> as
/// <see cref="EvalJudgeKind.Human"/> rows. Private: they belong to the run and never enter a vote dataset, so the
/// public arena board never sees them. A pair is two completed answers of different models to one prompt; prompts
/// with the fewest human votes come first so that a few minutes of voting spread over the whole set, and the sides
/// are drawn at random so that neither model is always on the left (position bias).
/// </summary>
public sealed class EvalHumanVotes(IDbContextFactory<ModelwatchDbContext> contexts, TimeProvider time, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;

    /// <summary>The next pair for <paramref name="voter"/>, or null when they have voted on every pair of the run (or it has none).</summary>
    public async Task<HumanPair?> NextPairAsync(int runId, string voter, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(voter);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var answers = await db.EvalAnswers.AsNoTracking()
                .Where(a => a.RunId == runId && a.Outcome == AnswerOutcome.Completed)
                .Select(a => new { a.Id, a.PromptId, a.RunModelId })
                .ToListAsync(ct).ConfigureAwait(false);
            var votes = await db.EvalJudgements.AsNoTracking()
                .Where(j => j.RunId == runId && j.Kind == EvalJudgeKind.Human)
                .Select(j => new { j.PromptId, j.AnswerAId, j.AnswerBId, j.Judge })
                .ToListAsync(ct).ConfigureAwait(false);

            var votesPerPrompt = votes.GroupBy(v => v.PromptId).ToDictionary(g => g.Key, g => g.Count());
            var votesPerPair = votes.GroupBy(v => Unordered(v.AnswerAId, v.AnswerBId)).ToDictionary(g => g.Key, g => g.Count());
            var mine = votes.Where(v => string.Equals(v.Judge, voter, StringComparison.Ordinal))
                .Select(v => Unordered(v.AnswerAId, v.AnswerBId)).ToHashSet();

            // Fewest votes on the prompt first, then on the pair; a random draw among equals.
            var best = answers.GroupBy(a => a.PromptId)
                .SelectMany(g => g.SelectMany((a, i) => g.Skip(i + 1).Where(b => b.RunModelId != a.RunModelId).Select(b => (Prompt: g.Key, A: a.Id, B: b.Id))))
                .Where(p => !mine.Contains(Unordered(p.A, p.B)))
                .Select(p => (Pair: p, PromptVotes: votesPerPrompt.GetValueOrDefault(p.Prompt), PairVotes: votesPerPair.GetValueOrDefault(Unordered(p.A, p.B)), Draw: _random.Next()))
                .OrderBy(p => p.PromptVotes).ThenBy(p => p.PairVotes).ThenBy(p => p.Draw)
                .Select(p => p.Pair)
                .FirstOrDefault();
            if (best == default)
            {
                return null;
            }

            var (first, second) = _random.Next(2) == 0 ? (best.A, best.B) : (best.B, best.A);
            var prompt = await db.EvalPrompts.AsNoTracking().Where(p => p.Id == best.Prompt).Select(p => new { p.Key, p.Text }).SingleAsync(ct).ConfigureAwait(false);
            var texts = await db.EvalAnswers.AsNoTracking().Where(a => a.Id == first || a.Id == second)
                .ToDictionaryAsync(a => a.Id, a => a.Text, ct).ConfigureAwait(false);
            return new HumanPair(runId, best.Prompt, prompt.Key, prompt.Text, first, texts[first], second, texts[second]);
        }
    }

    /// <summary>
    /// Stores <paramref name="voter"/>'s vote on answers A and B of run <paramref name="runId"/> and reveals who wrote them.
    /// </summary>
    /// <exception cref="HumanVoteException">The answers are not a pair of this run, or the voter already voted on them.</exception>
    public async Task<HumanVoteRevealed> RecordAsync(int runId, long answerAId, long answerBId, string voter, ArenaChoice choice, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(voter);
        if (!Enum.IsDefined(choice))
        {
            throw new ArgumentOutOfRangeException(nameof(choice), choice, "Not a vote.");
        }

        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var pair = await (from x in db.EvalAnswers
                              join m in db.EvalRunModels on x.RunModelId equals m.Id
                              where x.RunId == runId && (x.Id == answerAId || x.Id == answerBId)
                              select new { x.Id, x.PromptId, x.RunModelId, x.Outcome, m.Label })
                .AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
            var a = pair.Find(x => x.Id == answerAId);
            var b = pair.Find(x => x.Id == answerBId);
            if (a is null || b is null)
            {
                throw new HumanVoteException(HumanVoteRefusal.NotFound, $"Run {runId} has no answer {(a is null ? answerAId : answerBId)}.");
            }

            if (a.PromptId != b.PromptId || a.RunModelId == b.RunModelId || a.Outcome != AnswerOutcome.Completed || b.Outcome != AnswerOutcome.Completed)
            {
                throw new HumanVoteException(HumanVoteRefusal.NotAPair, $"Answers {answerAId} and {answerBId} are not two completed answers of different models to one prompt.");
            }

            // Either order counts as the same pair: a person shown it twice with the sides swapped must not vote twice.
            var already = await db.EvalJudgements.AnyAsync(
                j => j.Kind == EvalJudgeKind.Human && j.Judge == voter
                    && ((j.AnswerAId == answerAId && j.AnswerBId == answerBId) || (j.AnswerAId == answerBId && j.AnswerBId == answerAId)), ct).ConfigureAwait(false);
            if (already)
            {
                throw new HumanVoteException(HumanVoteRefusal.AlreadyVoted, $"{voter} already voted on answers {answerAId} and {answerBId}.");
            }

            var row = new EvalJudgement
            {
                RunId = runId,
                PromptId = a.PromptId,
                AnswerAId = answerAId,
                AnswerBId = answerBId,
                Kind = EvalJudgeKind.Human,
                Judge = voter,
                Choice = choice,
                JudgedAt = time.GetUtcNow(),
            };
            db.EvalJudgements.Add(row);
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // Two requests of one voter racing: the unique index lets one through.
                throw new HumanVoteException(HumanVoteRefusal.AlreadyVoted, $"{voter} already voted on answers {answerAId} and {answerBId}.");
            }

            return new HumanVoteRevealed(row.Id, a.Label, b.Label, choice);
        }
    }

    private static (long, long) Unordered(long x, long y) => x < y ? (x, y) : (y, x);
}
