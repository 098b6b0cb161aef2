using Modelwatch.Core.News;
using Modelwatch.News.Feeds;

namespace Modelwatch.News.Tests.Feeds;

/// <summary>The fixtures that are not well-formed on purpose: salvaged where something is left, else a clear error.</summary>
public sealed class IllFormedFixtureTests
{
    [Fact]
    public void Truncated_cdata_keeps_the_channel_and_drops_the_unfinished_item()
    {
        var doc = FeedFixture.Read("fp__truncated_cdata.xml");

        Assert.True(doc.Recovered);
        Assert.Equal("can feedparser read this xml", doc.Title);
        Assert.Equal(new Uri("http://adcdefgh.com/"), doc.SiteLink);
        Assert.Equal("en-us", doc.Language);
        Assert.Empty(doc.Entries);

        // The file ends on line 13 inside "<item><title><![CD"; its XML declaration follows a comment (line 5).
        Assert.Contains(doc.Problems, p => p.Where.StartsWith("line 13,", StringComparison.Ordinal) && p.Message.Contains("dropped 1 unfinished item", StringComparison.Ordinal));
        Assert.Contains(doc.Problems, p => p.Where == "line 5" && p.Message.Contains("XML declaration", StringComparison.Ordinal));
    }

    [Fact]
    public void An_undeclared_itunes_prefix_is_read_with_the_itunes_namespace()
    {
        var doc = FeedFixture.Read("fp__undeclared_namespace_prefix.xml");

        Assert.True(doc.Recovered);
        Assert.Empty(doc.Entries);
        var problem = Assert.Single(doc.Problems);
        Assert.Equal("line 8, column 2", problem.Where);
        Assert.Contains("'itunes'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_root_with_nothing_inside_is_a_clear_error()
    {
        var error = Assert.Throws<FeedReadException>(() => FeedFixture.Read("fp__unterminated_root.xml"));

        // The file is "<rss version="2.0">" then "</rss" with no '>' at the end of line 6.
        Assert.StartsWith("fp__unterminated_root.xml:", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 6", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing could be recovered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_json_feed_keeps_the_items_that_closed_before_the_break()
    {
        var doc = FeedFixture.Read("nnw__allthis_partial.jsonfeed.json");

        // Three items start; the third breaks inside its content_html (a raw newline, then the end of the file).
        Assert.True(doc.Recovered);
        Assert.Equal(FeedFormat.JsonFeed10, doc.Format);
        Assert.Equal("And now it’s all this", doc.Title);
        Assert.Equal(["Last thoughts on modifier keys", "My next Mac"], doc.Entries.Select(e => e.Title));
        Assert.Equal(new DateTimeOffset(2017, 11, 23, 21, 8, 29, TimeSpan.Zero), doc.Entries[0].Published);
        Assert.Equal("The first shall be last.", doc.Entries[0].Summary);
        Assert.Contains(doc.Problems, p => p.Where.StartsWith("$.items[2].content_html", StringComparison.Ordinal));
        Assert.Contains(doc.Problems, p => p.Where == "$.version");
    }

    [Fact]
    public void Json_cut_off_inside_its_first_item_names_the_path_where_it_broke()
    {
        var bytes = FeedFixture.Bytes("nnw__allthis_partial.jsonfeed.json");
        var firstItemEnds = System.Text.Encoding.UTF8.GetString(bytes).IndexOf("}, {\"title\": \"My next Mac\"", StringComparison.Ordinal);
        Assert.True(firstItemEnds > 0, "the fixture's second item follows the first as written");

        var error = Assert.Throws<FeedReadException>(() => FeedReader.Read(bytes[..(firstItemEnds - 40)], null, null, "allthis-cut"));

        Assert.StartsWith("allthis-cut: invalid JSON at $.items[0].content_html", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing could be recovered", error.Message, StringComparison.Ordinal);
    }
}
