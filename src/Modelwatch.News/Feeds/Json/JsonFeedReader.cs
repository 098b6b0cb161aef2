using System.Text.Json;
using Modelwatch.Core.News;
using Modelwatch.News.Feeds.Cleaning;
using static Modelwatch.News.Feeds.Json.JsonValues;

namespace Modelwatch.News.Feeds.Json;

/// <summary>JSON Feed 1.0 and 1.1 (jsonfeed.org): items with url/external_url, content_html/content_text, author(s), tags.</summary>
internal static class JsonFeedReader
{
    public static (FeedFormat Format, string? Title, Uri? SiteLink, string? Language, List<FeedEntry> Entries) Read(JsonElement root, ReadContext context, string sourceName)
    {
        var version = String(root, "version");
        var format = version?.EndsWith("/1.1", StringComparison.Ordinal) == true ? FeedFormat.JsonFeed11 : FeedFormat.JsonFeed10;
        if (version is null)
        {
            context.Problems.Add(new FeedProblem("$.version", "missing; read as JSON Feed 1.0."));
        }

        if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new FeedReadException($"{sourceName}: $.items is missing or not an array; expected a JSON Feed (jsonfeed.org) or an Algolia response with hits[].");
        }

        var feedBase = FeedLinks.Resolve(String(root, "feed_url"), context.Address) ?? context.Address;
        var siteLink = FeedLinks.Resolve(String(root, "home_page_url"), feedBase);
        var language = String(root, "language");
        var feedAuthor = AuthorName(root);
        var entries = new List<FeedEntry>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var where = $"$.items[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                context.Problems.Add(new FeedProblem(where, $"is a JSON {item.ValueKind.ToString().ToLowerInvariant()}; expected an object; skipped."));
                continue;
            }

            if (FeedEntries.Create(context, where, ReadItem(item, where, feedBase, feedAuthor, language, context)) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return (format, FeedHtml.CollapseWhitespace(String(root, "title")), siteLink, language, entries);
    }

    private static FeedEntryParts ReadItem(JsonElement item, string where, Uri? feedBase, string? feedAuthor, string? language, ReadContext context)
    {
        var contentHtml = String(item, "content_html");
        var contentText = String(item, "content_text");
        return new FeedEntryParts
        {
            Id = item.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number ? id.ToString() : null,
            Title = FeedHtml.CollapseWhitespace(String(item, "title")),
            Link = FeedLinks.Resolve(String(item, "url"), feedBase) ?? FeedLinks.Resolve(String(item, "external_url"), feedBase),
            Author = AuthorName(item) ?? feedAuthor,
            Published = context.Date(String(item, "date_published"), where + ".date_published"),
            Updated = context.Date(String(item, "date_modified"), where + ".date_modified"),
            Summary = FeedHtml.CollapseWhitespace(String(item, "summary")) ?? FeedHtml.ToPlainText(contentHtml) ?? FeedHtml.CollapseWhitespace(contentText),
            ContentHtml = FeedHtml.Sanitize(contentHtml, feedBase),
            Categories = Array(item, "tags").Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!.Trim())
                .Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            Language = String(item, "language") ?? language,
        };
    }

    /// <summary>JSON Feed 1.1 <c>authors[]</c>, or 1.0 <c>author</c>.</summary>
    private static string? AuthorName(JsonElement parent) =>
        Array(parent, "authors").Select(a => String(a, "name")).FirstOrDefault(n => n is not null)
        ?? (Object(parent, "author") is { } author ? String(author, "name") : null);
}
