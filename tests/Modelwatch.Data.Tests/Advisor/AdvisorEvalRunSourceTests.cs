using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Advisor;
using Modelwatch.Core.Arena;
using Modelwatch.Core.Catalog;
using Modelwatch.Core.Evals;
using Modelwatch.Data.Advisor;
using Modelwatch.Data.Catalog;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Advisor;

/// <summary>
/// The user's own evaluation run as the advisor's quality source, on the seeded catalog: three run models linked to
/// catalog models through provider ids the fixtures offer (one proprietary, two open source), one model the catalog
/// does not know, verdicts written so the expected order is known, and the advice read back through the service.
/// </summary>
public sealed class AdvisorEvalRunSourceTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task A_run_s_judge_board_ranks_its_catalog_models_under_the_request_s_constraints(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider, Cancel);
        var (closed, open1, open2) = await ThreeLinkableModelsAsync(database);
        var store = new EvalStore(database.Contexts, TimeProvider.System);
        var set = await store.ImportSetAsync("mine", null,
            [new PromptRecord("c1", "Sort a list", null, ["coding"]), new PromptRecord("c2", "Fix a bug", null, ["coding"]),
             new PromptRecord("w1", "A poem", null, ["writing"]), new PromptRecord("w2", "A toast", null, ["writing"])], Cancel);
        var run = await store.CreateRunAsync(new EvalRunInput(set.Id, "my tasks",
            [new EvalModelInput("gw", open1.ProviderModelId, "base"), new EvalModelInput("gw", closed.ProviderModelId, "closed"),
             new EvalModelInput("gw", open2.ProviderModelId, "open2"), new EvalModelInput("local", "not-in-any-catalog-7b", "unknown")],
            BaselineLabel: "base", JudgeProvider: "l", JudgeModel: "judge"), Cancel);
        Assert.Equal([open1.ModelId, closed.ModelId, open2.ModelId, null], run.Models.Select(m => m.CatalogModelId));

        var prompts = (await store.GetSetAsync(set.Id, Cancel))!.Prompts;
        var answer = new Dictionary<(string Label, string Prompt), long>();
        foreach (var prompt in prompts)
        {
            foreach (var model in run.Models)
            {
                await store.RecordAnswerAsync(run.Id, new AnswerRecord(prompt.Id, model.Id, AnswerOutcome.Completed, $"{model.Label}:{prompt.Key}", null, 10, 20, 100, 1000), Cancel);
            }

            foreach (var a in (await store.PromptDetailAsync(run.Id, prompt.Id, Cancel))!.Answers)
            {
                answer[(a.Label, prompt.Key)] = a.AnswerId;
            }
        }

        // The judge, from the named model's side, shown first then second (a tie in one order keeps every board's fit
        // finite: a model that wins every game has no finite rating). "closed" wins clearly everywhere; "open2" wins on
        // coding and loses on writing; the model outside the catalog wins too (and must still be left out).
        var plan = new Dictionary<string, Dictionary<string, (JudgeVerdict First, JudgeVerdict Second)>>
        {
            ["closed"] = new() { ["c1"] = (Much, Even), ["c2"] = (Much, Win), ["w1"] = (Much, Even), ["w2"] = (Win, Even) },
            ["open2"] = new() { ["c1"] = (Much, Even), ["c2"] = (Win, Even), ["w1"] = (Lose, Even), ["w2"] = (Even, Even) },
            ["unknown"] = new() { ["c1"] = (Much, Even), ["c2"] = (Much, Even), ["w1"] = (Much, Even), ["w2"] = (Much, Even) },
        };
        foreach (var (label, verdicts) in plan)
        {
            foreach (var prompt in prompts)
            {
                var (mine, baseline) = (answer[(label, prompt.Key)], answer[("base", prompt.Key)]);
                var (first, second) = verdicts[prompt.Key];
                await store.RecordJudgementAsync(run.Id, new JudgementRecord(prompt.Id, mine, baseline, EvalJudgeKind.Llm, "l/judge", first, null, "r"), Cancel);
                await store.RecordJudgementAsync(run.Id, new JudgementRecord(prompt.Id, baseline, mine, EvalJudgeKind.Llm, "l/judge", JudgeVerdictParser.Mirror(second), null, "r"), Cancel);
            }
        }

        var advisor = new AdvisorService(database.Contexts, TimeProvider.System);
        var all = await advisor.AdviseAsync(Request(run.Id, null), Cancel);
        Assert.Equal(($"eval:{run.Id} my tasks", "all prompts"), (all.RatingSource, all.Category));
        Assert.Contains(all.Notes, n => n.Contains("unknown", StringComparison.Ordinal) && n.Contains("catalog", StringComparison.Ordinal));
        Assert.Equal(3, all.Eligible);
        var board = (await store.ResultsAsync(run.Id, ct: Cancel))!.LlmBoard!.Rows.Where(r => r.Model != "unknown").ToList();
        Assert.Equal(board.Select(r => r.Model), all.Picks.Select(p => p.Candidate.Quality!.RatedName));
        Assert.Equal(board.Select(r => r.Rating), all.Picks.Select(p => p.Candidate.Quality!.Rating));
        Assert.Equal(closed.ModelId, all.Picks[0].Candidate.ModelId);

        var coding = await advisor.AdviseAsync(Request(run.Id, "Coding"), Cancel);
        Assert.Equal("coding", coding.Category);
        Assert.Equal(open2.ModelId, coding.Picks.Single(p => p.Candidate.ModelId != closed.ModelId && p.Candidate.ModelId != open1.ModelId).Candidate.ModelId);
        Assert.True(Rating(coding, open2.ModelId) > Rating(coding, open1.ModelId), "open2 won on coding (and never lost there)");
        var writing = await advisor.AdviseAsync(Request(run.Id, "writing"), Cancel);
        Assert.True(Rating(writing, open2.ModelId) < Rating(writing, open1.ModelId), "open2 lost on writing (and never won there)");

        // Self-hosting leaves the proprietary model out, with the constraint named.
        var selfHosted = await advisor.AdviseAsync(Request(run.Id, null) with { Constraints = new AdvisorConstraints { SelfHost = true } }, Cancel);
        Assert.DoesNotContain(selfHosted.Picks, p => p.Candidate.ModelId == closed.ModelId);
        Assert.Contains(selfHosted.Excluded, e => e.ModelId == closed.ModelId && e.Violations.Any(v => v.Constraint == "self-host"));

        var noTag = await Assert.ThrowsAsync<AdvisorRequestException>(() => advisor.AdviseAsync(Request(run.Id, "math"), Cancel));
        Assert.Equal("eval-tag", noTag.Field);
        var noRun = await Assert.ThrowsAsync<AdvisorRequestException>(() => advisor.AdviseAsync(Request(run.Id + 100, null), Cancel));
        Assert.Equal("eval-run", noRun.Field);
    }

    private const JudgeVerdict Much = JudgeVerdict.AMuchBetter;
    private const JudgeVerdict Win = JudgeVerdict.ABetter;
    private const JudgeVerdict Even = JudgeVerdict.Tie;
    private const JudgeVerdict Lose = JudgeVerdict.BMuchBetter;

    private static AdvisorRequest Request(int run, string? tag) => new()
    {
        Weights = new AdvisorWeights(1, 0, 0),
        Picks = 10,
        RatingSource = new RatingSourceChoice(EvalRun: run, EvalTag: tag),
    };

    private static double Rating(AdvisorResult result, string modelId) => result.Picks.Single(p => p.Candidate.ModelId == modelId).Candidate.Quality!.Rating;

    private sealed record Linkable(string ProviderModelId, string ModelId);

    /// <summary>
    /// Provider model ids that name exactly one catalog model each (so a run links them without doubt): one proprietary
    /// model and two open-source ones (their licence allows self-hosting and commercial use), the first by id of each.
    /// </summary>
    private static async Task<(Linkable Closed, Linkable Open1, Linkable Open2)> ThreeLinkableModelsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var offered = await db.Set<Offering>().AsNoTracking().Where(o => o.ModelId != null && o.Variant == null)
            .Select(o => new { o.ProviderModelId, ModelId = o.ModelId! }).ToListAsync(Cancel);
        var unique = offered.GroupBy(o => o.ProviderModelId, StringComparer.Ordinal)
            .Where(g => g.Select(o => o.ModelId).Distinct(StringComparer.Ordinal).Count() == 1)
            .Select(g => new Linkable(g.Key, g.First().ModelId))
            .GroupBy(l => l.ModelId, StringComparer.Ordinal).Select(g => g.OrderBy(l => l.ProviderModelId, StringComparer.Ordinal).First())
            .ToList();
        var licences = await db.Models.AsNoTracking().Select(m => new { m.Id, m.Licence }).ToDictionaryAsync(m => m.Id, m => m.Licence, StringComparer.Ordinal, Cancel);
        var ordered = unique.OrderBy(l => l.ModelId, StringComparer.Ordinal).ToList();
        var closed = ordered.First(l => licences[l.ModelId] == LicenceClass.Proprietary);
        var open = ordered.Where(l => licences[l.ModelId] == LicenceClass.OpenSource).Take(2).ToList();
        return (closed, open[0], open[1]);
    }
}
