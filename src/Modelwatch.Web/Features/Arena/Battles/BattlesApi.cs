using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Arena;
using Modelwatch.Data;
using Modelwatch.Data.Arena;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Arena.Fairness;
using Modelwatch.Web.Features.Arena.Providers;

namespace Modelwatch.Web.Features.Arena.Battles;

/// <summary>
/// The battle API: start a battle, stream its turns (server-sent events), vote and see the reveal, continue, read a
/// battle. Writes need Member and have their own per-voter rate limit (<see cref="BattlesSetup.RateLimitPolicy"/>).
/// </summary>
public static class BattlesApi
{
    public static RouteGroupBuilder MapArenaBattlesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/arena/battles", CreateAsync)
            .RequireAuthorization(Policies.Member).RequireRateLimiting(BattlesSetup.RateLimitPolicy)
            .WithName("StartArenaBattle")
            .WithSummary("Starts a battle: blind (two models drawn) or named (a and b picked); both answers stream at once.");
        api.MapGet("/arena/battles/{id:guid}/turns/{turn:int}/stream", StreamAsync)
            .WithName("StreamArenaTurn")
            .WithSummary("Server-sent events of a turn: delta and html per side, done per side, then end. A finished turn replays from the database.");
        api.MapPost("/arena/battles/{id:guid}/votes", VoteAsync)
            .RequireAuthorization(Policies.Member).RequireRateLimiting(BattlesSetup.RateLimitPolicy)
            .WithName("VoteArenaBattle")
            .WithSummary("Votes on a turn (a, b, tie, bothbad) and reveals both models.");
        api.MapPost("/arena/battles/{id:guid}/turns", ContinueAsync)
            .RequireAuthorization(Policies.Member).RequireRateLimiting(BattlesSetup.RateLimitPolicy)
            .WithName("ContinueArenaBattle")
            .WithSummary("Sends another prompt in the same battle; each side sees its own earlier answers.");
        api.MapGet("/arena/battles/{id:guid}", GetAsync)
            .WithName("GetArenaBattle")
            .WithSummary("A battle: mode, status, turns with prompts and answers, votes; the models' names once revealed.");
        return api;
    }

    /// <summary>Body of <c>POST /api/arena/battles</c>.</summary>
    public sealed record CreateBody(string? Prompt, string? Mode, int? A, int? B, IReadOnlyList<string>? Images);

    /// <summary>Answer of <c>POST /api/arena/battles</c>.</summary>
    public sealed record Created(Guid Id, string Mode, int Turn, string Stream);

    /// <summary>Body of <c>POST /api/arena/battles/{id}/turns</c>.</summary>
    public sealed record ContinueBody(string? Prompt);

    /// <summary>Answer of <c>POST /api/arena/battles/{id}/turns</c>.</summary>
    public sealed record TurnCreated(int Turn, string Stream);

    /// <summary>Body of <c>POST /api/arena/battles/{id}/votes</c>.</summary>
    public sealed record VoteBody(int? Turn, string? Choice);

    /// <summary>One side revealed.</summary>
    public sealed record RevealSide(
        int ContestantId, string Provider, string Model, string BoardName, string? CatalogModelId, string? CatalogLink,
        string Outcome, string? Reason, int? TtftMs, double? TokensPerSecond, long? InputTokens, long OutputTokens, bool OutputTokensReported);

    /// <summary>Both sides revealed.</summary>
    public sealed record Reveal(RevealSide A, RevealSide B);

    /// <summary>Answer of a vote.</summary>
    public sealed record Voted(int VoteId, bool Counted, string Exclusion, Reveal Reveal);

    /// <summary>One side's answer in a battle read.</summary>
    public sealed record AnswerView(string Outcome, string? Reason, string Html, int? TtftMs, long OutputTokens);

    /// <summary>One turn in a battle read.</summary>
    public sealed record TurnView(int Number, string Prompt, AnswerView? A, AnswerView? B);

    /// <summary>One vote in a battle read.</summary>
    public sealed record VoteView(int Turn, string Choice, bool Counted, string Exclusion);

    /// <summary>A contestant's name in a battle read (revealed battles only).</summary>
    public sealed record NameView(int ContestantId, string Provider, string Model, string BoardName, string? CatalogModelId);

    /// <summary>Answer of <c>GET /api/arena/battles/{id}</c>.</summary>
    public sealed record BattleView(Guid Id, string Mode, string Status, bool Revealed, IReadOnlyList<string> Categories, IReadOnlyList<TurnView> Turns, IReadOnlyList<VoteView> Votes, NameView? A, NameView? B);

    internal static async Task<Results<Created<Created>, ProblemHttpResult>> CreateAsync(CreateBody body, BattleService battles, HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var mode = (body.Mode ?? "blind").Trim().ToLowerInvariant();
        if (mode is not ("blind" or "named"))
        {
            return Problem(StatusCodes.Status400BadRequest, $"mode '{body.Mode}' is unknown: use blind or named.");
        }

        var voter = VoterIdentity.Of(context);
        try
        {
            var id = await battles.StartAsync(new BattleRequest(body.Prompt, mode == "named", body.A, body.B, body.Images), voter, ct).ConfigureAwait(false);
            return TypedResults.Created($"/api/arena/battles/{id}", new Created(id, mode, 1, StreamPath(id, 1)));
        }
        catch (BattleRequestException refused)
        {
            return Problem(refused.Status, refused.Message);
        }
    }

    internal static async Task<Results<Created<TurnCreated>, ProblemHttpResult>> ContinueAsync(Guid id, ContinueBody body, BattleService battles, HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            var turn = await battles.ContinueAsync(id, body.Prompt, VoterIdentity.Of(context), ct).ConfigureAwait(false);
            return TypedResults.Created($"/api/arena/battles/{id}", new TurnCreated(turn, StreamPath(id, turn)));
        }
        catch (BattleRequestException refused)
        {
            return Problem(refused.Status, refused.Message);
        }
    }

    internal static async Task<Results<ServerSentEventsResult<string>, ProblemHttpResult>> StreamAsync(
        Guid id, int turn, TurnBroadcaster broadcaster, IDbContextFactory<ModelwatchDbContext> contexts, CancellationToken ct)
    {
        var live = broadcaster.Subscribe(id, turn);
        if (live is null)
        {
            var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                if (!await db.ArenaTurns.AnyAsync(t => t.BattleId == id && t.Number == turn, ct).ConfigureAwait(false))
                {
                    return Problem(StatusCodes.Status404NotFound, $"Battle {id} has no turn {turn.ToString(CultureInfo.InvariantCulture)}.");
                }
            }
        }

        return TypedResults.ServerSentEvents(live is null ? ReplayAsync(id, turn, broadcaster, contexts, ct) : LiveAsync(live, ct));
    }

    private static async IAsyncEnumerable<SseItem<string>> LiveAsync(System.Threading.Channels.ChannelReader<BattleEvent> live, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var item in live.ReadAllAsync(ct).ConfigureAwait(false))
        {
            yield return new SseItem<string>(item.Data, item.Name);
        }
    }

    /// <summary>
    /// A turn not in this instance's memory: finished earlier, or streaming elsewhere (another instance). Waits for its
    /// answers to be stored, then sends done a, done b and end.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> ReplayAsync(Guid id, int turn, TurnBroadcaster broadcaster, IDbContextFactory<ModelwatchDbContext> contexts, [EnumeratorCancellation] CancellationToken ct)
    {
        List<ArenaAnswer> answers;
        while (true)
        {
            var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                answers = await db.ArenaAnswers.AsNoTracking().Where(a => a.BattleId == id && a.Turn == turn).OrderBy(a => a.Side).ToListAsync(ct).ConfigureAwait(false);
            }

            if (answers.Count >= 2)
            {
                break;
            }

            // Started here after all (between the check and now): follow it live.
            if (broadcaster.Subscribe(id, turn) is { } live)
            {
                await foreach (var item in LiveAsync(live, ct).ConfigureAwait(false))
                {
                    yield return item;
                }

                yield break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct).ConfigureAwait(false);
        }

        foreach (var answer in answers)
        {
            var side = answer.Side == BattleSide.A ? "a" : "b";
            yield return new SseItem<string>(JsonSerializer.Serialize(new DoneEvent(side, answer.Outcome.ToString(), AnswerHtml.Render(answer.Text)), BattleService.Json), "done");
        }

        var status = answers.All(a => a.Outcome == AnswerOutcome.Completed) ? BattleStatus.Answered : BattleStatus.Failed;
        yield return new SseItem<string>(JsonSerializer.Serialize(new EndEvent(status.ToString()), BattleService.Json), "end");
    }

    internal static async Task<Results<Ok<Voted>, ProblemHttpResult>> VoteAsync(
        Guid id, VoteBody body, ArenaVoteRecorder recorder, ArenaContestants contestants, IDbContextFactory<ModelwatchDbContext> contexts, HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(context);
        ArenaChoice? choice = body.Choice?.Trim().ToLowerInvariant() switch
        {
            "a" => ArenaChoice.A,
            "b" => ArenaChoice.B,
            "tie" => ArenaChoice.Tie,
            "bothbad" => ArenaChoice.BothBad,
            _ => null,
        };
        if (choice is null)
        {
            return Problem(StatusCodes.Status400BadRequest, $"choice '{body.Choice}' is unknown: use a, b, tie or bothbad.");
        }

        if (body.Turn is not ({ } turn and >= 1))
        {
            return Problem(StatusCodes.Status400BadRequest, "turn is missing or below 1: give the number of the turn voted on (from 1).");
        }

        VoteRecorded recorded;
        try
        {
            recorded = await recorder.RecordAsync(id, turn, choice.Value, VoterIdentity.Of(context), ct).ConfigureAwait(false);
        }
        catch (VoteRefusedException refused)
        {
            if (refused.RetryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            return Problem(refused.Refusal switch
            {
                VoteRefusal.BattleNotFound => StatusCodes.Status404NotFound,
                VoteRefusal.RateLimited => StatusCodes.Status429TooManyRequests,
                _ => StatusCodes.Status409Conflict,
            }, refused.Message);
        }

        var reveal = await RevealAsync(id, turn, contestants, contexts, ct).ConfigureAwait(false);
        return TypedResults.Ok(new Voted(recorded.VoteId, recorded.Counted, recorded.Exclusion.ToString(), reveal));
    }

    private static async Task<Reveal> RevealAsync(Guid id, int turn, ArenaContestants contestants, IDbContextFactory<ModelwatchDbContext> contexts, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var battle = await db.ArenaBattles.AsNoTracking().FirstAsync(b => b.Id == id, ct).ConfigureAwait(false);
            var answers = await db.ArenaAnswers.AsNoTracking().Where(a => a.BattleId == id && a.Turn == turn).ToListAsync(ct).ConfigureAwait(false);
            var a = await contestants.FindAsync(battle.ContestantA, ct).ConfigureAwait(false);
            var b = await contestants.FindAsync(battle.ContestantB, ct).ConfigureAwait(false);
            return new Reveal(Side(a, battle.ContestantA, answers.FirstOrDefault(x => x.Side == BattleSide.A)), Side(b, battle.ContestantB, answers.FirstOrDefault(x => x.Side == BattleSide.B)));
        }
    }

    private static RevealSide Side(ContestantInfo? contestant, int id, ArenaAnswer? answer) => new(
        id,
        contestant?.Provider ?? "?",
        contestant?.Model ?? "?",
        contestant?.BoardName ?? "?",
        contestant?.CatalogModelId,
        contestant?.CatalogModelId is { } catalog ? "/models/" + catalog : null,
        answer?.Outcome.ToString() ?? nameof(AnswerOutcome.Failed),
        answer?.Reason,
        answer?.TimeToFirstTokenMs,
        answer is null ? null : TokensPerSecond(answer),
        answer?.InputTokens,
        answer?.OutputTokens ?? 0,
        answer?.OutputTokensReported ?? false);

    /// <summary>Output tokens per second of generation (after the first token), as <see cref="Providers"/> measures it.</summary>
    internal static double? TokensPerSecond(ArenaAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.TimeToFirstTokenMs is not { } first || answer.OutputTokens == 0)
        {
            return null;
        }

        var seconds = (answer.DurationMs - first) / 1000.0;
        return seconds > 0 ? Math.Round(answer.OutputTokens / seconds, 1) : null;
    }

    internal static async Task<Results<Ok<BattleView>, ProblemHttpResult>> GetAsync(Guid id, ArenaContestants contestants, IDbContextFactory<ModelwatchDbContext> contexts, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var battle = await db.ArenaBattles.AsNoTracking().Include(b => b.Turns).Include(b => b.Answers).FirstOrDefaultAsync(b => b.Id == id, ct).ConfigureAwait(false);
            if (battle is null)
            {
                return Problem(StatusCodes.Status404NotFound, $"No battle {id}.");
            }

            var votes = await db.ArenaVotes.AsNoTracking().Where(v => v.BattleId == id).OrderBy(v => v.Turn).ToListAsync(ct).ConfigureAwait(false);
            var revealed = battle.RevealedAt is not null || battle.Mode == BattleMode.Named;
            NameView? Name(ContestantInfo? c) => revealed && c is not null ? new NameView(c.Id, c.Provider, c.Model, c.BoardName, c.CatalogModelId) : null;
            AnswerView? View(int turn, BattleSide side) => battle.Answers.FirstOrDefault(x => x.Turn == turn && x.Side == side) is { } x
                ? new AnswerView(x.Outcome.ToString(), x.Reason, AnswerHtml.Render(x.Text), x.TimeToFirstTokenMs, x.OutputTokens)
                : null;
            return TypedResults.Ok(new BattleView(
                battle.Id,
                battle.Mode == BattleMode.Named ? "named" : "blind",
                battle.Status.ToString(),
                revealed,
                battle.Categories,
                [.. battle.Turns.OrderBy(t => t.Number).Select(t => new TurnView(t.Number, t.Prompt, View(t.Number, BattleSide.A), View(t.Number, BattleSide.B)))],
                [.. votes.Select(v => new VoteView(v.Turn, v.Choice.ToString(), v.Counted, v.Exclusion.ToString()))],
                Name(revealed ? await contestants.FindAsync(battle.ContestantA, ct).ConfigureAwait(false) : null),
                Name(revealed ? await contestants.FindAsync(battle.ContestantB, ct).ConfigureAwait(false) : null)));
        }
    }

    private static string StreamPath(Guid id, int turn) => string.Create(CultureInfo.InvariantCulture, $"/api/arena/battles/{id}/turns/{turn}/stream");

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail: detail, statusCode: status);
}
