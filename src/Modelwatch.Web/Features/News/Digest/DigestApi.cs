using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Modelwatch.Core.News;
using Modelwatch.Core.News.Digest;
using Modelwatch.Data.News;
using Modelwatch.News.Digest;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Features.News.Digest;

/// <summary>A digest as the API lists it.</summary>
public sealed record DigestSummaryView(long Id, string Title, string Language, string Status, DateTimeOffset From, DateTimeOffset To,
    int SourcesRead, int Items, int Stories, int DuplicatesMerged, string Tags, string SummarizedBy, DateTimeOffset? PublishedAt)
{
    public static DigestSummaryView Of(NewsDigest d) => new(d.Id, d.Title, d.Language, d.Status.ToString(), d.WindowStart, d.WindowEnd,
        d.SourcesRead, d.ItemsRead, d.Stories, d.DuplicatesMerged, d.Tags.ToString(), d.SummarizedBy, d.PublishedAt);
}

/// <summary>One page of published digests.</summary>
public sealed record DigestListView(IReadOnlyList<DigestSummaryView> Digests, int Total, int Page, int PageSize);

/// <summary>A request for a draft: the window (UTC instants) and the language.</summary>
public sealed record DigestRequest(DateTimeOffset From, DateTimeOffset To, string? Language);

/// <summary>
/// <c>/api/news/digests</c>: the archive (published digests, searchable, filterable by tag), one digest as JSON,
/// Markdown or e-mail HTML, the Atom feed, and drafting one for any window (members).
/// </summary>
public static class DigestApi
{
    public static RouteGroupBuilder MapNewsDigestApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var digests = api.MapGroup("/news/digests");
        digests.MapGet("", ListAsync).WithName("ListNewsDigests")
            .WithSummary("Published digests, newest window first; 'search' matches title, recap and keywords (tags, models, labs), 'tag' filters by theme.");
        digests.MapGet("/feed.atom", AtomAsync).WithName("NewsDigestFeed").WithSummary("The latest 50 published digests as an Atom feed.");
        digests.MapGet("/{id:long}", GetAsync).WithName("GetNewsDigest").WithSummary("One digest: header counts, recap, sections and bullets with their links.");
        digests.MapGet("/{id:long}/markdown", MarkdownAsync).WithName("GetNewsDigestMarkdown").WithSummary("One digest as Markdown.");
        digests.MapGet("/{id:long}/email", EmailAsync).WithName("GetNewsDigestEmail").WithSummary("One digest as a self-contained HTML document for e-mail.");
        digests.MapPost("", DraftAsync).WithName("DraftNewsDigest").RequireAuthorization(Policies.Member)
            .WithSummary("Builds a draft digest of any window (at most 31 days) in a language; 201 with its address.");
        return api;
    }

    internal static async Task<Results<Ok<DigestListView>, ProblemHttpResult>> ListAsync(
        DigestStore store, string? search, string? tag, int? page, int? pageSize, CancellationToken ct)
    {
        if (PageRequest.TryCreate(page, pageSize, 50, out var paging) is { } invalid)
        {
            return invalid;
        }

        if (!TryTag(tag, out var filter))
        {
            return TypedResults.Problem($"tag: '{tag}' is not a theme; expected one of {string.Join(", ", Themes)}.", statusCode: 400);
        }

        var archive = await store.ArchiveAsync(search, filter, paging.Number, paging.Size, ct);
        return TypedResults.Ok(new DigestListView([.. archive.Digests.Select(DigestSummaryView.Of)], archive.Total, archive.Page, archive.PageSize));
    }

    internal static async Task<Results<Ok<DigestView>, NotFound>> GetAsync(DigestStore store, long id, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } d ? TypedResults.Ok(new DigestView(DigestSummaryView.Of(d.Row), d.Row.Recap, d.Row.RecapEdited, d.Document)) : TypedResults.NotFound();

    internal static async Task<Results<ContentHttpResult, NotFound>> MarkdownAsync(DigestStore store, long id, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } d ? TypedResults.Text(d.Markdown, "text/markdown; charset=utf-8", Encoding.UTF8) : TypedResults.NotFound();

    internal static async Task<Results<ContentHttpResult, NotFound>> EmailAsync(DigestStore store, long id, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } d ? TypedResults.Text(DigestHtml.Write(d.Document, d.Row.Recap), "text/html; charset=utf-8", Encoding.UTF8) : TypedResults.NotFound();

    internal static async Task<ContentHttpResult> AtomAsync(DigestStore store, HttpRequest request, TimeProvider time, CancellationToken ct)
    {
        var page = await store.ArchiveAsync(null, NewsTags.None, 1, 50, ct);
        var stored = new List<StoredDigest>();
        foreach (var row in page.Digests)
        {
            stored.Add(new StoredDigest(row, DigestJson.Deserialize(row.ContentJson, row.Id)));
        }

        var site = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        return TypedResults.Text(DigestAtom.Write(stored, site, time.GetUtcNow()), DigestAtom.ContentType, Encoding.UTF8);
    }

    internal static async Task<Results<Created<DigestSummaryView>, ProblemHttpResult>> DraftAsync(
        DigestRequest body, DigestService service, DigestStore store, CancellationToken ct)
    {
        var language = string.IsNullOrWhiteSpace(body.Language) ? "en" : body.Language.Trim();
        if (DigestService.Check(body.From, body.To, language) is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: 400);
        }

        var id = await service.DraftAsync(new DigestWindow(body.From, body.To), language, ct);
        var stored = await store.GetAsync(id, ct);
        return TypedResults.Created($"/api/news/digests/{id}", DigestSummaryView.Of(stored!.Row));
    }

    /// <summary>The theme names the API and pages accept (lower case), e.g. "release", "paper".</summary>
    public static IReadOnlyList<string> Themes { get; } =
        [.. DigestComposer.ThemeOrder.Where(t => t != NewsTags.None).Select(t => t.ToString().ToLowerInvariant())];

    /// <summary>Reads a theme name (any case); empty is no filter.</summary>
    public static bool TryTag(string? text, out NewsTags tag)
    {
        tag = NewsTags.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        return Enum.TryParse(text.Trim(), ignoreCase: true, out tag) && tag != NewsTags.None && DigestComposer.ThemeOrder.Contains(tag);
    }
}

/// <summary>One digest with its content.</summary>
public sealed record DigestView(DigestSummaryView Digest, string Recap, bool RecapEdited, DigestDocument Content);
