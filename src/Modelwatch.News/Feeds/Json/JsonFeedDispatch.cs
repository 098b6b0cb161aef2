using System.Text;
using System.Text.Json;
using Modelwatch.Core.News;

namespace Modelwatch.News.Feeds.Json;

/// <summary>JSON documents: a JSON Feed, or a Hacker News Algolia search response (it has <c>hits</c>); invalid JSON is salvaged.</summary>
internal static class JsonFeedDispatch
{
    public static FeedDocument Read(string text, string encoding, ReadContext context, string sourceName)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var recovered = false;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            var salvaged = JsonSalvage.Salvage(utf8);
            if (salvaged.Json is null)
            {
                throw new FeedReadException($"{sourceName}: invalid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}", ex);
            }

            document = JsonDocument.Parse(salvaged.Json);
            if (!HasEntries(document.RootElement))
            {
                document.Dispose();
                throw new FeedReadException($"{sourceName}: invalid JSON at {salvaged.Where}: {salvaged.Error} The document ends before its first item is complete; expected a whole JSON Feed (items[]) or Algolia response (hits[]), so nothing could be recovered.");
            }

            context.Problems.Add(new FeedProblem(salvaged.Where!, $"invalid JSON ({salvaged.Error}); kept the items complete before it."));
            recovered = true;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FeedReadException($"{sourceName}: $ is a JSON {root.ValueKind.ToString().ToLowerInvariant()}; expected an object (a JSON Feed or an Algolia search response).");
            }

            var (format, title, siteLink, language, entries) = root.TryGetProperty("hits", out _)
                ? HackerNewsReader.Read(root, context)
                : JsonFeedReader.Read(root, context, sourceName);
            return new FeedDocument(format, title, siteLink, language, entries, context.Problems, encoding, recovered);
        }
    }

    private static bool HasEntries(JsonElement root) =>
        (root.TryGetProperty("items", out var items) || root.TryGetProperty("hits", out items))
        && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > 0;
}
