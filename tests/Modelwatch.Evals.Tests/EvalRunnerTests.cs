using Modelwatch.Core.Evals;
using Modelwatch.Data;
using Modelwatch.Data.Evals;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Evals.Tests.Support;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Providers;

namespace Modelwatch.Evals.Tests;

public sealed class EvalRunnerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<EvalRunSummary> CreateAsync(EvalStore store, string judgeProvider = "fake", int prompts = 3)
    {
        var set = await store.ImportSetAsync("set", null, [.. Enumerable.Range(0, prompts).Select(i => new PromptRecord($"p{i}", FakeJudge.PromptText(i), null, []))], Cancel);
        return await store.CreateRunAsync(new EvalRunInput(
            set.Id, "run", [new EvalModelInput("fake", "base"), new EvalModelInput("fake", "strong")],
            BaselineLabel: "fake/base", JudgeProvider: judgeProvider, JudgeModel: FakeJudge.Judge, Concurrency: 3), Cancel);
    }

    [Theory, BothDatabases]
    public async Task A_run_another_instance_holds_is_not_started_and_sends_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        await using var server = await FakeOpenAiServer.StartNewAsync();
        var store = new EvalStore(database.Contexts, TimeProvider.System);
        var run = await CreateAsync(store);
        Assert.True(await store.TryTakeLeaseAsync(run.Id, "other-instance", TimeSpan.FromMinutes(5), Cancel));

        await using var harness = RunnerHarness.Create([RunnerHarness.Provider("fake", server.BaseUrl)]);
        var outcome = await harness.Runner(database.Contexts, "this-instance").RunAsync(run.Id, null, Cancel);

        Assert.True(outcome.LeaseRefused);
        Assert.Equal(EvalRunStatus.Draft, outcome.Status);
        Assert.Equal(0, server.ChatRequests);
        var after = (await store.GetRunAsync(run.Id, Cancel))!;
        Assert.Equal((EvalRunStatus.Draft, "other-instance"), (after.Status, after.LeaseOwner));
    }

    [Theory, BothDatabases]
    public async Task Judge_texts_without_a_verdict_are_kept_counted_and_left_off_the_board(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        await using var server = await FakeOpenAiServer.StartNewAsync();
        var models = FakeJudge.Answer("base");
        server.Answer = request => request.Model == FakeJudge.Judge ? ["Both answers are reasonable; ", "I cannot choose."] : models(request);
        var store = new EvalStore(database.Contexts, TimeProvider.System);
        var run = await CreateAsync(store);

        await using var harness = RunnerHarness.Create([RunnerHarness.Provider("fake", server.BaseUrl)]);
        var outcome = await harness.Runner(database.Contexts, "one").RunAsync(run.Id, null, Cancel);

        Assert.Equal((EvalRunStatus.Completed, 6, 6, 6), (outcome.Status, outcome.Answered, outcome.Judged, outcome.VerdictsUnparsed));
        var results = (await store.ResultsAsync(run.Id, ct: Cancel))!;
        Assert.Null(results.LlmBoard);
        Assert.Equal((6, 6), (results.Run.Progress.GamesJudged, results.Run.Progress.GamesUnparsed));
        var detail = (await store.PromptDetailAsync(run.Id, (await store.GetSetAsync(run.SetId, Cancel))!.Prompts[0].Id, Cancel))!;
        Assert.All(detail.Verdicts, v => Assert.Equal((null, "Both answers are reasonable; I cannot choose."), (v.Verdict, v.Reasoning)));

        // Not asked again: a verdict-less text is an answer of the judge, not a failure.
        var again = await harness.Runner(database.Contexts, "one").RunAsync(run.Id, null, Cancel);
        Assert.Equal((EvalRunStatus.Completed, 0, 0), (again.Status, again.Answered, again.Judged));
        Assert.Equal(6 + 6, server.ChatRequests);
    }

    [Theory, BothDatabases]
    public async Task A_judge_whose_provider_is_missing_fails_the_run_after_the_answers_are_kept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        await using var server = await FakeOpenAiServer.StartNewAsync();
        server.Answer = FakeJudge.Answer("base");
        var store = new EvalStore(database.Contexts, TimeProvider.System);
        var run = await CreateAsync(store, judgeProvider: "unconfigured");

        await using var harness = RunnerHarness.Create([RunnerHarness.Provider("fake", server.BaseUrl)]);
        var outcome = await harness.Runner(database.Contexts, "one").RunAsync(run.Id, null, Cancel);

        Assert.Equal((EvalRunStatus.Failed, 6), (outcome.Status, outcome.Answered));
        Assert.Contains("'unconfigured' is not configured", outcome.Error, StringComparison.Ordinal);
        var after = (await store.GetRunAsync(run.Id, Cancel))!;
        Assert.Equal((EvalRunStatus.Failed, 6, null), (after.Status, after.Progress.AnswersCompleted, after.LeaseOwner));
        Assert.Equal(outcome.Error, after.LastError);
    }

    [Theory, BothDatabases]
    public async Task Answers_stream_with_the_run_s_output_limit_and_progress_reaches_the_total(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        await using var server = await FakeOpenAiServer.StartNewAsync();
        server.Answer = FakeJudge.Answer("base");
        var store = new EvalStore(database.Contexts, TimeProvider.System);
        var run = await CreateAsync(store, prompts: 4);
        var reports = new List<EvalProgress>();

        await using var harness = RunnerHarness.Create([RunnerHarness.Provider("fake", server.BaseUrl)]);
        var outcome = await harness.Runner(database.Contexts, "one").RunAsync(run.Id, new InlineProgress(p =>
        {
            lock (reports)
            {
                reports.Add(p);
            }
        }), Cancel);

        Assert.Equal(EvalRunStatus.Completed, outcome.Status);
        Assert.Equal(new EvalProgress(EvalProgress.Answers, 8, 8, 0), reports.Last(r => r.Phase == EvalProgress.Answers));
        Assert.Equal(new EvalProgress(EvalProgress.Judging, 8, 8, 0), reports.Last(r => r.Phase == EvalProgress.Judging));
        // The judge got Arena-Hard's system prompt; the models only the prompt.
        var judged = server.Requests.Where(r => r.Model == FakeJudge.Judge).ToList();
        Assert.All(judged, r => Assert.Equal(("system", ArenaHardJudgePrompt.System), (r.Messages[0].Role, r.Messages[0].Text)));
        Assert.All(server.Requests.Where(r => r.Model != FakeJudge.Judge), r => Assert.Equal(["user"], r.Messages.Select(m => m.Role)));
    }
}
