using System.Xml.Linq;
using Modelwatch.Core.News;
using Modelwatch.News.Feeds.Cleaning;
using static Modelwatch.News.Feeds.Xml.XmlFeedElements;

namespace Modelwatch.News.Feeds.Xml;

/// <summary>
/// Atom 1.0 and its predecessor 0.3 (issued/modified, mode="escaped"). Text constructs are read by their type
/// (text, html, xhtml); links resolve against xml:base then the feed's address, so relative hrefs become absolute.
/// </summary>
internal static class AtomReader
{
    public static (FeedFormat Format, string? Title, Uri? SiteLink, string? Language, List<FeedEntry> Entries) Read(XElement feed, ReadContext context)
    {
        var format = feed.Name.NamespaceName == FeedNamespaces.Atom03 ? FeedFormat.Atom03 : FeedFormat.Atom10;
        if (feed.Name.NamespaceName.Length == 0)
        {
            context.Problems.Add(new FeedProblem(Where(feed), "<feed> without the Atom namespace; read as Atom 1.0."));
        }

        var ns = feed.Name.NamespaceName;
        var feedAuthor = AuthorName(feed, ns);
        var language = LanguageOf(feed);
        var entries = new List<FeedEntry>();
        foreach (var entry in Children(feed, "entry", ns))
        {
            if (FeedEntries.Create(context, Where(entry), ReadEntry(entry, ns, feedAuthor, language, context)) is { } read)
            {
                entries.Add(read);
            }
        }

        var title = TextConstruct(Child(feed, "title", ns)).Plain;
        return (format, title, Alternate(feed, ns, context.Address), language, entries);
    }

    private static FeedEntryParts ReadEntry(XElement entry, string ns, string? feedAuthor, string? feedLanguage, ReadContext context)
    {
        var where = Where(entry);
        var summary = TextConstruct(Child(entry, "summary", ns));
        var contentElement = Child(entry, "content", ns);
        var content = TextConstruct(contentElement);
        return new FeedEntryParts
        {
            Id = Text(Child(entry, "id", ns)),
            Title = TextConstruct(Child(entry, "title", ns)).Plain,
            Link = Alternate(entry, ns, context.Address),
            Author = AuthorName(entry, ns) ?? feedAuthor,
            Published = context.Date(Text(Child(entry, "published", ns)) ?? Text(Child(entry, "issued", ns)) ?? Text(Child(entry, "created", ns)), where),
            Updated = context.Date(Text(Child(entry, "updated", ns)) ?? Text(Child(entry, "modified", ns)), where),
            Summary = summary.Plain ?? content.Plain,
            ContentHtml = FeedHtml.Sanitize(content.Html ?? summary.Html, BaseOf(content.Html is not null ? contentElement : Child(entry, "summary", ns), context.Address)),
            Categories = Children(entry, "category", ns)
                .Select(c => c.Attribute("term")?.Value ?? c.Attribute("label")?.Value)
                .OfType<string>().Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            Language = LanguageOf(entry) ?? feedLanguage,
        };
    }

    /// <summary>The rel="alternate" link (a link without rel is alternate), resolved.</summary>
    private static Uri? Alternate(XElement parent, string ns, Uri? address)
    {
        var links = Children(parent, "link", ns).ToList();
        var alternate = links.FirstOrDefault(l => (l.Attribute("rel")?.Value ?? "alternate") == "alternate" && IsHtml(l))
            ?? links.FirstOrDefault(l => (l.Attribute("rel")?.Value ?? "alternate") == "alternate");
        return alternate is null ? null : FeedLinks.Resolve(alternate.Attribute("href")?.Value, BaseOf(alternate, address));
    }

    private static bool IsHtml(XElement link) => link.Attribute("type")?.Value is not { } type || type.Contains("html", StringComparison.OrdinalIgnoreCase);

    private static string? AuthorName(XElement parent, string ns) =>
        FeedHtml.CollapseWhitespace(Text(Child(Child(parent, "author", ns), "name", ns)));

    /// <summary>An Atom text construct as HTML (null for plain text) and as plain text.</summary>
    private static (string? Html, string? Plain) TextConstruct(XElement? element)
    {
        if (element is null)
        {
            return (null, null);
        }

        var type = element.Attribute("type")?.Value ?? "text";
        var mode = element.Attribute("mode")?.Value;
        if (type == "xhtml" || mode == "xml" || type == "application/xhtml+xml")
        {
            var inner = element.Elements().FirstOrDefault() is { Name.LocalName: "div" } div ? div : element;
            var html = string.Concat(inner.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
            return (html, FeedHtml.ToPlainText(html));
        }

        if (type is "html" or "text/html" || mode == "escaped")
        {
            var html = element.Value;
            return (html, FeedHtml.ToPlainText(html));
        }

        return (null, FeedHtml.CollapseWhitespace(element.Value));
    }
}
