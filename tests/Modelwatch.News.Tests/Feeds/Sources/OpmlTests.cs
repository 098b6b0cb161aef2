using System.Text;
using Modelwatch.News.Feeds;
using Modelwatch.News.Sources;

namespace Modelwatch.News.Tests.Feeds.Sources;

/// <summary>OPML import and export with folders: the NetNewsWire fixture (no title= attributes) and a nested list built here.</summary>
public sealed class OpmlTests
{
    [Fact]
    public void Reads_the_outliner_export_with_text_as_titles_and_its_four_folders()
    {
        var doc = Opml.Read(FeedFixture.Bytes("nnw__opml2_no_title_attrs.opml"), "nnw__opml2_no_title_attrs.opml");

        // 207 outlines carry xmlUrl: 69 at the top, then Programming 33, Macintosh 5, Weblogs 97, Writers 3.
        Assert.Equal("Subs", doc.Title);
        Assert.Equal(207, doc.Feeds.Count);
        Assert.Equal(69, doc.Feeds.Count(f => f.Folder is null));
        Assert.Equal(33, doc.Feeds.Count(f => f.Folder == "Programming"));
        Assert.Equal(5, doc.Feeds.Count(f => f.Folder == "Macintosh"));
        Assert.Equal(97, doc.Feeds.Count(f => f.Folder == "Weblogs"));
        Assert.Equal(3, doc.Feeds.Count(f => f.Folder == "Writers"));
        Assert.Equal(new OpmlFeed("Daring Fireball", new Uri("http://daringfireball.net/feeds/main"), new Uri("http://daringfireball.net/"), null), doc.Feeds[0]);
        Assert.Equal(new OpmlFeed("Julia Evans", new Uri("http://jvns.ca/atom.xml"), null, null), doc.Feeds[2]);
        Assert.Equal("chat & code", doc.Feeds[4].Title);
        Assert.Contains(doc.Feeds, f => f.Title == "Swift Programming — Medium" && f.Folder == "Programming");
        Assert.Empty(doc.Skipped);
    }

    [Fact]
    public void The_fixture_round_trips_through_write_exactly()
    {
        var first = Opml.Read(FeedFixture.Bytes("nnw__opml2_no_title_attrs.opml"), "fixture");

        var written = Opml.Write(first.Title, first.Feeds);
        var second = Opml.Read(Encoding.UTF8.GetBytes(written), "written");

        Assert.Equal(first.Title, second.Title);
        Assert.Equal(first.Feeds, second.Feeds);
        Assert.Equal(written, Opml.Write(second.Title, second.Feeds));
    }

    [Fact]
    public void Nested_folders_are_written_as_nested_outlines_and_read_back()
    {
        OpmlFeed[] feeds =
        [
            new("OpenAI News", new Uri("https://openai.com/news/rss.xml"), new Uri("https://openai.com/news/"), "AI/Labs"),
            new("arXiv cs.CL", new Uri("https://rss.arxiv.org/rss/cs.CL"), null, "AI/Papers"),
            new("Hugging Face", new Uri("https://huggingface.co/blog/feed.xml"), null, "AI/Labs"),
            new("Top level", new Uri("https://example.org/feed?a=1&b=2"), null, null),
            new("Deep", new Uri("https://example.org/deep.xml"), null, "AI/Papers/Old/Older"),
        ];

        var written = Opml.Write("Mine", feeds);
        var read = Opml.Read(Encoding.UTF8.GetBytes(written), "written");

        Assert.Contains("<outline text=\"AI\" title=\"AI\">", written, StringComparison.Ordinal);
        Assert.Contains("xmlUrl=\"https://example.org/feed?a=1&amp;b=2\"", written, StringComparison.Ordinal);
        Assert.Equal("Mine", read.Title);

        // Folders are grouped in the order they first appear: AI/Labs (both), AI/Papers, its subfolder, then the top level.
        Assert.Equal([feeds[0], feeds[2], feeds[1], feeds[4], feeds[3]], read.Feeds);
    }

    [Fact]
    public void Outlines_without_title_or_text_take_the_address_and_bad_addresses_are_skipped()
    {
        var opml = """
            <opml version="1.0"><head/><body>
              <outline type="rss" xmlurl="https://example.org/a.xml"/>
              <outline text="Relative" xmlUrl="/b.xml"/>
            </body></opml>
            """;

        var doc = Opml.Read(Encoding.UTF8.GetBytes(opml), "list.opml");

        Assert.Null(doc.Title);
        Assert.Equal("https://example.org/a.xml", Assert.Single(doc.Feeds).Title);
        Assert.Contains("/b.xml", Assert.Single(doc.Skipped).Message, StringComparison.Ordinal);
        Assert.StartsWith("line 3,", doc.Skipped[0].Where, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_given_as_opml_is_a_clear_error()
    {
        var error = Assert.Throws<FeedReadException>(() => Opml.Read(FeedFixture.Bytes("ai__olshansk_mistral.xml"), "ai__olshansk_mistral.xml"));

        Assert.StartsWith("ai__olshansk_mistral.xml: line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("<rss>", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected an OPML document", error.Message, StringComparison.Ordinal);
    }
}
