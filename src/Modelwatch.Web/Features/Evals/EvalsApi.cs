using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Modelwatch.Core.Arena;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Import.Evals;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Arena.Battles;

namespace Modelwatch.Web.Features.Evals;

/// <summary>
/// <c>/api/evals/…</c>: prompt sets (list, show, import a file), runs (list, create, start, stop, progress, results per
/// tag, one prompt's drill-down) and blind human votes (the next pair, a vote). Writes need a member.
/// </summary>
public static class EvalsApi
{
    public static RouteGroupBuilder MapEvalsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var evals = api.MapGroup("/evals");
        evals.MapGet("/sets", async (EvalStore store, CancellationToken ct) => TypedResults.Ok(await store.ListSetsAsync(ct)))
            .WithName("ListEvalSets").WithSummary("Every prompt set with its prompt count and tags.");
        evals.MapGet("/sets/{id:int}", GetSetAsync).WithName("GetEvalSet").WithSummary("A prompt set with its prompts in file order.");
        evals.MapPost("/sets/import", ImportSetAsync).RequireAuthorization(Policies.Member).WithName("ImportEvalSet")
            .WithSummary("Makes a prompt set from the request body, a CSV or JSON Lines file (?name=…&file=… names the set and the file); 400 names the line and field.");
        evals.MapGet("/runs", async (EvalStore store, CancellationToken ct) => TypedResults.Ok(await store.ListRunsAsync(ct)))
            .WithName("ListEvalRuns").WithSummary("Every run with its status and progress.");
        evals.MapPost("/runs", CreateRunAsync).RequireAuthorization(Policies.Member).WithName("CreateEvalRun")
            .WithSummary("Creates a run (set, models as provider + model, baseline label, judge); ?start=true queues it.");
        evals.MapGet("/runs/{id:int}", GetRunAsync).WithName("GetEvalRun");
        evals.MapGet("/runs/{id:int}/progress", ProgressAsync).WithName("GetEvalRunProgress")
            .WithSummary("The run's counts and whether this instance is working on it (the run page polls this).");
        evals.MapPost("/runs/{id:int}/start", StartAsync).RequireAuthorization(Policies.Member).WithName("StartEvalRun")
            .WithSummary("Starts or resumes the run in this instance: only missing answers and verdicts are asked for.");
        evals.MapPost("/runs/{id:int}/stop", (int id, EvalRunQueue queue) => queue.Stop(id) ? Results.Accepted($"/api/evals/runs/{id}/progress", queue.State(id)) : Results.Problem(detail: $"Run {id} is not running in this instance.", statusCode: StatusCodes.Status409Conflict))
            .RequireAuthorization(Policies.Member).WithName("StopEvalRun").WithSummary("Stops the run; what is finished stays and a later start resumes.");
        evals.MapGet("/runs/{id:int}/results", ResultsAsync).WithName("GetEvalRunResults")
            .WithSummary("Boards (LLM judge, people) with 95% intervals for all prompts or ?tag=…, agreement, cost and latency per model, failures.");
        evals.MapGet("/runs/{id:int}/prompts/{promptId:long}", PromptAsync).WithName("GetEvalRunPrompt")
            .WithSummary("One prompt: every answer, the judge's verdicts in both orders with reasoning, people's votes.");
        evals.MapGet("/runs/{id:int}/votes/next", NextPairAsync).RequireAuthorization(Policies.Member).WithName("NextEvalPair")
            .WithSummary("The next blind pair for this voter (no model names); 204 when nothing is left.");
        evals.MapPost("/runs/{id:int}/votes", VoteAsync).RequireAuthorization(Policies.Member).WithName("VoteEvalPair")
            .WithSummary("A blind vote (A, B, Tie, BothBad) on two answers; returns the names. Private to the run.");
        return api;
    }

    /// <summary>A vote on answers A and B.</summary>
    public sealed record VoteRequest(long AnswerAId, long AnswerBId, [property: JsonConverter(typeof(JsonStringEnumConverter<ArenaChoice>))] ArenaChoice Choice);

    /// <summary>The run's stored counts with this instance's latest report.</summary>
    public sealed record ProgressResponse(EvalRunSummary Run, EvalQueueState Queue);

    internal static async Task<Results<Ok<EvalSetDetail>, ProblemHttpResult>> GetSetAsync(int id, EvalStore store, CancellationToken ct) =>
        await store.GetSetAsync(id, ct) is { } set ? TypedResults.Ok(set) : NotFound($"There is no prompt set {id}.");

    internal static async Task<Results<Created<EvalSetSummary>, ProblemHttpResult>> ImportSetAsync(HttpRequest request, EvalStore store, string? name, string? file, CancellationToken ct)
    {
        var fileName = string.IsNullOrWhiteSpace(file) ? "upload" : Path.GetFileName(file);
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            var records = PromptSetReader.Read(buffer, fileName);
            var set = await store.ImportSetAsync(name ?? "", null, records, ct);
            return TypedResults.Created($"/api/evals/sets/{set.Id}", set);
        }
        catch (Exception error) when (error is PromptSetFileException or EvalStoreException)
        {
            return TypedResults.Problem(detail: error.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    internal static async Task<Results<Created<EvalRunSummary>, ProblemHttpResult>> CreateRunAsync([FromBody] EvalRunInput input, bool? start, EvalStore store, EvalRunQueue queue, CancellationToken ct)
    {
        try
        {
            var run = await store.CreateRunAsync(input, ct);
            if (start == true)
            {
                queue.Start(run.Id);
            }

            return TypedResults.Created($"/api/evals/runs/{run.Id}", run);
        }
        catch (EvalStoreException error)
        {
            return TypedResults.Problem(detail: error.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    internal static async Task<Results<Ok<EvalRunSummary>, ProblemHttpResult>> GetRunAsync(int id, EvalStore store, CancellationToken ct) =>
        await store.GetRunAsync(id, ct) is { } run ? TypedResults.Ok(run) : NotFound($"There is no run {id}.");

    internal static async Task<Results<Ok<ProgressResponse>, ProblemHttpResult>> ProgressAsync(int id, EvalStore store, EvalRunQueue queue, CancellationToken ct) =>
        await store.GetRunAsync(id, ct) is { } run ? TypedResults.Ok(new ProgressResponse(run, queue.State(id))) : NotFound($"There is no run {id}.");

    internal static async Task<Results<Accepted<EvalQueueState>, ProblemHttpResult>> StartAsync(int id, EvalStore store, EvalRunQueue queue, CancellationToken ct) =>
        await store.GetRunAsync(id, ct) is null ? NotFound($"There is no run {id}.") : TypedResults.Accepted($"/api/evals/runs/{id}/progress", queue.Start(id));

    internal static async Task<Results<Ok<EvalResults>, ProblemHttpResult>> ResultsAsync(int id, string? tag, EvalStore store, CancellationToken ct) =>
        await store.ResultsAsync(id, string.IsNullOrWhiteSpace(tag) ? null : tag.Trim().ToLowerInvariant(), ct: ct) is { } results
            ? TypedResults.Ok(results)
            : NotFound($"There is no run {id}.");

    internal static async Task<Results<Ok<EvalPromptDetail>, ProblemHttpResult>> PromptAsync(int id, long promptId, EvalStore store, CancellationToken ct) =>
        await store.PromptDetailAsync(id, promptId, ct) is { } detail ? TypedResults.Ok(detail) : NotFound($"Run {id} has no prompt {promptId}.");

    internal static async Task<Results<Ok<HumanPair>, NoContent, ProblemHttpResult>> NextPairAsync(int id, HttpContext context, EvalStore store, EvalHumanVotes votes, CancellationToken ct)
    {
        if (await store.GetRunAsync(id, ct) is null)
        {
            return NotFound($"There is no run {id}.");
        }

        return await votes.NextPairAsync(id, VoterIdentity.Of(context), ct) is { } pair ? TypedResults.Ok(pair) : TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<HumanVoteRevealed>, ProblemHttpResult>> VoteAsync(int id, [FromBody] VoteRequest vote, HttpContext context, EvalHumanVotes votes, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await votes.RecordAsync(id, vote.AnswerAId, vote.AnswerBId, VoterIdentity.Of(context), vote.Choice, ct));
        }
        catch (HumanVoteException error)
        {
            var status = error.Refusal switch
            {
                HumanVoteRefusal.NotFound => StatusCodes.Status404NotFound,
                HumanVoteRefusal.AlreadyVoted => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            };
            return TypedResults.Problem(detail: error.Message, statusCode: status);
        }
        catch (ArgumentOutOfRangeException error)
        {
            return TypedResults.Problem(detail: "choice: " + error.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound);
}
