using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Core.Arena;
using Modelwatch.Data;
using Modelwatch.Data.Evals;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Testing.Database;
using Modelwatch.Web.Features.Evals;

namespace Modelwatch.Web.Tests.Features.Evals;

/// <summary>A run through the app's background queue against the fake provider: stopped half-way, resumed, judged, and its results over HTTP.</summary>
public sealed class EvalRunQueueTests
{
    private const int Prompts = 12;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task A_run_stopped_half_way_resumes_answers_each_prompt_once_and_its_board_follows_the_judge(DatabaseProvider provider)
    {
        await using var app = await EvalTestApp.StartAsync(provider);
        var set = await app.CreateSetAsync(Prompts);
        app.Fake.PieceDelay = TimeSpan.FromMilliseconds(40);
        var run = await app.CreateRunAsync(set.Id, start: true, concurrency: 2);

        // Stopped through the API once some answers are in: Stopped, the finished answers kept, the rest missing.
        await app.WaitForAnswersAsync(run.Id, 4);
        using (var stop = await app.Client.PostAsync($"api/evals/runs/{run.Id}/stop", null, Cancel))
        {
            Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        }

        var stopped = await app.WaitAsync(run.Id);
        Assert.Equal(EvalRunStatus.Stopped, stopped.Status);
        Assert.InRange(stopped.Progress.AnswersCompleted, 4, (3 * Prompts) - 1);
        var keptBeforeResume = await StoredAnswersAsync(app, run.Id);

        // Resumed: completes, every (model, prompt) asked exactly once across both sessions.
        app.Fake.PieceDelay = TimeSpan.Zero;
        using (var start = await app.Client.PostAsync($"api/evals/runs/{run.Id}/start", null, Cancel))
        {
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }

        var done = await app.WaitAsync(run.Id);
        Assert.Equal(EvalRunStatus.Completed, done.Status);
        Assert.Equal((3 * Prompts, 3 * Prompts, 2 * Prompts * 2), (done.Progress.AnswersExpected, done.Progress.AnswersCompleted, done.Progress.GamesJudged));
        // One stored answer per (model, prompt), each asked for exactly once: a stop lets the requests in flight finish
        // and be recorded, and what was stored before the stop is never asked again.
        var stored = await StoredAnswersAsync(app, run.Id);
        Assert.Equal(3 * Prompts, stored.Count);
        var asked = app.Fake.Requests.Where(r => r.Model != EvalFakeModels.Judge).GroupBy(r => (r.Model, r.LastUserText)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(stored.Order(), asked.Keys.Order());
        Assert.All(keptBeforeResume, k => Assert.Equal(1, asked[k]));
        Assert.All(asked.Values, n => Assert.Equal(1, n));
        Assert.Equal(2 * Prompts * 2, app.Fake.Requests.Count(r => r.Model == EvalFakeModels.Judge));

        // The results API is the store's results; Alpha (preferred by far) first, with its interval around its rating.
        var results = await app.Client.GetFromJsonAsync<JsonElement>($"api/evals/runs/{run.Id}/results", Json, Cancel);
        var direct = (await app.Store.ResultsAsync(run.Id, ct: Cancel))!;
        var rows = results.GetProperty("llmBoard").GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("model").GetString()!, r.GetProperty("rank").GetInt32())).ToList();
        Assert.Equal(direct.LlmBoard!.Rows.Select(r => (r.Model, r.Rank)), rows);
        var top = direct.LlmBoard.Rows[0];
        Assert.Equal(EvalTestApp.Label(EvalFakeModels.Alpha), top.Model);
        Assert.True(top.Lower <= top.Rating && top.Rating <= top.Upper, $"{top.Lower} ≤ {top.Rating} ≤ {top.Upper}");
        Assert.Equal(3, direct.Models.Count);
        Assert.All(direct.Models, m => Assert.Equal((Prompts, 0), (m.Completed, m.Failed)));

        // Per tag: on writing prompts Beta beats the baseline, on coding prompts the baseline beats Beta.
        Assert.True(Above(await TagBoardAsync(app, run.Id, "writing"), EvalFakeModels.Beta, EvalFakeModels.Gamma));
        Assert.True(Above(await TagBoardAsync(app, run.Id, "coding"), EvalFakeModels.Gamma, EvalFakeModels.Beta));

        // The run page shows the board in the API's order and draws its plot.
        var html = await app.Client.GetStringAsync($"evals/runs/{run.Id}", Cancel);
        Assert.Contains("id=\"plot-llm-svg\"", html, StringComparison.Ordinal);
        var table = html[html.IndexOf("id=\"llm-board\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var shown = System.Text.RegularExpressions.Regex.Matches(table, "<tr[^>]* data-model=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(direct.LlmBoard.Rows.Select(r => r.Model), shown);

        // The drill-down of one prompt: three answers; both candidates judged against the baseline in both orders, with the reasoning.
        var prompt = (await app.Store.GetSetAsync(set.Id, Cancel))!.Prompts[0];
        var detail = await app.Client.GetFromJsonAsync<EvalPromptDetail>($"api/evals/runs/{run.Id}/prompts/{prompt.Id}", Json, Cancel);
        Assert.Equal(3, detail!.Answers.Count);
        Assert.Equal(4, detail.Verdicts.Count);
        foreach (var candidate in new[] { EvalFakeModels.Alpha, EvalFakeModels.Beta })
        {
            var pair = detail.Verdicts.Where(v => v.LabelA == EvalTestApp.Label(candidate) || v.LabelB == EvalTestApp.Label(candidate)).ToList();
            Assert.Equal(2, pair.Count);
            Assert.Equal((pair[0].AnswerAId, pair[0].AnswerBId), (pair[1].AnswerBId, pair[1].AnswerAId));
            Assert.All(pair, v => Assert.Contains("My final verdict is", v.Reasoning, StringComparison.Ordinal));
        }
    }

    [Theory, BothDatabases]
    public async Task Shutting_down_stops_the_runs_in_flight_as_Stopped_with_their_lease_released(DatabaseProvider provider)
    {
        await using var app = await EvalTestApp.StartAsync(provider);
        var set = await app.CreateSetAsync(Prompts);
        app.Fake.PieceDelay = TimeSpan.FromMilliseconds(60);
        var runId = (await app.CreateRunAsync(set.Id, start: true, concurrency: 1)).Id;
        await app.WaitForAnswersAsync(runId, 1);

        // What the host calls when the app stops.
        await app.App.Services.GetRequiredService<EvalRunQueue>().StopAsync(Cancel);

        await using var db = app.App.Database.CreateContext();
        var row = await db.EvalRuns.AsNoTracking().SingleAsync(r => r.Id == runId, Cancel);
        Assert.Equal((EvalRunStatus.Stopped, (string?)null), (row.Status, row.LeaseOwner));
        Assert.InRange(await db.EvalAnswers.CountAsync(a => a.RunId == runId, Cancel), 1, (3 * Prompts) - 1);
    }

    private static async Task<IReadOnlyList<string>> TagBoardAsync(EvalTestApp app, int runId, string tag)
    {
        var results = await app.Client.GetFromJsonAsync<JsonElement>($"api/evals/runs/{runId}/results?tag={tag}", Json, Cancel);
        Assert.Equal(tag, results.GetProperty("tag").GetString());
        return [.. results.GetProperty("llmBoard").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("model").GetString()!)];
    }

    /// <summary>(model, prompt text) of every stored answer; fails if one is stored twice.</summary>
    private static async Task<List<(string Model, string Prompt)>> StoredAnswersAsync(EvalTestApp app, int runId)
    {
        await using var db = app.App.Database.CreateContext();
        var rows = await (from a in db.EvalAnswers
                          join m in db.EvalRunModels on a.RunModelId equals m.Id
                          join p in db.EvalPrompts on a.PromptId equals p.Id
                          where a.RunId == runId && a.Outcome == AnswerOutcome.Completed
                          select new { m.Model, p.Text }).ToListAsync(Cancel);
        var keys = rows.Select(r => (r.Model, r.Text)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        return keys;
    }

    private static bool Above(IReadOnlyList<string> board, string higher, string lower) =>
        board.ToList().IndexOf(EvalTestApp.Label(higher)) < board.ToList().IndexOf(EvalTestApp.Label(lower));
}
