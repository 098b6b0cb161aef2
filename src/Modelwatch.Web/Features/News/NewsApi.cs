using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Modelwatch.Core.News;
using Modelwatch.Data;
using Modelwatch.Data.News.Store;
using Modelwatch.News.Sync;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Features.News;

/// <summary><c>/api/news/…</c>: stories, sources with their health, rules, OPML export and "sync now" with its progress.</summary>
public static class NewsApi
{
    public static RouteGroupBuilder MapNewsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var news = api.MapGroup("/news");
        news.MapGet("/stories", ListStoriesAsync).WithName("ListNewsStories")
            .WithSummary("Stories (items about the same thing across sources), most important first; filter by tag, muted ones on request.");
        news.MapGet("/stories/{id:long}", ShowStoryAsync).WithName("GetNewsStory")
            .WithSummary("One story: every item with its source and duplicate decision, and the catalog models and labs it mentions.");
        news.MapGet("/models/{**id}", ModelNewsAsync).WithName("GetModelNews").WithSummary("The latest items that mention a catalog model.");
        news.MapGet("/sources", async (NewsQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.SourcesAsync(ct)))
            .WithName("ListNewsSources").WithSummary("Every news source with its status, last error and latest fetches.");
        news.MapPost("/sources", AddSourceAsync).RequireAuthorization(Policies.Administrator).WithName("AddNewsSource")
            .WithSummary("Adds a source: a feed address, or a typed source (Arxiv, HackerNews, Reddit, GitHubReleases) and its parameter.");
        news.MapDelete("/sources/{id:int}", RemoveSourceAsync).RequireAuthorization(Policies.Administrator).WithName("RemoveNewsSource");
        news.MapGet("/sources/opml", ExportOpmlAsync).WithName("ExportNewsOpml").WithSummary("Every source as OPML 2.0, nested by folder.");
        news.MapGet("/rules", async (NewsQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.RulesAsync(ct))).WithName("ListNewsRules");
        news.MapGet("/sync", (NewsSyncRunner runner) => TypedResults.Ok(runner.State)).WithName("GetNewsSync").WithSummary("The current or last fetch run's progress.");
        news.MapPost("/sync", StartSync).RequireAuthorization(Policies.Administrator).WithName("StartNewsSync")
            .WithSummary("Fetches every enabled source now (or the ones listed); poll GET /api/news/sync for progress.");
        return api;
    }

    /// <summary>A source to add, as JSON.</summary>
    /// <param name="Kind">The type (Feed, LabBlog, Arxiv, HackerNews, Reddit, GitHubReleases, Bridge).</param>
    /// <param name="Name">What to call it.</param>
    /// <param name="Url">A feed's address.</param>
    /// <param name="Parameter">A typed source's parameter.</param>
    /// <param name="Folder">The OPML folder ("AI/Labs").</param>
    /// <param name="MinPoints">Hacker News points threshold.</param>
    public sealed record AddSourceRequest(NewsSourceKind Kind, string? Name, string? Url, string? Parameter, string? Folder, int? MinPoints);

    /// <summary>Which sources a sync fetches; none listed: every enabled one.</summary>
    public sealed record SyncRequest(IReadOnlyList<int>? SourceIds);

    internal static async Task<Results<Ok<StoryListPage>, ProblemHttpResult>> ListStoriesAsync(NewsQueries queries, string? tag, bool? muted, int? page, int? pageSize, CancellationToken ct)
    {
        if (PageRequest.TryCreate(page, pageSize, 50, out var paging) is { } invalid)
        {
            return invalid;
        }

        if (!NewsTagNames.TryParse(tag, out var tags))
        {
            return TypedResults.Problem(detail: $"tag: '{tag}' is not a tag; expected one of {string.Join(", ", NewsTagNames.All)}.", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await queries.StoriesAsync(tags, muted ?? false, paging.Number, paging.Size, ct));
    }

    internal static async Task<Results<Ok<StoryDetail>, ProblemHttpResult>> ShowStoryAsync(NewsQueries queries, long id, CancellationToken ct) =>
        await queries.StoryAsync(id, ct) is { } story
            ? TypedResults.Ok(story)
            : TypedResults.Problem(detail: $"There is no story {id}.", statusCode: StatusCodes.Status404NotFound);

    internal static async Task<Ok<List<StoryItem>>> ModelNewsAsync(NewsQueries queries, string id, CancellationToken ct) =>
        TypedResults.Ok(await queries.ModelNewsAsync(id, 50, ct));

    internal static async Task<Results<Created<SourceAdded>, ProblemHttpResult>> AddSourceAsync([FromBody] AddSourceRequest request, ModelwatchDbContext db, TimeProvider time, CancellationToken ct)
    {
        try
        {
            var input = NewsSourceRequests.ToInput(request.Kind, request.Name, NewsSourceRequests.IsTyped(request.Kind) ? request.Parameter : request.Url, request.Folder, request.MinPoints);
            var added = await new NewsSourceStore(db, time).AddAsync([input], ct);
            if (added.Added.Count == 0)
            {
                return TypedResults.Problem(detail: $"url: {input.Url} is already a source.", statusCode: StatusCodes.Status409Conflict);
            }

            var source = added.Added[0];
            return TypedResults.Created($"/api/news/sources/{source.Id}", new SourceAdded(source.Id, source.Name, source.Url));
        }
        catch (ArgumentException error)
        {
            return TypedResults.Problem(detail: error.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The source just added.</summary>
    public sealed record SourceAdded(int Id, string Name, string Url);

    internal static async Task<Results<NoContent, NotFound>> RemoveSourceAsync(int id, ModelwatchDbContext db, TimeProvider time, CancellationToken ct) =>
        await new NewsSourceStore(db, time).RemoveAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    internal static async Task<IResult> ExportOpmlAsync(ModelwatchDbContext db, CancellationToken ct)
    {
        var opml = await NewsOpmlImport.ExportAsync(db, "Modelwatch news sources", ct);
        return TypedResults.Text(opml, "text/x-opml; charset=utf-8");
    }

    internal static Accepted<NewsSyncState> StartSync(NewsSyncRunner runner, [FromBody] SyncRequest? request) =>
        TypedResults.Accepted("/api/news/sync", runner.Start(request?.SourceIds is { Count: > 0 } ids ? ids : null));
}
