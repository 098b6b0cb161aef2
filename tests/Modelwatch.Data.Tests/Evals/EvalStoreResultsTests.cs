using Microsoft.Extensions.Time.Testing;
using Modelwatch.Core.Arena;
using Modelwatch.Core.Evals;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Evals;

public sealed class EvalStoreResultsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Results_rate_judge_and_people_apart_measure_their_agreement_and_filter_by_tag(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var store = new EvalStore(database.Contexts, new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
        var set = await store.ImportSetAsync("set", null,
            [new PromptRecord("p1", "One?", null, ["coding"]), new PromptRecord("p2", "Two?", null, ["writing"]), new PromptRecord("p3", "Three?", null, ["coding"])], Cancel);
        var run = await store.CreateRunAsync(new EvalRunInput(
            set.Id, "run", [new EvalModelInput("l", "base", null, null, 1m, 1m), new EvalModelInput("l", "cand", null, null, 1m, 1m)],
            BaselineLabel: "l/base", JudgeProvider: "l", JudgeModel: "judge"), Cancel);
        var prompts = (await store.GetSetAsync(set.Id, Cancel))!.Prompts;
        var (baseline, candidate) = (run.Models[0].Id, run.Models[1].Id);
        var ids = new Dictionary<(int Model, string Prompt), long>();
        foreach (var prompt in prompts)
        {
            foreach (var model in new[] { baseline, candidate })
            {
                await store.RecordAnswerAsync(run.Id, new AnswerRecord(prompt.Id, model, AnswerOutcome.Completed, $"{model}:{prompt.Key}", null, 100, 200, 50 + model, 1050 + model), Cancel);
            }
        }

        var details = new Dictionary<string, EvalPromptDetail>();
        foreach (var prompt in prompts)
        {
            details[prompt.Key] = (await store.PromptDetailAsync(run.Id, prompt.Id, Cancel))!;
            foreach (var answer in details[prompt.Key].Answers)
            {
                ids[(answer.RunModelId, prompt.Key)] = answer.AnswerId;
            }
        }

        // The judge (no position bias): the candidate wins p1, the baseline wins p2 clearly, p3 is a tie.
        JudgeVerdict[] candidateFirst = [JudgeVerdict.ABetter, JudgeVerdict.BMuchBetter, JudgeVerdict.Tie];
        for (var i = 0; i < 3; i++)
        {
            var key = prompts[i].Key;
            await Judge(prompts[i].Id, ids[(candidate, key)], ids[(baseline, key)], candidateFirst[i]);
            await Judge(prompts[i].Id, ids[(baseline, key)], ids[(candidate, key)], JudgeVerdictParser.Mirror(candidateFirst[i]));
        }

        // People: agree on p1 (candidate), disagree on p2 (they prefer the candidate), agree on p3 (tie).
        await Vote(prompts[0].Id, ids[(candidate, "p1")], ids[(baseline, "p1")], "user:1", ArenaChoice.A);
        await Vote(prompts[1].Id, ids[(baseline, "p2")], ids[(candidate, "p2")], "user:1", ArenaChoice.B);
        await Vote(prompts[2].Id, ids[(candidate, "p3")], ids[(baseline, "p3")], "anon:2", ArenaChoice.Tie);

        var all = (await store.ResultsAsync(run.Id, ct: Cancel))!;
        Assert.Equal((3, 2), (all.Agreement.Count, all.Agreement.Agreements));
        Assert.Equal(["l/base", "l/cand"], all.LlmBoard!.Rows.Select(r => r.Model)); // the judge's p2 was a strong win
        Assert.Equal(["l/cand", "l/base"], all.HumanBoard!.Rows.Select(r => r.Model));
        Assert.Equal(1000, all.LlmBoard.Rows.Single(r => r.Model == "l/base").Rating, 9);
        Assert.Equal(3, all.HumanBoard.Games);
        Assert.Equal([new EvalTagCount("coding", 2), new EvalTagCount("writing", 1)], all.Tags);
        Assert.Empty(all.Failures);
        Assert.Equal((6, 6, 0, 3), (all.Run.Progress.GamesExpected, all.Run.Progress.GamesJudged, all.Run.Progress.GamesUnparsed, all.Run.Progress.HumanVotes));
        var stats = all.Models.Single(m => m.RunModelId == candidate);
        Assert.Equal((3, 0, 3 * 0.0003m, 300L, 600L), (stats.Completed, stats.Failed, stats.CostUsd, stats.InputTokens, stats.OutputTokens));
        Assert.Equal(50 + candidate, stats.MedianTimeToFirstTokenMs);
        Assert.Equal(200 / 1.0, stats.MedianTokensPerSecond!.Value, 9);

        var coding = (await store.ResultsAsync(run.Id, " Coding ", ct: Cancel))!;
        Assert.Equal("coding", coding.Tag);
        Assert.Equal((2, 2), (coding.Agreement.Count, coding.Agreement.Agreements));
        Assert.Equal(2, coding.HumanBoard!.Games);
        Assert.Equal(2, coding.Models.Single(m => m.RunModelId == candidate).Completed);
        Assert.Null((await store.ResultsAsync(run.Id, "math", ct: Cancel))!.LlmBoard);

        var p2 = (await store.PromptDetailAsync(run.Id, prompts[1].Id, Cancel))!;
        Assert.Equal(["l/base", "l/cand"], p2.Answers.Select(a => a.Label));
        Assert.Equal([("l/cand", "l/base", JudgeVerdict.BMuchBetter), ("l/base", "l/cand", JudgeVerdict.AMuchBetter)], p2.Verdicts.Select(v => (v.LabelA, v.LabelB, v.Verdict!.Value)));
        Assert.All(p2.Verdicts, v => Assert.StartsWith("reasoning for", v.Reasoning, StringComparison.Ordinal));
        Assert.Equal([("l/base", "l/cand", "user:1", ArenaChoice.B)], p2.HumanVotes.Select(v => (v.LabelA, v.LabelB, v.Voter, v.Choice!.Value)));
        Assert.Null(await store.PromptDetailAsync(run.Id, -1, Cancel));

        Task Judge(long prompt, long a, long b, JudgeVerdict verdict) => store.RecordJudgementAsync(run.Id,
            new JudgementRecord(prompt, a, b, EvalJudgeKind.Llm, "l/judge", verdict, null, $"reasoning for {a}/{b} [[{JudgeVerdictParser.ToLabel(verdict)}]]"), Cancel);

        Task Vote(long prompt, long a, long b, string voter, ArenaChoice choice) => store.RecordJudgementAsync(run.Id,
            new JudgementRecord(prompt, a, b, EvalJudgeKind.Human, voter, null, choice, null), Cancel);
    }
}
