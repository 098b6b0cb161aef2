using Modelwatch.Core.News;
using Modelwatch.News.Feeds.Json;
using Modelwatch.News.Feeds.Xml;

namespace Modelwatch.News.Feeds;

/// <summary>
/// Reads any feed a news source gives — RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.x, Hacker News Algolia JSON —
/// from its bytes: decoded robustly, ill-formed XML salvaged, links made absolute, HTML sanitised. Throws
/// <see cref="FeedReadException"/> only when nothing can be recovered.
/// </summary>
public static class FeedReader
{
    /// <param name="bytes">The body as fetched.</param>
    /// <param name="address">Where it came from: the base for relative links and the name used in errors.</param>
    /// <param name="contentType">The HTTP Content-Type, whose charset wins over the document's own declaration.</param>
    public static FeedDocument Read(byte[] bytes, Uri? address, string? contentType = null) =>
        Read(bytes, address, contentType, address?.ToString() ?? "the feed");

    /// <summary>As <see cref="Read(byte[], Uri?, string?)"/>, naming the source (e.g. a file) in errors.</summary>
    public static FeedDocument Read(byte[] bytes, Uri? address, string? contentType, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
        {
            throw new FeedReadException($"{sourceName}: the body is gzip-compressed bytes; expected a decompressed feed (the HTTP client must decompress Content-Encoding: gzip).");
        }

        var decoded = FeedDecoder.Decode(bytes, EncodingLabels.CharsetOf(contentType));
        var text = decoded.Text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n', '\v', '\f', '\0');
        if (text.Length == 0)
        {
            throw new FeedReadException($"{sourceName}: the document is empty; expected an RSS, Atom or JSON feed.");
        }

        if (LooksLikeHtml(text))
        {
            throw new FeedReadException($"{sourceName}: line 1: this is an HTML page, not a feed; expected <rss>, <rdf:RDF>, <feed> or a JSON Feed (the site may link its feed from this page).");
        }

        var context = new ReadContext(address, [.. decoded.Problems]);
        return text[0] is '{' or '['
            ? JsonFeedDispatch.Read(text, decoded.Encoding, context, sourceName)
            : ReadXml(text, decoded.Encoding, context, sourceName);
    }

    private static bool LooksLikeHtml(string text) =>
        text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase);

    private static FeedDocument ReadXml(string text, string encoding, ReadContext context, string sourceName)
    {
        var loaded = LenientXml.Load(text, context.Problems);
        if (loaded.Root is not { } root)
        {
            throw new FeedReadException($"{sourceName}: {loaded.Failure}; expected an XML feed (<rss>, <rdf:RDF> or <feed>).");
        }

        var (format, title, siteLink, language, entries) = root.Name.LocalName switch
        {
            "rss" or "RDF" => RssReader.Read(root, context),
            "feed" => AtomReader.Read(root, context),
            _ => throw new FeedReadException($"{sourceName}: {XmlFeedElements.Where(root)}: the root element is <{root.Name.LocalName}>; expected <rss>, <rdf:RDF> or <feed>."),
        };

        if (loaded.CutShort && entries.Count == 0 && title is null)
        {
            var problems = string.Join("; ", context.Problems.Select(p => $"{p.Where}: {p.Message}"));
            throw new FeedReadException($"{sourceName}: not well-formed and nothing could be recovered (no title, no complete item): {problems}");
        }

        return new FeedDocument(format, title, siteLink, language, entries, context.Problems, encoding, loaded.Recovered);
    }
}
