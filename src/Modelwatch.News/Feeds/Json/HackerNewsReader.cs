using System.Globalization;
using System.Text.Json;
using Modelwatch.Core.News;
using Modelwatch.News.Feeds.Cleaning;
using static Modelwatch.News.Feeds.Json.JsonValues;

namespace Modelwatch.News.Feeds.Json;

/// <summary>
/// A Hacker News search response from the Algolia API (hn.algolia.com/api/v1/search_by_date): each hit is a story.
/// The entry links to the story's outbound URL (the HN item for Ask/Show HN text posts) and keeps the discussion,
/// points and comment count beside it.
/// </summary>
internal static class HackerNewsReader
{
    private const string ItemAddress = "https://news.ycombinator.com/item?id=";

    public static (FeedFormat Format, string? Title, Uri? SiteLink, string? Language, List<FeedEntry> Entries) Read(JsonElement root, ReadContext context)
    {
        var entries = new List<FeedEntry>();
        var index = 0;
        foreach (var hit in Array(root, "hits"))
        {
            var where = $"$.hits[{index++}]";
            var objectId = hit.ValueKind == JsonValueKind.Object && hit.TryGetProperty("objectID", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? id.ToString()
                : null;
            if (objectId is null)
            {
                context.Problems.Add(new FeedProblem(where, "has no objectID; expected an Algolia hit; skipped."));
                continue;
            }

            if (FeedEntries.Create(context, where, ReadHit(hit, objectId, where, context)) is { } entry)
            {
                entries.Add(entry);
            }
        }

        var query = String(root, "query");
        var title = query is null ? "Hacker News" : $"Hacker News: {query}";
        return (FeedFormat.HackerNewsAlgolia, title, new Uri("https://news.ycombinator.com/"), "en", entries);
    }

    private static FeedEntryParts ReadHit(JsonElement hit, string objectId, string where, ReadContext context)
    {
        var discussion = new Uri(ItemAddress + Uri.EscapeDataString(objectId));
        var createdAt = context.Date(String(hit, "created_at"), where + ".created_at")
            ?? (Long(hit, "created_at_i") is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null);
        var storyText = String(hit, "story_text");
        return new FeedEntryParts
        {
            Id = objectId,
            Title = FeedHtml.ToPlainText(String(hit, "title") ?? String(hit, "story_title")),
            Link = FeedLinks.Resolve(String(hit, "url") ?? String(hit, "story_url"), null) ?? discussion,
            Author = String(hit, "author"),
            Published = createdAt,
            Updated = Long(hit, "updated_at_i") is { } updated ? DateTimeOffset.FromUnixTimeSeconds(updated) : null,
            Summary = FeedHtml.ToPlainText(storyText),
            ContentHtml = FeedHtml.Sanitize(storyText, discussion),
            Categories = Array(hit, "_tags").Where(t => t.ValueKind == JsonValueKind.String)
                .Select(t => t.GetString()!).Where(t => !t.StartsWith("author_", StringComparison.Ordinal) && !t.StartsWith("story_", StringComparison.Ordinal))
                .ToList(),
            Points = Integer(hit, "points"),
            Comments = Integer(hit, "num_comments"),
            CommentsLink = discussion,
        };
    }

    internal static string ItemLink(long id) => ItemAddress + id.ToString(CultureInfo.InvariantCulture);
}
