using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Modelwatch.Core.Arena;
using Modelwatch.Core.Evals;
using Modelwatch.Data.Evals;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Evals;

public sealed class EvalStoreRunTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(EvalStore Store, EvalRunSummary Run, IReadOnlyList<EvalPromptView> Prompts)> RunAsync(TestDatabase database, FakeTimeProvider? time = null)
    {
        var store = new EvalStore(database.Contexts, time ?? Clock);
        var set = await store.ImportSetAsync("set", null,
            [new PromptRecord("p1", "One?", null, ["coding"]), new PromptRecord("p2", "Two?", "Two.", ["writing"]), new PromptRecord("p3", "Three?", null, ["coding"])], Cancel);
        var run = await store.CreateRunAsync(new EvalRunInput(
            set.Id,
            "run",
            [
                new EvalModelInput("local", "base", InputPerMillion: 2m, OutputPerMillion: 8m),
                new EvalModelInput("local", "cand", Label: "candidate"),
            ],
            BaselineLabel: "local/base",
            JudgeProvider: "local",
            JudgeModel: "judge"), Cancel);
        return (store, run, (await store.GetSetAsync(set.Id, Cancel))!.Prompts);
    }

    private static AnswerRecord Answer(long prompt, int model, AnswerOutcome outcome = AnswerOutcome.Completed, string text = "answer") =>
        new(prompt, model, outcome, text, outcome == AnswerOutcome.Completed ? null : "HttpRequestException", 10, 20, 100, 600);

    [Theory, BothDatabases]
    public async Task A_run_is_refused_naming_the_field_at_fault(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var store = new EvalStore(database.Contexts, Clock);
        var set = await store.ImportSetAsync("s", null, [new PromptRecord("1", "x", null, [])], Cancel);
        EvalModelInput[] two = [new("p", "a"), new("p", "b")];
        var cases = new (EvalRunInput Input, string Field)[]
        {
            (new EvalRunInput(set.Id, "r", []), "models"),
            (new EvalRunInput(set.Id, "r", [new("p", "a", "same"), new("p", "b", "same")]), "models"),
            (new EvalRunInput(set.Id, "r", [new("p", "a"), new("p", "a", "other")]), "models"),
            (new EvalRunInput(set.Id, "r", two, BaselineLabel: "p/c"), "baseline"),
            (new EvalRunInput(set.Id, "r", two, JudgeProvider: "p", JudgeModel: "j"), "judge"),
            (new EvalRunInput(set.Id, "r", two, BaselineLabel: "p/a", JudgeProvider: "p"), "judge"),
            (new EvalRunInput(set.Id, "r", two, Concurrency: 0), "concurrency"),
            (new EvalRunInput(set.Id, "r", two, MaxOutputTokens: 0), "maxTokens"),
            (new EvalRunInput(set.Id, " ", two), "name"),
            (new EvalRunInput(set.Id + 1, "r", two), "set"),
        };
        foreach (var (input, field) in cases)
        {
            var error = await Assert.ThrowsAsync<EvalStoreException>(() => store.CreateRunAsync(input, Cancel));
            Assert.Equal(field, error.Field);
        }

        await using var db = database.CreateContext();
        Assert.Equal(0, await db.EvalRuns.CountAsync(Cancel));
    }

    [Theory, BothDatabases]
    public async Task Each_model_answers_each_prompt_once_and_only_failures_are_asked_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var (store, run, prompts) = await RunAsync(database);
        var (baseline, candidate) = (run.Models[0], run.Models[1]);
        Assert.True(baseline.IsBaseline);
        Assert.Equal(("local/base", "candidate", "local/judge"), (run.BaselineLabel, candidate.Label, run.Judge));
        Assert.Equal(6, (await store.PendingAnswersAsync(run.Id, Cancel)).Count);

        Assert.Equal(AnswerRecordOutcome.Stored, await store.RecordAnswerAsync(run.Id, Answer(prompts[0].Id, baseline.Id, text: "first"), Cancel));
        Assert.Equal(AnswerRecordOutcome.Refused, await store.RecordAnswerAsync(run.Id, Answer(prompts[0].Id, baseline.Id, text: "second"), Cancel));
        Assert.Equal(AnswerRecordOutcome.Stored, await store.RecordAnswerAsync(run.Id, Answer(prompts[1].Id, baseline.Id, AnswerOutcome.Failed, ""), Cancel));
        Assert.Equal(AnswerRecordOutcome.Stored, await store.RecordAnswerAsync(run.Id, Answer(prompts[2].Id, baseline.Id, AnswerOutcome.CutOff, "half"), Cancel));
        Assert.Equal(AnswerRecordOutcome.Stored, await store.RecordAnswerAsync(run.Id, Answer(prompts[0].Id, candidate.Id, AnswerOutcome.TimedOut, ""), Cancel));

        // Failed and timed-out answers are pending again; the completed and cut-off ones stand.
        var pending = await store.PendingAnswersAsync(run.Id, Cancel);
        Assert.Equal(
            [(prompts[0].Id, candidate.Id), (prompts[1].Id, baseline.Id), (prompts[1].Id, candidate.Id), (prompts[2].Id, candidate.Id)],
            pending.Select(p => (p.PromptId, p.RunModelId)));

        await using (var db = database.CreateContext())
        {
            var failedId = await db.EvalAnswers.Where(a => a.PromptId == prompts[1].Id && a.RunModelId == baseline.Id).Select(a => a.Id).SingleAsync(Cancel);
            Assert.Equal(AnswerRecordOutcome.Replaced, await store.RecordAnswerAsync(run.Id, Answer(prompts[1].Id, baseline.Id, text: "retried"), Cancel));
            var rows = await db.EvalAnswers.AsNoTracking().Where(a => a.RunModelId == baseline.Id).OrderBy(a => a.PromptId).ToListAsync(Cancel);
            Assert.Equal(["first", "retried", "half"], rows.Select(r => r.Text));
            Assert.Equal(failedId, rows[1].Id);
            Assert.Null(rows[1].Error);
            // 10 input tokens at $2 and 20 output at $8 per million; the candidate has no price, so no cost.
            Assert.All(rows, r => Assert.Equal(0.00018m, r.CostUsd));
            Assert.Null(await db.EvalAnswers.Where(a => a.RunModelId == candidate.Id).Select(a => a.CostUsd).SingleAsync(Cancel));
        }

        var progress = (await store.GetRunAsync(run.Id, Cancel))!.Progress;
        Assert.Equal((6, 2, 2, 3), (progress.AnswersExpected, progress.AnswersCompleted, progress.AnswersFailed, progress.AnswersPending));
    }

    [Theory, BothDatabases]
    public async Task Games_are_every_candidate_against_the_baseline_in_both_orders_each_judged_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var (store, run, prompts) = await RunAsync(database);
        var (baseline, candidate) = (run.Models[0], run.Models[1]);
        foreach (var prompt in prompts)
        {
            await store.RecordAnswerAsync(run.Id, Answer(prompt.Id, baseline.Id, text: $"base {prompt.Key}"), Cancel);
        }

        await store.RecordAnswerAsync(run.Id, Answer(prompts[0].Id, candidate.Id, text: "cand p1"), Cancel);
        await store.RecordAnswerAsync(run.Id, Answer(prompts[1].Id, candidate.Id, text: "cand p2"), Cancel);
        await store.RecordAnswerAsync(run.Id, Answer(prompts[2].Id, candidate.Id, AnswerOutcome.Failed, ""), Cancel);

        var games = await store.PendingGamesAsync(run.Id, Cancel);
        Assert.Equal(4, games.Count);
        Assert.Equal([("base p1", "cand p1"), ("cand p1", "base p1"), ("base p2", "cand p2"), ("cand p2", "base p2")], games.Select(g => (g.AnswerAText, g.AnswerBText)));
        Assert.Equal([true, false, true, false], games.Select(g => g.BaselineFirst));
        Assert.Equal("Two.", games[2].Reference);

        var first = games[0];
        var record = new JudgementRecord(first.PromptId, first.AnswerAId, first.AnswerBId, EvalJudgeKind.Llm, run.Judge!, JudgeVerdict.BBetter, null, "… [[B>A]]");
        Assert.True(await store.RecordJudgementAsync(run.Id, record, Cancel));
        Assert.False(await store.RecordJudgementAsync(run.Id, record with { Verdict = JudgeVerdict.Tie }, Cancel));
        Assert.True(await store.RecordJudgementAsync(run.Id, record with { AnswerAId = first.AnswerBId, AnswerBId = first.AnswerAId, Verdict = null, Reasoning = "no label" }, Cancel));
        var wrong = await Assert.ThrowsAsync<EvalStoreException>(() => store.RecordJudgementAsync(run.Id, record with { PromptId = prompts[1].Id }, Cancel));
        Assert.Equal("answer", wrong.Field);

        // Judged games, with or without a verdict, are not asked again.
        Assert.Equal([games[2], games[3]], await store.PendingGamesAsync(run.Id, Cancel));
        var progress = (await store.GetRunAsync(run.Id, Cancel))!.Progress;
        Assert.Equal((6, 2, 1), (progress.GamesExpected, progress.GamesJudged, progress.GamesUnparsed));
    }

    [Theory, BothDatabases]
    public async Task One_instance_holds_a_run_until_it_lets_go_or_its_lease_runs_out(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var (store, run, _) = await RunAsync(database, time);
        var lease = TimeSpan.FromMinutes(2);
        Assert.True(await store.TryTakeLeaseAsync(run.Id, "one", lease, Cancel));
        Assert.False(await store.TryTakeLeaseAsync(run.Id, "two", lease, Cancel));
        Assert.True(await store.TryTakeLeaseAsync(run.Id, "one", lease, Cancel)); // renewal
        Assert.Equal("one", (await store.GetRunAsync(run.Id, Cancel))!.LeaseOwner);

        await store.ReleaseLeaseAsync(run.Id, "two", Cancel); // not the holder: nothing happens
        Assert.False(await store.TryTakeLeaseAsync(run.Id, "two", lease, Cancel));
        await store.ReleaseLeaseAsync(run.Id, "one", Cancel);
        Assert.True(await store.TryTakeLeaseAsync(run.Id, "two", lease, Cancel));

        time.Advance(lease - TimeSpan.FromSeconds(1));
        Assert.False(await store.TryTakeLeaseAsync(run.Id, "one", lease, Cancel));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await store.TryTakeLeaseAsync(run.Id, "one", lease, Cancel));
    }

    [Theory, BothDatabases]
    public async Task Status_changes_stamp_the_start_and_the_end(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var (store, run, _) = await RunAsync(database, time);
        Assert.Equal(EvalRunStatus.Draft, run.Status);
        var started = time.GetUtcNow();
        Assert.True(await store.SetStatusAsync(run.Id, EvalRunStatus.Running, ct: Cancel));
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.True(await store.SetStatusAsync(run.Id, EvalRunStatus.Failed, "The judge's provider is not configured.", Cancel));
        var failed = (await store.GetRunAsync(run.Id, Cancel))!;
        Assert.Equal((EvalRunStatus.Failed, started, time.GetUtcNow(), "The judge's provider is not configured."), (failed.Status, failed.StartedAt, failed.FinishedAt, failed.LastError));
        time.Advance(TimeSpan.FromMinutes(1));
        await store.SetStatusAsync(run.Id, EvalRunStatus.Running, ct: Cancel);
        var resumed = (await store.GetRunAsync(run.Id, Cancel))!;
        Assert.Equal((started, null, null), (resumed.StartedAt, resumed.FinishedAt, resumed.LastError));
        Assert.False(await store.SetStatusAsync(run.Id + 1, EvalRunStatus.Running, ct: Cancel));
    }
}
