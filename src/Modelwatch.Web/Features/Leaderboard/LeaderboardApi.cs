using Microsoft.AspNetCore.Http.HttpResults;
using Modelwatch.Core.Catalog;
using Modelwatch.Core.Votes;

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
    public sealed record Response(string Dataset, string Category, bool StyleControl, IReadOnlyList<string> Categories, int VotesUsed, int TotalModels, int Matching, int Page, int PageSize, IReadOnlyList<Row> Rows, string Reproduce);

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(
        LeaderboardService boards,
        ArenaModelLinks links,
        string? dataset,
        string? category,
        bool? style,
        bool? openWeights,
        LicenceClass? licence,
        string? organisation,
        string? search,
        string? sort,
        bool? descending,
        int? page,
        int? pageSize,
        CancellationToken ct)
    {
        var size = pageSize ?? 100;
        var number = page ?? 1;
        if (size is < 1 or > 1000 || number < 1)
        {
            return TypedResults.Problem(detail: "page must be ≥ 1 and pageSize between 1 and 1000.", statusCode: StatusCodes.Status400BadRequest);
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
        var rows = view.Rows.Skip((number - 1) * size).Take(size).Select(r => new Row(
            r.Entry.Rank, r.Entry.Model, r.Entry.Rating, r.Entry.Lower, r.Entry.Upper, r.Entry.Votes, r.Entry.WinRate,
            r.Model?.ModelId, r.Model?.Name, r.Model?.Organisation, r.Model?.Licence, r.Model?.ContextWindow, r.Model?.InputPerMillion, r.Model?.OutputPerMillion)).ToList();
        return TypedResults.Ok(new Response(board.Dataset.Name, board.Query.Category, board.Query.StyleControl, board.Dataset.Categories, board.Report.VotesUsed, view.TotalModels, view.Rows.Count, number, size, rows, board.ReproduceCommand));
    }
}
