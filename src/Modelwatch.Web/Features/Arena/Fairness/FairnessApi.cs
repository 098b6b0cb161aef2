using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Modelwatch.Core.Arena;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Features.Arena.Fairness;

/// <summary>The review of arena votes (Administrator): votes with their reasons, counts per reason, reinstate/exclude, outlier flags.</summary>
public static class FairnessApi
{
    /// <summary>A page of votes.</summary>
    public sealed record VotesPage(int Page, int PageSize, int Total, IReadOnlyList<ArenaVoteItem> Votes);

    /// <summary>What a review action did to a vote.</summary>
    public sealed record VoteChange(int Id, bool Counted, string Exclusion, bool Overridden, bool Changed);

    /// <summary>What excluding a voter did.</summary>
    public sealed record VoterExcluded(string Voter, int Excluded);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/arena").RequireAuthorization(Policies.Administrator);
        group.MapGet("/votes", ListAsync).WithSummary("Arena votes with their exclusion reason, newest first, paged.");
        group.MapGet("/exclusions", (ArenaVoteReview review, CancellationToken ct) => review.CountsAsync(ct))
            .WithSummary("How many arena votes count, how many are excluded per reason, how many an administrator overrode.");
        group.MapPost("/votes/{id:int}/reinstate", (int id, ArenaVoteReview review, CancellationToken ct) => ChangeAsync(id, true, review, ct))
            .WithSummary("Counts an excluded vote (idempotent).");
        group.MapPost("/votes/{id:int}/exclude", (int id, ArenaVoteReview review, CancellationToken ct) => ChangeAsync(id, false, review, ct))
            .WithSummary("Excludes a counted vote by hand (idempotent).");
        group.MapGet("/flags", async (bool? all, ArenaVoteReview review, CancellationToken ct) => TypedResults.Ok(await review.FlagsAsync(!(all ?? false), ct)))
            .WithSummary("Voters flagged as outliers (open ones; ?all=true for resolved ones too).");
        group.MapPost("/flags/scan", async (ArenaOutliers outliers, CancellationToken ct) => TypedResults.Ok(new { flagged = await outliers.ScanAllAsync(ct) }))
            .WithSummary("Scans every voter now.");
        group.MapPost("/flags/{voter}/exclude", ExcludeVoterAsync).WithSummary("Excludes all counted votes of a flagged voter (as OutlierVoter).");
        group.MapPost("/flags/{voter}/clear", async Task<Results<NoContent, ProblemHttpResult>> (string voter, ArenaVoteReview review, CancellationToken ct) =>
            await review.ClearFlagAsync(voter, ct)
                ? TypedResults.NoContent()
                : TypedResults.Problem(detail: $"Voter '{voter}' has no outlier flag; clear only a listed flag (GET /api/arena/flags).", statusCode: StatusCodes.Status404NotFound))
            .WithSummary("Clears a voter's flag; the votes stay as they are.");
        return api;
    }

    internal static async Task<Results<Ok<VotesPage>, ProblemHttpResult>> ListAsync(
        ArenaVoteReview review,
        [Description("Only this reason: None (counted by the rules), IdentityLeak, IdentityPrompt, ProviderFailure, DailyCap, RepeatedPrompt, OutlierVoter, NotBlind, Manual.")] string? exclusion,
        [Description("Only counted (true) or excluded (false) votes.")] bool? counted,
        [Description("1-based page number (default 1).")] int? page,
        [Description("Rows per page, 1–1000 (default 50).")] int? pageSize,
        CancellationToken ct)
    {
        if (PageRequest.TryCreate(page, pageSize, 50, out var paging) is { } invalid)
        {
            return invalid;
        }

        VoteExclusion? reason = null;
        if (!string.IsNullOrEmpty(exclusion))
        {
            if (!Enum.TryParse<VoteExclusion>(exclusion, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(exclusion, out _))
            {
                return TypedResults.Problem(detail: $"Unknown exclusion '{exclusion}'; use one of {string.Join(", ", Enum.GetNames<VoteExclusion>())}.", statusCode: StatusCodes.Status400BadRequest);
            }

            reason = parsed;
        }

        var (items, total) = await review.ListAsync(reason, counted, paging.Number, paging.Size, ct);
        return TypedResults.Ok(new VotesPage(paging.Number, paging.Size, total, items));
    }

    private static async Task<Results<Ok<VoteChange>, ProblemHttpResult>> ChangeAsync(int id, bool count, ArenaVoteReview review, CancellationToken ct)
    {
        var outcome = count ? await review.ReinstateAsync(id, ct) : await review.ExcludeAsync(id, ct);
        if (outcome == ReviewOutcome.NotFound)
        {
            return TypedResults.Problem(detail: $"No arena vote {id}; pick an id from GET /api/arena/votes.", statusCode: StatusCodes.Status404NotFound);
        }

        var (items, _) = await review.ListAsync(null, null, 1, 1, ct, id);
        var vote = items[0];
        return TypedResults.Ok(new VoteChange(vote.Id, vote.Counted, vote.Exclusion.ToString(), vote.Overridden, outcome == ReviewOutcome.Changed));
    }

    private static async Task<Results<Ok<VoterExcluded>, ProblemHttpResult>> ExcludeVoterAsync(string voter, ArenaVoteReview review, CancellationToken ct)
    {
        var excluded = await review.ExcludeVoterAsync(voter, ct);
        return excluded is { } n
            ? TypedResults.Ok(new VoterExcluded(voter, n))
            : TypedResults.Problem(detail: $"Voter '{voter}' has no outlier flag; exclude only a listed flag (GET /api/arena/flags).", statusCode: StatusCodes.Status404NotFound);
    }
}
