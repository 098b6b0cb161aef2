using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Features.Published;

/// <summary><c>GET /api/published</c>: LMArena's published board of a category beside ours, as the published page shows it.</summary>
public static class PublishedApi
{
    public static RouteGroupBuilder MapPublishedApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/published", GetAsync)
            .WithName("GetPublished")
            .WithSummary("LMArena's published leaderboard of a category beside the board computed from our votes.");
        return api;
    }

    /// <summary>The published board of one category, paged, with the categories there are.</summary>
    public sealed record Response(string Category, DateOnly PublishedOn, IReadOnlyList<PublishedCategory> Categories, string? OurDataset, int? OurVotes, int Page, int PageSize, int Total, IReadOnlyList<PublishedComparisonRow> Rows);

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(
        PublishedBoards published,
        [Description("The category (default: full).")] string? category,
        [Description("1-based page number (default 1).")] int? page,
        [Description("Rows per page, 1–1000 (default 100).")] int? pageSize,
        CancellationToken ct)
    {
        if (PageRequest.TryCreate(page, pageSize, 100, out var paging) is { } invalid)
        {
            return invalid;
        }

        PublishedComparison? comparison;
        try
        {
            comparison = await published.GetAsync(category, ct);
        }
        catch (PublishedNotFoundException error)
        {
            return TypedResults.Problem(detail: error.Message, statusCode: StatusCodes.Status404NotFound, title: "No such category");
        }

        if (comparison is null)
        {
            return TypedResults.Problem(detail: "No published board is stored: import LMArena's leaderboard first (`modelwatch catalog import lmarena DIR`).", statusCode: StatusCodes.Status404NotFound, title: "Nothing published");
        }

        return TypedResults.Ok(new Response(
            comparison.Category.Category,
            comparison.Category.PublishedOn,
            comparison.Categories,
            comparison.Ours?.Dataset.Name,
            comparison.Ours?.Report.VotesUsed,
            paging.Number,
            paging.Size,
            comparison.Rows.Count,
            [.. paging.Of(comparison.Rows)]));
    }
}
