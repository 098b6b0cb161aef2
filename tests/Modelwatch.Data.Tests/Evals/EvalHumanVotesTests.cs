using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Modelwatch.Core.Arena;
using Modelwatch.Core.Evals;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Evals;

public sealed class EvalHumanVotesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task A_voter_gets_every_pair_once_fewest_voted_prompts_first_with_both_sides_drawn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var run = await HumanVoteRun.SeedAsync(database.Contexts, prompts: 4, models: 3, failed: (Prompt: 1, Model: 2), Cancel);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
        var votes = new EvalHumanVotes(database.Contexts, time, new Random(7));

        var seen = new HashSet<(long, long)>();
        var promptsInOrder = new List<long>();
        var firstIsLowerModel = 0;
        var total = 0;
        while (await votes.NextPairAsync(run.RunId, "anon:alice", Cancel) is { } pair)
        {
            var a = run.Answers[pair.AnswerAId];
            var b = run.Answers[pair.AnswerBId];
            Assert.Equal(a.PromptId, b.PromptId);
            Assert.Equal(pair.PromptId, a.PromptId);
            Assert.NotEqual(a.ModelId, b.ModelId);
            Assert.True(a.Completed && b.Completed, "a failed answer was offered");
            Assert.True(seen.Add(pair.AnswerAId < pair.AnswerBId ? (pair.AnswerAId, pair.AnswerBId) : (pair.AnswerBId, pair.AnswerAId)), "a pair was offered twice");
            Assert.Equal(run.PromptTexts[pair.PromptId], pair.Prompt);
            Assert.Equal(a.Text, pair.AnswerA);
            firstIsLowerModel += a.ModelId < b.ModelId ? 1 : 0;
            promptsInOrder.Add(pair.PromptId);
            var revealed = await votes.RecordAsync(run.RunId, pair.AnswerAId, pair.AnswerBId, "anon:alice", ArenaChoice.A, Cancel);
            Assert.Equal((run.Labels[a.ModelId], run.Labels[b.ModelId]), (revealed.LabelA, revealed.LabelB));
            total++;
        }

        // 4 prompts x 3 model pairs, less the 2 pairs with prompt 1's failed answer.
        Assert.Equal((4 * 3) - 2, total);
        // The first four pairs cover the four prompts (each had no vote yet).
        Assert.Equal(4, promptsInOrder.Take(4).Distinct().Count());
        // Sides are drawn: both orders occur.
        Assert.InRange(firstIsLowerModel, 1, total - 1);

        // Another voter still gets pairs; the first one's votes are stored as private human judgements.
        Assert.NotNull(await votes.NextPairAsync(run.RunId, "anon:bob", Cancel));
        await using var db = database.CreateContext();
        var stored = await db.EvalJudgements.Where(j => j.RunId == run.RunId).ToListAsync(Cancel);
        Assert.Equal(total, stored.Count);
        Assert.All(stored, j => Assert.Equal((EvalJudgeKind.Human, "anon:alice", ArenaChoice.A, (JudgeVerdict?)null, time.GetUtcNow()), (j.Kind, j.Judge, j.Choice!.Value, j.Verdict, j.JudgedAt)));
        Assert.Equal(0, await db.ArenaVotes.CountAsync(Cancel));
    }

    [Theory, BothDatabases]
    public async Task Votes_on_what_is_not_a_pair_or_a_second_time_are_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var run = await HumanVoteRun.SeedAsync(database.Contexts, prompts: 2, models: 3, failed: (Prompt: 0, Model: 2), Cancel);
        var other = await HumanVoteRun.SeedAsync(database.Contexts, prompts: 1, models: 2, failed: null, Cancel, "other");
        var votes = new EvalHumanVotes(database.Contexts, TimeProvider.System);
        long Answer(int prompt, int model) => run.Answers.Single(a => a.Value.PromptIndex == prompt && a.Value.ModelIndex == model).Key;

        async Task<HumanVoteRefusal> Refused(int runId, long a, long b, string voter = "anon:carol") =>
            (await Assert.ThrowsAsync<HumanVoteException>(() => votes.RecordAsync(runId, a, b, voter, ArenaChoice.Tie, Cancel))).Refusal;

        Assert.Equal(HumanVoteRefusal.NotAPair, await Refused(run.RunId, Answer(0, 0), Answer(1, 1)));   // two prompts
        Assert.Equal(HumanVoteRefusal.NotAPair, await Refused(run.RunId, Answer(0, 0), Answer(0, 2)));   // a failed answer
        Assert.Equal(HumanVoteRefusal.NotFound, await Refused(run.RunId, Answer(0, 0), other.Answers.Keys.First())); // another run's answer
        Assert.Equal(HumanVoteRefusal.NotFound, await Refused(other.RunId, Answer(0, 0), Answer(0, 1))); // answers of another run

        await votes.RecordAsync(run.RunId, Answer(1, 0), Answer(1, 1), "anon:carol", ArenaChoice.B, Cancel);
        Assert.Equal(HumanVoteRefusal.AlreadyVoted, await Refused(run.RunId, Answer(1, 0), Answer(1, 1)));
        Assert.Equal(HumanVoteRefusal.AlreadyVoted, await Refused(run.RunId, Answer(1, 1), Answer(1, 0)));
        // Someone else may vote on it.
        var revealed = await votes.RecordAsync(run.RunId, Answer(1, 1), Answer(1, 0), "anon:dave", ArenaChoice.BothBad, Cancel);
        Assert.Equal((run.Labels[run.Answers[Answer(1, 1)].ModelId], ArenaChoice.BothBad), (revealed.LabelA, revealed.Choice));

        await using var db = database.CreateContext();
        Assert.Equal(2, await db.EvalJudgements.CountAsync(Cancel));
    }
}
