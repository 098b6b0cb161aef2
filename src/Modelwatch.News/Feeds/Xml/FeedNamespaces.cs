namespace Modelwatch.News.Feeds.Xml;

/// <summary>The namespaces feed formats and their common modules are written in.</summary>
internal static class FeedNamespaces
{
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string Rss20Userland = "http://backend.userland.com/rss2";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string DublinCoreTerms = "http://purl.org/dc/terms/";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string Slash = "http://purl.org/rss/1.0/modules/slash/";
    public const string Arxiv = "http://arxiv.org/schemas/atom";
    public const string Xml = "http://www.w3.org/XML/1998/namespace";
}
