using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Data;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Testing.Database;

namespace Modelwatch.Web.Tests.Features.Evals;

/// <summary>Blind human votes over HTTP: the next pair hides the names, a vote reveals them, and what is not a fair vote is refused.</summary>
public sealed class EvalHumanVoteApiTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task A_vote_reveals_the_models_and_second_votes_or_mismatched_pairs_are_refused(DatabaseProvider provider)
    {
        await using var app = await EvalTestApp.StartAsync(provider);
        var set = await app.CreateSetAsync(3);
        var run = await app.CreateRunAsync(set.Id, start: true);
        await app.WaitAsync(run.Id);

        using var next = await app.Client.GetAsync($"api/evals/runs/{run.Id}/votes/next", Cancel);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var body = await next.Content.ReadAsStringAsync(Cancel);
        // Blind: no model's label or name anywhere in what the voter is sent.
        Assert.DoesNotContain(EvalTestApp.Provider + "/", body, StringComparison.Ordinal);
        var pair = JsonSerializer.Deserialize<HumanPair>(body, Json)!;
        var detail = (await app.Store.PromptDetailAsync(run.Id, pair.PromptId, ct: Cancel))!;
        string LabelOf(long answer) => detail.Answers.Single(a => a.AnswerId == answer).Label;

        using (var vote = await app.Client.PostAsJsonAsync($"api/evals/runs/{run.Id}/votes", new { pair.AnswerAId, pair.AnswerBId, Choice = "B" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
            var revealed = (await vote.Content.ReadFromJsonAsync<HumanVoteRevealed>(Json, Cancel))!;
            Assert.Equal((LabelOf(pair.AnswerAId), LabelOf(pair.AnswerBId)), (revealed.LabelA, revealed.LabelB));
        }

        // The same pair again (either order): 409; two answers to different prompts: 400; another run: 404.
        using (var again = await app.Client.PostAsJsonAsync($"api/evals/runs/{run.Id}/votes", new { AnswerAId = pair.AnswerBId, AnswerBId = pair.AnswerAId, Choice = "Tie" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        var otherPrompt = (await app.Store.GetSetAsync(set.Id, Cancel))!.Prompts.First(p => p.Id != pair.PromptId);
        var otherAnswer = (await app.Store.PromptDetailAsync(run.Id, otherPrompt.Id, ct: Cancel))!.Answers.First(a => a.Label != LabelOf(pair.AnswerAId)).AnswerId;
        using (var mismatched = await app.Client.PostAsJsonAsync($"api/evals/runs/{run.Id}/votes", new { pair.AnswerAId, AnswerBId = otherAnswer, Choice = "A" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, mismatched.StatusCode);
        }

        using (var elsewhere = await app.Client.PostAsJsonAsync($"api/evals/runs/{run.Id + 1}/votes", new { pair.AnswerAId, pair.AnswerBId, Choice = "A" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        }

        // Stored once, as the run's private human judgement; the arena's own votes are untouched; the drill-down shows it.
        await using var db = app.App.Database.CreateContext();
        Assert.Equal(1, await db.EvalJudgements.CountAsync(j => j.Kind == Core.Evals.EvalJudgeKind.Human, Cancel));
        Assert.Equal(0, await db.ArenaVotes.CountAsync(Cancel));
        var votes = (await app.Store.PromptDetailAsync(run.Id, pair.PromptId, ct: Cancel))!.HumanVotes;
        Assert.Equal(Core.Arena.ArenaChoice.B, Assert.Single(votes).Choice);

        // Every pair of the 3 prompts × 3 models voted: then there is nothing left for this voter (204).
        var left = 3 * 3 - 1;
        for (var i = 0; i < left; i++)
        {
            var p = (await app.Client.GetFromJsonAsync<HumanPair>($"api/evals/runs/{run.Id}/votes/next", Json, Cancel))!;
            using var v = await app.Client.PostAsJsonAsync($"api/evals/runs/{run.Id}/votes", new { p.AnswerAId, p.AnswerBId, Choice = "Tie" }, Cancel);
            Assert.Equal(HttpStatusCode.OK, v.StatusCode);
        }

        using var none = await app.Client.GetAsync($"api/evals/runs/{run.Id}/votes/next", Cancel);
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
    }
}
