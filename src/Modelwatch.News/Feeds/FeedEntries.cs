using Modelwatch.Core.News;

namespace Modelwatch.News.Feeds;

/// <summary>Builds entries the same way for every format: a title always present, empty entries skipped.</summary>
internal static class FeedEntries
{
    private const int TitleFromSummaryLength = 100;

    /// <summary>The entry, or null (with a problem) when it has nothing to show: no title, link or text.</summary>
    public static FeedEntry? Create(ReadContext context, string where, FeedEntryParts parts)
    {
        var title = parts.Title ?? TitleFromSummary(parts.Summary) ?? parts.Link?.AbsoluteUri;
        if (title is null)
        {
            context.Problems.Add(new FeedProblem(where, "entry has no title, link or text; skipped."));
            return null;
        }

        return new FeedEntry(
            parts.Id,
            title,
            parts.Link,
            parts.Author,
            parts.Published,
            parts.Updated,
            parts.Summary,
            parts.ContentHtml,
            parts.Categories,
            parts.Language,
            parts.Points,
            parts.Comments,
            parts.CommentsLink is not null && parts.CommentsLink != parts.Link ? parts.CommentsLink : null);
    }

    private static string? TitleFromSummary(string? summary)
    {
        if (summary is null)
        {
            return null;
        }

        if (summary.Length <= TitleFromSummaryLength)
        {
            return summary;
        }

        var cut = summary.LastIndexOf(' ', TitleFromSummaryLength);
        return string.Concat(summary.AsSpan(0, cut > TitleFromSummaryLength / 2 ? cut : TitleFromSummaryLength), "…");
    }
}

/// <summary>An entry's fields as a format reader found them (plain text and sanitised HTML already).</summary>
internal sealed record FeedEntryParts
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    public Uri? Link { get; init; }

    public string? Author { get; init; }

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Updated { get; init; }

    public string? Summary { get; init; }

    public string? ContentHtml { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public string? Language { get; init; }

    public int? Points { get; init; }

    public int? Comments { get; init; }

    public Uri? CommentsLink { get; init; }
}
