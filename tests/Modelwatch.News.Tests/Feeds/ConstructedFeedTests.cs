using System.Text;
using Modelwatch.Core.News;
using Modelwatch.News.Feeds;

namespace Modelwatch.News.Tests.Feeds;

/// <summary>Cases no fixture holds, built in each format's documented shape: sanitising, nested xml:base, Atom 0.3, RSS 0.91 with its DTD.</summary>
public sealed class ConstructedFeedTests
{
    private static FeedDocument Read(string xml, string? address = null) =>
        FeedReader.Read(Encoding.UTF8.GetBytes(xml), address is null ? null : new Uri(address), null, "constructed");

    [Fact]
    public void Content_html_loses_scripts_handlers_and_javascript_links_and_gets_absolute_links()
    {
        var doc = Read("""
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>
            <item><title>x</title><link>/post</link><content:encoded><![CDATA[<p>ok</p><script>alert(1)</script><img src="/i.png" onerror="alert(1)"><a href="javascript:alert(1)">bad</a><a href="rel/page">good</a>]]></content:encoded></item>
            </channel></rss>
            """, "https://blog.example.org/feed/rss.xml");

        var entry = Assert.Single(doc.Entries);
        Assert.Equal(new Uri("https://blog.example.org/post"), entry.Link);
        Assert.DoesNotContain("script", entry.ContentHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", entry.ContentHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", entry.ContentHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("src=\"https://blog.example.org/i.png\"", entry.ContentHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"https://blog.example.org/feed/rel/page\"", entry.ContentHtml, StringComparison.Ordinal);
        // Adjacent inline links run together, as a browser shows them; the script's text is not text.
        Assert.Equal("ok badgood", entry.Summary);
    }

    [Fact]
    public void Nested_xml_base_resolves_outward_in()
    {
        var doc = Read("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/blog/">
              <title>Nested</title>
              <entry xml:base="2025/">
                <title>Post</title><id>urn:1</id><updated>2025-03-01T10:00:00Z</updated>
                <link href="post.html"/>
              </entry>
            </feed>
            """, "https://elsewhere.example.com/feed.atom");

        Assert.Equal(new Uri("https://example.org/blog/2025/post.html"), Assert.Single(doc.Entries).Link);
    }

    [Fact]
    public void Atom_0_3_with_escaped_content_and_issued_dates()
    {
        var doc = Read("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title>Old Atom</title>
              <link rel="alternate" type="text/html" href="http://old.example.org/"/>
              <author><name>Writer</name></author>
              <entry>
                <title>First</title>
                <link rel="alternate" type="text/html" href="http://old.example.org/1"/>
                <id>tag:old.example.org,2004:1</id>
                <issued>2004-05-01T12:00:00-04:00</issued>
                <modified>2004-05-02T12:00:00Z</modified>
                <content type="text/html" mode="escaped">&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;</content>
              </entry>
            </feed>
            """);

        Assert.Equal(FeedFormat.Atom03, doc.Format);
        Assert.Equal(new Uri("http://old.example.org/"), doc.SiteLink);
        var entry = Assert.Single(doc.Entries);
        Assert.Equal(new DateTimeOffset(2004, 5, 1, 16, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(new DateTimeOffset(2004, 5, 2, 12, 0, 0, TimeSpan.Zero), entry.Updated);
        Assert.Equal("Writer", entry.Author);
        Assert.Equal("Hello & welcome", entry.Summary);
        Assert.Equal("<p>Hello &amp; welcome</p>", entry.ContentHtml);
    }

    [Fact]
    public void Rss_0_91_with_the_netscape_doctype_is_read_without_fetching_the_dtd()
    {
        var doc = Read("""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Ninety-one</title><link>http://n.example.org/</link><language>en</language>
            <item><title>Caf&eacute; &amp; more</title><link>http://n.example.org/1</link><description>An&nbsp;item</description></item>
            </channel></rss>
            """);

        Assert.Equal(FeedFormat.Rss091, doc.Format);
        var entry = Assert.Single(doc.Entries);
        Assert.Equal("Café & more", entry.Title);
        Assert.Equal("An item", entry.Summary);
        Assert.True(doc.Recovered, "&eacute; and &nbsp; are not XML entities: repaired, and said so");
    }

    [Fact]
    public void Json_feed_1_1_reads_authors_and_resolves_relative_urls_against_feed_url()
    {
        var doc = Read("""
            {"version":"https://jsonfeed.org/version/1.1","title":"J","feed_url":"https://j.example.org/feed.json","language":"ko",
             "authors":[{"name":"Feed Author"}],
             "items":[{"id":1,"url":"/p/1","title":"One","content_text":"Plain body","date_published":"2024-02-29T23:59:59+09:00","tags":["a","b"]},
                      {"id":"2","content_html":"<p>No title here, only a body that goes on</p>"}]}
            """);

        Assert.Equal(FeedFormat.JsonFeed11, doc.Format);
        Assert.Equal(2, doc.Entries.Count);
        var one = doc.Entries[0];
        Assert.Equal("1", one.Id);
        Assert.Equal(new Uri("https://j.example.org/p/1"), one.Link);
        Assert.Equal("Feed Author", one.Author);
        Assert.Equal("Plain body", one.Summary);
        Assert.Equal("ko", one.Language);
        Assert.Equal(["a", "b"], one.Categories);
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 14, 59, 59, TimeSpan.Zero), one.Published);
        Assert.Equal("No title here, only a body that goes on", doc.Entries[1].Title);
    }
}
