using System.Xml.Linq;
using Modelwatch.Core.News;
using Modelwatch.News.Feeds.Cleaning;
using static Modelwatch.News.Feeds.Xml.XmlFeedElements;

namespace Modelwatch.News.Feeds.Xml;

/// <summary>
/// RSS 0.90 / 0.91 / 0.92 / 2.0 and RSS 1.0 (RDF): items under the channel (RSS) or beside it (RDF), with the Dublin
/// Core, content and slash modules and arXiv's announcement descriptions.
/// </summary>
internal static class RssReader
{
    private static readonly string[] Dc = [FeedNamespaces.DublinCore];
    private static readonly string[] DcTerms = [FeedNamespaces.DublinCoreTerms];

    public static (FeedFormat Format, string? Title, Uri? SiteLink, string? Language, List<FeedEntry> Entries) Read(XElement root, ReadContext context)
    {
        var isRdf = root.Name.LocalName == "RDF";
        var channel = Child(root, "channel", RssCore);
        var format = isRdf ? RdfFormat(root, channel) : RssFormat(root);
        var items = Children(root, "item", RssCore).Concat(Children(channel, "item", RssCore)).ToList();
        var channelBase = BaseOf(channel ?? root, context.Address);
        var language = Text(Child(channel, "language", RssCore)) ?? Text(Child(channel, "language", Dc)) ?? LanguageOf(channel ?? root);
        var siteLink = FeedLinks.Resolve(Text(Child(channel, "link", RssCore)), channelBase);
        var title = FeedHtml.ToPlainText(Text(Child(channel, "title", RssCore)) ?? Text(Child(channel, "title", Dc)));
        if (channel is null && items.Count == 0)
        {
            context.Problems.Add(new FeedProblem(Where(root), "an RSS document without a <channel> or any <item>."));
        }

        var entries = new List<FeedEntry>(items.Count);
        foreach (var item in items)
        {
            if (FeedEntries.Create(context, Where(item), ReadItem(item, language, context)) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return (format, title, siteLink, language, entries);
    }

    private static FeedEntryParts ReadItem(XElement item, string? channelLanguage, ReadContext context)
    {
        var itemBase = BaseOf(item, context.Address);
        var guid = Child(item, "guid", RssCore);
        var guidText = Text(guid);
        var guidIsLink = guid?.Attribute("isPermaLink")?.Value is not { } permaLink || !permaLink.Equals("false", StringComparison.OrdinalIgnoreCase);
        var rdfAbout = item.Attribute(XName.Get("about", FeedNamespaces.Rdf))?.Value;
        var link = FeedLinks.Resolve(Text(Child(item, "link", RssCore)), itemBase)
            ?? AtomAlternate(item, context.Address)
            ?? (guidIsLink ? FeedLinks.Resolve(guidText, itemBase) : null)
            ?? FeedLinks.Resolve(rdfAbout, itemBase);

        var descriptionHtml = Text(Child(item, "description", RssCore));
        var encoded = Text(Child(item, "encoded", FeedNamespaces.Content));
        var description = FeedHtml.ToPlainText(descriptionHtml);
        var summary = ArxivAnnouncement.Abstract(description) ?? description ?? FeedHtml.ToPlainText(encoded);
        var contentHtml = encoded ?? (FeedHtml.HasMarkup(descriptionHtml) ? descriptionHtml : null);

        var where = Where(item);
        return new FeedEntryParts
        {
            Id = guidText ?? rdfAbout,
            Title = FeedHtml.ToPlainText(Text(Child(item, "title", RssCore)) ?? Text(Child(item, "title", Dc))),
            Link = link,
            Author = FeedHtml.CollapseWhitespace(Text(Child(item, "author", RssCore)) ?? Text(Child(item, "creator", Dc))),
            Published = context.Date(Text(Child(item, "pubDate", RssCore)) ?? Text(Child(item, "date", Dc)) ?? Text(Child(item, "issued", DcTerms)), where),
            Updated = context.Date(Text(Child(item, "updated", FeedNamespaces.Atom10)) ?? Text(Child(item, "modified", DcTerms)), where),
            Summary = summary,
            ContentHtml = FeedHtml.Sanitize(contentHtml, itemBase),
            Categories = Children(item, "category", RssCore).Concat(Children(item, "subject", Dc))
                .Select(Text).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            Language = Text(Child(item, "language", Dc)) ?? LanguageOf(item) ?? channelLanguage,
            Comments = Integer(Child(item, "comments", FeedNamespaces.Slash)),
            CommentsLink = FeedLinks.Resolve(Text(Child(item, "comments", RssCore)), itemBase),
        };
    }

    private static Uri? AtomAlternate(XElement item, Uri? address) =>
        Children(item, "link", FeedNamespaces.Atom10)
            .Where(l => (l.Attribute("rel")?.Value ?? "alternate") == "alternate")
            .Select(l => FeedLinks.Resolve(l.Attribute("href")?.Value, BaseOf(l, address)))
            .FirstOrDefault(u => u is not null);

    private static FeedFormat RssFormat(XElement root) => root.Attribute("version")?.Value.Trim() switch
    {
        "0.90" or "0.9" => FeedFormat.Rss090,
        "0.91" => FeedFormat.Rss091,
        "0.92" => FeedFormat.Rss092,
        _ => FeedFormat.Rss20,
    };

    private static FeedFormat RdfFormat(XElement root, XElement? channel) =>
        (channel?.Name.NamespaceName ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "item")?.Name.NamespaceName) == FeedNamespaces.Rss090
            ? FeedFormat.Rss090
            : FeedFormat.Rss10;
}
