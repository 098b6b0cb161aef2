using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Arena;
using Modelwatch.Core.Evals;
using Modelwatch.Data;
using Modelwatch.Data.Evals;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Evals.Tests.Support;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Providers;

namespace Modelwatch.Evals.Tests;

/// <summary>
/// The "must show": an evaluation run end to end against the fake OpenAI-compatible server — stopped half-way
/// through the answers, resumed after a "restart" (a new runner and registry) and stopped again while judging, resumed
/// to the end — judged in both orders against the baseline, and the resulting board.
/// </summary>
public sealed class EvalRunEndToEndTests
{
    private const int PromptCount = 12;
    private const string Base = "fake/base";
    private const string Strong = "fake/strong";
    private const string Weak = "flaky/weak";
    private const decimal InputPrice = 1.5m;
    private const decimal OutputPrice = 6m;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task A_run_stopped_and_resumed_answers_each_prompt_once_judges_both_orders_and_ranks_the_preferred_model_first(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        await using var server = await FakeOpenAiServer.StartNewAsync();
        server.Answer = FakeJudge.Answer("base");
        server.PieceDelay = TimeSpan.FromMilliseconds(15);
        server.ModelModes["weak"] = FakeMode.AlwaysFail;
        var providers = new[] { RunnerHarness.Provider("fake", server.BaseUrl), RunnerHarness.Provider("flaky", server.BaseUrl) };
        var store = new EvalStore(database.Contexts, TimeProvider.System);
        var runId = await CreateRunAsync(store);

        // Session 1: stopped after 15 answers (the weak model's all fail).
        EvalRunOutcome first;
        await using (var harness = RunnerHarness.Create(providers))
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            first = await harness.Runner(database.Contexts, "instance-1").RunAsync(runId, new InlineProgress(p =>
            {
                if (p.Phase == EvalProgress.Answers && p.Done + p.Failed >= 15)
                {
                    stop.Cancel();
                }
            }), stop.Token);
        }

        Assert.Equal(EvalRunStatus.Stopped, first.Status);
        var afterFirst = await AnswersAsync(database);
        Assert.InRange(afterFirst.Count, 15, 3 * PromptCount - 1);
        var failedWeak = afterFirst.Where(a => a.Label == Weak).ToList();
        Assert.NotEmpty(failedWeak);
        Assert.All(failedWeak, a => Assert.Equal(AnswerOutcome.Failed, a.Outcome));
        Assert.Equal(failedWeak.Count, first.AnswersFailed);
        Assert.Equal(EvalRunStatus.Stopped, (await store.GetRunAsync(runId, Cancel))!.Status);
        Assert.Equal(0, await CountAsync(database, db => db.EvalJudgements));
        var weakRequestsBefore = CountAnswerRequests(server, "weak");

        // Session 2, after a "restart": the weak model works again; stopped after 10 verdicts.
        server.ModelModes.TryRemove("weak", out _);
        await using var restarted = RunnerHarness.Create(providers);
        var runner = restarted.Runner(database.Contexts, "instance-2");
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel))
        {
            var second = await runner.RunAsync(runId, new InlineProgress(p =>
            {
                if (p.Phase == EvalProgress.Judging && p.Done >= 10)
                {
                    stop.Cancel();
                }
            }), stop.Token);
            Assert.Equal(EvalRunStatus.Stopped, second.Status);
        }

        var afterSecond = await AnswersAsync(database);
        Assert.Equal(3 * PromptCount, afterSecond.Count);
        Assert.All(afterSecond, a => Assert.Equal(AnswerOutcome.Completed, a.Outcome));
        // A failed answer is replaced in place: same row, now completed.
        Assert.All(failedWeak, f => Assert.Contains(afterSecond, a => a.Id == f.Id && a.Outcome == AnswerOutcome.Completed));
        Assert.InRange(await CountAsync(database, db => db.EvalJudgements), 10, (4 * PromptCount) - 1);

        // Session 3: to the end.
        var third = await runner.RunAsync(runId, null, Cancel);
        Assert.Equal(EvalRunStatus.Completed, third.Status);
        Assert.Equal(0, third.Answered + third.AnswersFailed);

        // Every (model, prompt) answered exactly once: one row each, one request each (the weak model's failed requests
        // came before, and were asked again exactly once).
        foreach (var model in new[] { "base", "strong" })
        {
            Assert.All(Enumerable.Range(0, PromptCount), i => Assert.Equal(1, CountAnswerRequests(server, model).GetValueOrDefault(i)));
        }

        var weakRequests = CountAnswerRequests(server, "weak");
        Assert.All(Enumerable.Range(0, PromptCount), i =>
        {
            var failedBefore = failedWeak.Count(f => FakeJudge.PromptOf(f.PromptText) == i);
            Assert.Equal(failedBefore, weakRequestsBefore.GetValueOrDefault(i));
            Assert.Equal(failedBefore + 1, weakRequests.GetValueOrDefault(i));
        });

        // Each candidate × prompt judged in both orders, once each, verdict and reasoning as the judge gave them.
        var verdicts = await VerdictsAsync(database);
        Assert.Equal(2 * 2 * PromptCount, verdicts.Count);
        var judgeRequests = server.Requests.Where(r => r.Model == FakeJudge.Judge).Select(FakeJudge.Read).ToList();
        Assert.Equal(verdicts.Count, judgeRequests.Count);
        Assert.Equal(judgeRequests.Count, judgeRequests.Distinct().Count());
        foreach (var candidate in new[] { "strong", "weak" })
        {
            for (var i = 0; i < PromptCount; i++)
            {
                var pair = verdicts.Where(v => v.Prompt == i && (v.A == candidate || v.B == candidate)).ToList();
                Assert.Equal(2, pair.Count);
                Assert.Contains(pair, v => v.A == candidate && v.B == "base");
                Assert.Contains(pair, v => v.A == "base" && v.B == candidate);
                Assert.All(pair, v =>
                {
                    Assert.Equal(FakeJudge.VerdictFor(v.A, v.B, i, "base"), v.Verdict);
                    Assert.Equal(string.Concat(FakeJudge.JudgeAnswer(v.A, v.B, i, "base")), v.Reasoning);
                });
            }
        }

        var results = (await store.ResultsAsync(runId, ct: Cancel))!;
        Assert.Equal((3 * PromptCount, 3 * PromptCount, 0, 4 * PromptCount, 4 * PromptCount, 0),
            (results.Run.Progress.AnswersExpected, results.Run.Progress.AnswersCompleted, results.Run.Progress.AnswersPending,
             results.Run.Progress.GamesExpected, results.Run.Progress.GamesJudged, results.Run.Progress.GamesUnparsed));
        Assert.Equal(EvalRunStatus.Completed, results.Run.Status);
        Assert.Null(results.Run.LeaseOwner);

        // The board: the preferred model first, the one the judge mostly rejects last, the baseline at the anchor.
        var board = results.LlmBoard!;
        Assert.Equal([Strong, Base, Weak], board.Rows.Select(r => r.Model));
        Assert.Equal(1000, board.Rows.Single(r => r.Model == Base).Rating, 9);
        Assert.All(board.Rows, r =>
        {
            Assert.NotNull(r.Lower);
            Assert.NotNull(r.Upper);
            Assert.InRange(r.Rating, r.Lower!.Value, r.Upper!.Value);
        });
        Assert.Equal(ArenaHardScore("strong"), board.Rows.Single(r => r.Model == Strong).WinRate, 9);
        Assert.Equal(ArenaHardScore("weak"), board.Rows.Single(r => r.Model == Weak).WinRate, 9);

        // Cost from the usage the server reported and the prices the run was created with; latency measured.
        var expectedCost = PromptCount * ((FakeOpenAiServer.PromptTokens * InputPrice) + (4 * OutputPrice)) / 1_000_000m;
        Assert.All(results.Models, m =>
        {
            Assert.Equal(PromptCount, m.Completed);
            Assert.Equal(expectedCost, m.CostUsd);
            Assert.True(m.MedianTimeToFirstTokenMs > 0, $"{m.Label}: median time to first token {m.MedianTimeToFirstTokenMs}");
            Assert.NotNull(m.MedianTokensPerSecond);
        });

        // The drill-down: every answer and both orders of each candidate's game.
        var prompts = (await store.GetSetAsync(results.Run.SetId, Cancel))!.Prompts;
        var detail = (await store.PromptDetailAsync(runId, prompts[5].Id, Cancel))!;
        Assert.Equal([Base, Strong, Weak], detail.Answers.Select(a => a.Label).Order(StringComparer.Ordinal));
        Assert.Equal(4, detail.Verdicts.Count);
        Assert.Contains(detail.Verdicts, v => v.LabelA == Strong && v.LabelB == Base && v.Verdict == FakeJudge.Table["strong"][5]);
        Assert.Contains(detail.Verdicts, v => v.LabelA == Base && v.LabelB == Strong && v.Verdict == JudgeVerdictParser.Mirror(FakeJudge.Table["strong"][5]));
    }

    /// <summary>Arena-Hard's score of a candidate against the baseline from the judge's table: strong verdicts three games, ties half.</summary>
    private static double ArenaHardScore(string candidate)
    {
        double won = 0, games = 0;
        foreach (var verdict in FakeJudge.Table[candidate])
        {
            var (score, count) = verdict switch
            {
                JudgeVerdict.AMuchBetter => (1.0, 3),
                JudgeVerdict.ABetter => (1.0, 1),
                JudgeVerdict.Tie => (0.5, 1),
                JudgeVerdict.BBetter => (0.0, 1),
                _ => (0.0, 3),
            };
            won += score * count;
            games += count;
        }

        return won / games;
    }

    private static async Task<int> CreateRunAsync(EvalStore store)
    {
        var prompts = Enumerable.Range(0, PromptCount)
            .Select(i => new PromptRecord($"p{i}", FakeJudge.PromptText(i), null, i % 2 == 0 ? ["even"] : ["odd"]))
            .ToList();
        var set = await store.ImportSetAsync("end to end", null, prompts, Cancel);
        var run = await store.CreateRunAsync(new EvalRunInput(
            set.Id,
            "stop and resume",
            [
                new EvalModelInput("fake", "base", InputPerMillion: InputPrice, OutputPerMillion: OutputPrice),
                new EvalModelInput("fake", "strong", InputPerMillion: InputPrice, OutputPerMillion: OutputPrice),
                new EvalModelInput("flaky", "weak", InputPerMillion: InputPrice, OutputPerMillion: OutputPrice),
            ],
            BaselineLabel: Base,
            JudgeProvider: "fake",
            JudgeModel: FakeJudge.Judge,
            Concurrency: 2), Cancel);
        return run.Id;
    }

    /// <summary>Chat requests per prompt index that asked <paramref name="model"/> for an answer.</summary>
    private static Dictionary<int, int> CountAnswerRequests(FakeOpenAiServer server, string model) =>
        server.Requests.Where(r => r.Model == model).GroupBy(r => FakeJudge.PromptOf(r.LastUserText)).ToDictionary(g => g.Key, g => g.Count());

    private sealed record AnswerRow(long Id, string Label, string PromptText, AnswerOutcome Outcome);

    private static async Task<List<AnswerRow>> AnswersAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.EvalAnswers.AsNoTracking()
            .Join(db.EvalRunModels, a => a.RunModelId, m => m.Id, (a, m) => new { a, m.Label })
            .Join(db.EvalPrompts, x => x.a.PromptId, p => p.Id, (x, p) => new AnswerRow(x.a.Id, x.Label, p.Text, x.a.Outcome))
            .ToListAsync(Cancel);
    }

    private sealed record VerdictRow(int Prompt, string A, string B, JudgeVerdict? Verdict, string? Reasoning);

    private static async Task<List<VerdictRow>> VerdictsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var rows = await db.EvalJudgements.AsNoTracking().Where(j => j.Kind == EvalJudgeKind.Llm)
            .Join(db.EvalAnswers, j => j.AnswerAId, a => a.Id, (j, a) => new { j, A = a.Text })
            .Join(db.EvalAnswers, x => x.j.AnswerBId, b => b.Id, (x, b) => new { x.j, x.A, B = b.Text })
            .ToListAsync(Cancel);
        return [.. rows.Select(r => new VerdictRow(FakeJudge.PromptOf(r.A), FakeJudge.ModelOf(r.A), FakeJudge.ModelOf(r.B), r.j.Verdict, r.j.Reasoning))];
    }

    private static async Task<int> CountAsync<T>(TestDatabase database, Func<ModelwatchDbContext, IQueryable<T>> set)
    {
        await using var db = database.CreateContext();
        return await set(db).CountAsync(Cancel);
    }
}
