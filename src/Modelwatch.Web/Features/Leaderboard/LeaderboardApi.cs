using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Modelwatch.Core.Catalog;
using Modelwatch.Core.Leaderboards;
using Modelwatch.Core.Votes;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Features.Leaderboard;

/// <summary><c>GET /api/leaderboard</c>: the leaderboard page's rows and filters as JSON.</summary>
public static class LeaderboardApi
{
    public static RouteGroupBuilder MapLeaderboardApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/leaderboard", GetAsync)
            .WithName("GetLeaderboard")
            .WithSummary("The leaderboard computed from the votes in the database, filtered, sorted and paged.");
        return api;
    }

    /// <summary>One row of the JSON leaderboard.</summary>
    public sealed record Row(int Rank, string Model, double Rating, double Lower, double Upper, long Votes, double WinRate, string? ModelId, string? Name, string? Organisation, LicenceClass? Licence, int? ContextWindow, decimal? InputPerMillion, decimal? OutputPerMillion);

    /// <summary>A page of rows with what the board was computed from.</summary>
    public sealed record Response(string Dataset, string Category, bool StyleControl, IReadOnlyList<string> Categories, int VotesRead, int VotesUsed, int TotalModels, int Matching, int Page, int PageSize, int Total, IReadOnlyList<Row> Rows, IReadOnlyList<Modelwatch.Core.Votes.CleaningStep> Cleaning, SolverSummary? Solver, IReadOnlyList<string> Warnings, string Reproduce, string Export);

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(
        LeaderboardService boards,
        ArenaModelLinks links,
        [Description("The vote dataset's name (default: the most recently imported).")] string? dataset,
        [Description("The category: full (default), no_tie, hard_6 or a category tag of the dataset.")] string? category,
        [Description("Style control: discount answer length and markdown (only for datasets with style features).")] bool? style,
        [Description("Only models whose weights can be downloaded (open weights or open source, per the catalog).")] bool? openWeights,
        [Description("Only this licence class: Proprietary, OpenWeights, OpenSource or Unknown.")] LicenceClass? licence,
        [Description("Only this organisation, as the catalog names it (case-insensitive).")] string? organisation,
        [Description("Part of the vote name, catalog name or organisation (case-insensitive).")] string? search,
        [Description("rating (default), rank, votes, name, organisation, context or price.")] string? sort,
        [Description("Reverse the sort's natural order.")] bool? descending,
        [Description("1-based page number (default 1).")] int? page,
        [Description("Rows per page, 1–1000 (default 100).")] int? pageSize,
        CancellationToken ct)
    {
        if (PageRequest.TryCreate(page, pageSize, 100, out var paging) is { } invalid)
        {
            return invalid;
        }

        ComputedBoard? board;
        try
        {
            board = await boards.GetAsync(new BoardQuery(dataset, category ?? VoteCategories.Full, style ?? false), ct);
        }
        catch (BoardNotFoundException error)
        {
            return TypedResults.Problem(detail: error.Message, statusCode: StatusCodes.Status404NotFound, title: "No such board");
        }

        if (board is null)
        {
            return TypedResults.Problem(detail: "The database holds no votes yet: import a votes file first (Sources page or `modelwatch import votes FILE`).", statusCode: StatusCodes.Status404NotFound, title: "No votes");
        }

        var cards = await links.ForVoteNamesAsync([.. board.Report.Entries.Select(e => e.Model)], ct);
        var filter = new LeaderboardFilter { OpenWeights = openWeights ?? false, Licence = licence, Organisation = organisation, Search = search, Sort = sort ?? "rating", Descending = descending ?? false };
        var view = LeaderboardView.Build(board, cards, filter);
        var rows = paging.Of(view.Rows).Select(r => new Row(
            r.Entry.Rank, r.Entry.Model, r.Entry.Rating, r.Entry.Lower, r.Entry.Upper, r.Entry.Votes, r.Entry.WinRate,
            r.Model?.ModelId, r.Model?.Name, r.Model?.Organisation, r.Model?.Licence, r.Model?.ContextWindow, r.Model?.InputPerMillion, r.Model?.OutputPerMillion)).ToList();
        var report = board.Report;
        return TypedResults.Ok(new Response(
            board.Dataset.Name, board.Query.Category, board.Query.StyleControl, board.Dataset.Categories, report.VotesRead, report.VotesUsed,
            view.TotalModels, view.Rows.Count, paging.Number, paging.Size, view.Rows.Count, rows, report.Cleaning, report.Solver, report.Warnings,
            board.ReproduceCommand, $"/api/votes/export?dataset={Uri.EscapeDataString(board.Dataset.Name)}&format=jsonl"));
    }
}
