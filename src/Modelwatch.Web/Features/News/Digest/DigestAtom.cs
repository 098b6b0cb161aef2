using System.Globalization;
using System.Text;
using System.Xml;
using Modelwatch.News.Digest;

namespace Modelwatch.Web.Features.News.Digest;

/// <summary>
/// Published digests as an Atom 1.0 feed (RFC 4287): one entry per digest, its id a tag URI that never changes
/// (<c>tag:modelwatch,2026:digest/{id}</c>), updated when it was published, the whole digest as HTML content and a
/// link to its page. Newest first.
/// </summary>
public static class DigestAtom
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    private const string Namespace = "http://www.w3.org/2005/Atom";

    public static string Write(IReadOnlyList<StoredDigest> digests, Uri site, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(digests);
        ArgumentNullException.ThrowIfNull(site);
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var writer = XmlWriter.Create(new StringWriter(text, CultureInfo.InvariantCulture), settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("feed", Namespace);
            writer.WriteElementString("id", Namespace, "tag:modelwatch,2026:digests");
            writer.WriteElementString("title", Namespace, "Modelwatch news digest");
            writer.WriteElementString("updated", Namespace, Stamp(digests.Count > 0 ? digests.Max(d => d.Row.PublishedAt ?? d.Row.CreatedAt) : now));
            Link(writer, "self", new Uri(site, "/api/news/digests/feed.atom"), "application/atom+xml");
            Link(writer, "alternate", new Uri(site, "/news/digest/archive"), "text/html");
            writer.WriteStartElement("generator", Namespace);
            writer.WriteString("Modelwatch");
            writer.WriteEndElement();
            foreach (var digest in digests)
            {
                var row = digest.Row;
                writer.WriteStartElement("entry", Namespace);
                writer.WriteElementString("id", Namespace, "tag:modelwatch,2026:digest/" + row.Id.ToString(CultureInfo.InvariantCulture));
                writer.WriteElementString("title", Namespace, row.Title);
                writer.WriteElementString("updated", Namespace, Stamp(row.PublishedAt ?? row.CreatedAt));
                writer.WriteElementString("published", Namespace, Stamp(row.PublishedAt ?? row.CreatedAt));
                writer.WriteStartElement("author", Namespace);
                writer.WriteElementString("name", Namespace, "Modelwatch");
                writer.WriteEndElement();
                Link(writer, "alternate", new Uri(site, "/news/digest/" + row.Id.ToString(CultureInfo.InvariantCulture)), "text/html");
                foreach (var tag in Enum.GetValues<Core.News.NewsTags>().Where(t => t != Core.News.NewsTags.None && row.Tags.HasFlag(t)))
                {
                    writer.WriteStartElement("category", Namespace);
                    writer.WriteAttributeString("term", tag.ToString().ToLowerInvariant());
                    writer.WriteEndElement();
                }

                writer.WriteStartElement("content", Namespace);
                writer.WriteAttributeString("type", "html");
                writer.WriteString(DigestHtml.Fragment(digest.Document, row.Recap));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        return text.ToString();
    }

    private static void Link(XmlWriter writer, string rel, Uri href, string type)
    {
        writer.WriteStartElement("link", Namespace);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href.AbsoluteUri);
        writer.WriteEndElement();
    }

    private static string Stamp(DateTimeOffset moment) => moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
