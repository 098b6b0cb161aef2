using System.Xml.Linq;
using Modelwatch.News.Feeds.Cleaning;

namespace Modelwatch.News.Feeds.Xml;

/// <summary>Element lookups shared by the RSS and Atom readers: by local name within a set of namespaces, trimmed text, bases.</summary>
internal static class XmlFeedElements
{
    /// <summary>Un-namespaced RSS 0.9x/2.0 and the RSS 1.0 / 0.90 RDF vocabularies share element names.</summary>
    public static readonly string[] RssCore = ["", FeedNamespaces.Rss10, FeedNamespaces.Rss090, FeedNamespaces.Rss20Userland];

    public static readonly string[] AtomAny = [FeedNamespaces.Atom10, FeedNamespaces.Atom03, ""];

    public static XElement? Child(XElement? parent, string localName, params string[] namespaces) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName && namespaces.Contains(e.Name.NamespaceName));

    public static IEnumerable<XElement> Children(XElement? parent, string localName, params string[] namespaces) =>
        parent is null ? [] : parent.Elements().Where(e => e.Name.LocalName == localName && namespaces.Contains(e.Name.NamespaceName));

    public static string? Text(XElement? element)
    {
        var value = element?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static string Where(XElement element) =>
        element.Annotation<XmlPosition>() is { } position ? $"{position} <{element.Name.LocalName}>" : $"<{element.Name.LocalName}>";

    /// <summary>The base URI in force at an element: xml:base attributes resolved outward-in, starting from the feed's address.</summary>
    public static Uri? BaseOf(XElement? element, Uri? address)
    {
        if (element is null)
        {
            return address;
        }

        var parentBase = BaseOf(element.Parent, address);
        var declared = element.Attribute(XName.Get("base", FeedNamespaces.Xml))?.Value;
        if (declared is null)
        {
            return parentBase;
        }

        return FeedLinks.Resolve(declared, parentBase) ?? parentBase;
    }

    /// <summary>The language in force at an element (xml:lang inherited), or null.</summary>
    public static string? LanguageOf(XElement? element)
    {
        for (var e = element; e is not null; e = e.Parent)
        {
            if (e.Attribute(XName.Get("lang", FeedNamespaces.Xml))?.Value is { Length: > 0 } lang)
            {
                return lang;
            }
        }

        return null;
    }

    public static int? Integer(XElement? element) =>
        int.TryParse(Text(element), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
