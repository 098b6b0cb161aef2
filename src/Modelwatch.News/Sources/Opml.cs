using System.Text;
using System.Xml;
using System.Xml.Linq;
using Modelwatch.Core.News;
using Modelwatch.News.Feeds;
using Modelwatch.News.Feeds.Cleaning;
using Modelwatch.News.Feeds.Xml;

namespace Modelwatch.News.Sources;

/// <summary>
/// OPML 1.0/2.0 subscription lists, read and written with their folders (outlines without xmlUrl that hold others),
/// nested to any depth. A folder path joins names with "/", so a folder whose own name holds "/" comes back nested.
/// </summary>
public static class Opml
{
    /// <summary>Reads an OPML file; throws <see cref="FeedReadException"/> (naming <paramref name="sourceName"/>) when it is not OPML.</summary>
    public static OpmlDocument Read(byte[] bytes, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var decoded = FeedDecoder.Decode(bytes, httpCharset: null);
        var problems = new List<FeedProblem>();
        var loaded = LenientXml.Load(decoded.Text.TrimStart('\uFEFF'), problems);
        if (loaded.Root is not { Name.LocalName: "opml" } root)
        {
            var found = loaded.Root is null ? loaded.Failure : $"{XmlFeedElements.Where(loaded.Root)}: the root element is <{loaded.Root.Name.LocalName}>";
            throw new FeedReadException($"{sourceName}: {found}; expected an OPML document (<opml> with <body> and <outline> elements).");
        }

        var body = root.Elements().FirstOrDefault(e => e.Name.LocalName == "body");
        if (body is null)
        {
            throw new FeedReadException($"{sourceName}: {XmlFeedElements.Where(root)}: <opml> has no <body>; expected the subscriptions as <outline> elements inside <body>.");
        }

        var title = XmlFeedElements.Text(root.Elements().FirstOrDefault(e => e.Name.LocalName == "head")?.Elements().FirstOrDefault(e => e.Name.LocalName == "title"));
        var feeds = new List<OpmlFeed>();
        var skipped = new List<FeedProblem>();
        Collect(body, folder: null, feeds, skipped);
        return new OpmlDocument(title, feeds) { Skipped = skipped };
    }

    private static void Collect(XElement parent, string? folder, List<OpmlFeed> feeds, List<FeedProblem> skipped)
    {
        foreach (var outline in parent.Elements().Where(e => e.Name.LocalName == "outline"))
        {
            var name = FeedHtml.CollapseWhitespace(Attribute(outline, "title")) ?? FeedHtml.CollapseWhitespace(Attribute(outline, "text"));
            var xmlUrl = Attribute(outline, "xmlUrl");
            if (xmlUrl is null)
            {
                var path = name is null ? folder : folder is null ? name : $"{folder}/{name}";
                Collect(outline, path, feeds, skipped);
                continue;
            }

            if (FeedLinks.Resolve(xmlUrl, null) is not { } address)
            {
                skipped.Add(new FeedProblem(XmlFeedElements.Where(outline), $"xmlUrl \"{xmlUrl}\" is not an absolute http(s) address; outline skipped."));
                continue;
            }

            feeds.Add(new OpmlFeed(name ?? address.AbsoluteUri, address, FeedLinks.Resolve(Attribute(outline, "htmlUrl"), address), folder));
        }
    }

    /// <summary>OPML attribute names are case-insensitive in practice (xmlUrl, xmlurl, XMLURL all occur).</summary>
    private static string? Attribute(XElement outline, string name) =>
        outline.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value is { } value
            && value.Trim().Length > 0
            ? value.Trim()
            : null;

    /// <summary>
    /// Writes OPML 2.0: folders as nested outlines, in the order they first occur; each folder's feeds keep their order.
    /// Reading the result gives the same feeds back when they were grouped by folder (as <see cref="Read"/> returns them).
    /// </summary>
    public static string Write(string? title, IEnumerable<OpmlFeed> feeds)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        var body = new XElement("body");
        var folders = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var feed in feeds)
        {
            var outline = new XElement("outline", new XAttribute("type", "rss"), new XAttribute("text", feed.Title), new XAttribute("title", feed.Title), new XAttribute("xmlUrl", feed.XmlUrl.OriginalString));
            if (feed.HtmlUrl is not null)
            {
                outline.Add(new XAttribute("htmlUrl", feed.HtmlUrl.OriginalString));
            }

            FolderElement(body, feed.Folder, folders).Add(outline);
        }

        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("opml", new XAttribute("version", "2.0"), new XElement("head", new XElement("title", title ?? "Modelwatch news sources")), body));
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(new StringWriterUtf8(builder), new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n" }))
        {
            document.Save(writer);
        }

        return builder.Append('\n').ToString();
    }

    private static XElement FolderElement(XElement body, string? folder, Dictionary<string, XElement> folders)
    {
        if (string.IsNullOrEmpty(folder))
        {
            return body;
        }

        if (folders.TryGetValue(folder, out var existing))
        {
            return existing;
        }

        var slash = folder.LastIndexOf('/');
        var parent = FolderElement(body, slash < 0 ? null : folder[..slash], folders);
        var name = slash < 0 ? folder : folder[(slash + 1)..];
        var element = new XElement("outline", new XAttribute("text", name), new XAttribute("title", name));
        parent.Add(element);
        folders[folder] = element;
        return element;
    }

    /// <summary>A StringWriter that reports UTF-8, so the declaration says what the text will be saved as.</summary>
    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, System.Globalization.CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
