using Microsoft.Extensions.Time.Testing;
using Modelwatch.Core.Advisor;
using Modelwatch.Core.Arena;
using Modelwatch.Data.Advisor;
using Modelwatch.Data.Arena;
using Modelwatch.Data.Evals;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Advisor;

/// <summary>Speed is what this instance measured: arena answers and evaluation answers of the model, medians over completed ones.</summary>
public sealed class AdvisorSpeedTests
{
    private const string Gemini = "google/gemini-2.5-pro";
    private const string DeepSeek = "deepseek/deepseek-r1";

    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Medians_come_from_completed_arena_and_evaluation_answers_and_the_latency_limit_keeps_only_measured_fast_models(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider, Cancel);
        await SeedAnswersAsync(database);
        var service = new AdvisorService(database.Contexts, new FakeTimeProvider(Now));

        var all = await service.AdviseAsync(new AdvisorRequest { Picks = 10_000 }, Cancel);
        var fast = await service.AdviseAsync(new AdvisorRequest { Constraints = new() { MaxLatencySeconds = 1.0 }, Picks = 10_000 }, Cancel);

        // Gemini: time to first token 400, 600 (arena) and 500 ms (evaluation) → 0.5 s; tokens per second after the
        // first token 100/1.0 s, 100/2.0 s, 300/1.0 s → 100. DeepSeek: one completed answer at 3 s; its cut-off one is not counted.
        var gemini = all.Picks.Single(p => p.Candidate.ModelId == Gemini).Candidate.Speed;
        Assert.Equal(new SpeedEvidence(0.5, 100, 3), gemini);
        Assert.Equal(new SpeedEvidence(3.0, 50, 1), all.Picks.Single(p => p.Candidate.ModelId == DeepSeek).Candidate.Speed);
        Assert.All(all.Picks.Where(p => p.Candidate.ModelId is not (Gemini or DeepSeek)), p => Assert.Null(p.Candidate.Speed));

        Assert.Equal([Gemini], fast.Picks.Select(p => p.Candidate.ModelId));
        var slow = Assert.Single(fast.Excluded, e => e.ModelId == DeepSeek);
        Assert.Equal("median time to first token 3 s > 1 s", Assert.Single(slow.Violations).Detail);
        Assert.All(fast.Excluded.Where(e => e.ModelId != DeepSeek), e => Assert.Contains(e.Violations, v => v is { Constraint: "latency", Detail: "time to first token not measured by this instance" }));
    }

    [Theory, BothDatabases]
    public async Task A_new_answer_reaches_the_advice_once_the_data_version_is_read_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider, Cancel);
        var clock = new FakeTimeProvider(Now);
        var service = new AdvisorService(database.Contexts, clock);
        var request = new AdvisorRequest { Picks = 10_000 };

        var before = await service.AdviseAsync(request, Cancel);
        await SeedAnswersAsync(database);
        clock.Advance(AdvisorDataVersion.CheckInterval + TimeSpan.FromSeconds(1));
        var after = await service.AdviseAsync(request, Cancel);

        Assert.Null(before.Picks.Single(p => p.Candidate.ModelId == Gemini).Candidate.Speed);
        Assert.Equal(3, after.Picks.Single(p => p.Candidate.ModelId == Gemini).Candidate.Speed?.Samples);
    }

    private static async Task SeedAnswersAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var a = new ArenaContestant { Provider = "fake", Model = "gemini", BoardName = "fake/gemini", CatalogModelId = Gemini, FirstSeen = Now };
        var b = new ArenaContestant { Provider = "fake", Model = "deepseek", BoardName = "fake/deepseek", CatalogModelId = DeepSeek, FirstSeen = Now };
        db.ArenaContestants.AddRange(a, b);
        await db.SaveChangesAsync(Cancel);
        var first = Battle(a.Id, b.Id);
        first.Answers.Add(Answer(first.Id, BattleSide.A, AnswerOutcome.Completed, 400, 1400, 100));
        first.Answers.Add(Answer(first.Id, BattleSide.B, AnswerOutcome.Completed, 3000, 5000, 100));
        var second = Battle(a.Id, b.Id);
        second.Answers.Add(Answer(second.Id, BattleSide.A, AnswerOutcome.Completed, 600, 2600, 100));
        second.Answers.Add(Answer(second.Id, BattleSide.B, AnswerOutcome.CutOff, 100, 200, 10));
        db.ArenaBattles.AddRange(first, second);

        var set = new EvalPromptSet { Name = "speed", CreatedAt = Now };
        db.EvalPromptSets.Add(set);
        await db.SaveChangesAsync(Cancel);
        var prompt = new EvalPrompt { SetId = set.Id, Key = "p1", Text = "Hello" };
        var run = new EvalRun { SetId = set.Id, Name = "speed run", CreatedAt = Now };
        db.EvalPrompts.Add(prompt);
        db.EvalRuns.Add(run);
        await db.SaveChangesAsync(Cancel);
        var model = new EvalRunModel { RunId = run.Id, Provider = "fake", Model = "gemini", Label = "Gemini", CatalogModelId = Gemini };
        db.EvalRunModels.Add(model);
        await db.SaveChangesAsync(Cancel);
        db.EvalAnswers.Add(new EvalAnswer
        {
            RunId = run.Id,
            PromptId = prompt.Id,
            RunModelId = model.Id,
            Outcome = AnswerOutcome.Completed,
            Text = "Hi",
            OutputTokens = 300,
            TimeToFirstTokenMs = 500,
            TotalMs = 1500,
            AnsweredAt = Now,
        });
        await db.SaveChangesAsync(Cancel);
    }

    private static ArenaBattle Battle(int a, int b) => new()
    {
        Id = Guid.NewGuid(),
        Mode = BattleMode.Blind,
        Voter = "anon:test",
        ContestantA = a,
        ContestantB = b,
        CreatedAt = Now,
        Status = BattleStatus.Answered,
    };

    private static ArenaAnswer Answer(Guid battle, BattleSide side, AnswerOutcome outcome, int firstTokenMs, int durationMs, long tokens) => new()
    {
        BattleId = battle,
        Turn = 1,
        Side = side,
        Outcome = outcome,
        TimeToFirstTokenMs = firstTokenMs,
        DurationMs = durationMs,
        OutputTokens = tokens,
        OutputTokensReported = true,
    };
}
