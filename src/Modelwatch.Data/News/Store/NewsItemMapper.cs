using Modelwatch.Core.News;

namespace Modelwatch.Data.News.Store;

/// <summary>A feed entry as a new item row: clipped to the columns, dated, not yet judged.</summary>
internal static class NewsItemMapper
{
    public static NewsItem ToItem(int sourceId, string key, FeedEntry entry, FeedDocument document, DateTimeOffset now) => new()
    {
        SourceId = sourceId,
        ItemKey = key,
        ExternalId = NewsKeys.Clip(entry.Id, NewsItem.MaxExternalIdLength),
        Title = NewsKeys.Clip(string.IsNullOrWhiteSpace(entry.Title) ? entry.Link?.AbsoluteUri ?? "—" : entry.Title, NewsItem.MaxTitleLength)!,
        Url = NewsKeys.FittingUrl(entry.Link, NewsItem.MaxUrlLength),
        TitleKey = "",
        Summary = entry.Summary,
        ContentHtml = entry.ContentHtml,
        Author = NewsKeys.Clip(entry.Author, NewsItem.MaxAuthorLength),
        Language = NewsKeys.Clip(entry.Language ?? document.Language, NewsItem.MaxLanguageLength),
        // An undated entry counts from when it was first seen; an entry dated in the future (clock skew, scheduled
        // posts) counts from now, so it cannot stay on top of every list.
        PublishedAt = Min(entry.Published ?? entry.Updated ?? now, now),
        FetchedAt = now,
        Points = entry.Points,
        Comments = entry.Comments,
        CommentsUrl = NewsKeys.FittingUrl(entry.CommentsLink, NewsItem.MaxUrlLength),
        Categories = entry.Categories.Count == 0 ? null : string.Join('\n', entry.Categories),
    };

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
