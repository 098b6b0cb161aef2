using Modelwatch.Core.News;
using Modelwatch.News.Feeds;

namespace Modelwatch.News.Tests.Feeds;

/// <summary>
/// Partial downloads of every fixture: cut at ninths of its length, each must read (salvaged) or throw
/// <see cref="FeedReadException"/> naming the cut file — what a dropped connection or a size cap leaves behind.
/// </summary>
public sealed class TruncatedFixtureTests
{
    [Fact]
    public void Every_fixture_cut_short_reads_or_fails_clearly()
    {
        FeedFixture.PathOf("README.md");
        var outcomes = new List<string>();
        foreach (var file in FeedFixture.All())
        {
            var bytes = FeedFixture.Bytes(file);
            for (var ninth = 1; ninth <= 8; ninth++)
            {
                var cut = bytes[..(bytes.Length * ninth / 9)];
                var name = $"{file}[..{cut.Length}]";
                try
                {
                    var doc = FeedReader.Read(cut, new Uri("https://feeds.example.org/" + file), null, name);
                    Assert.All(doc.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Title), name));
                    outcomes.Add("read");
                }
                catch (FeedReadException ex)
                {
                    Assert.StartsWith(name + ":", ex.Message, StringComparison.Ordinal);
                    outcomes.Add("error");
                }
            }
        }

        Assert.Contains("read", outcomes);
    }

    [Fact]
    public void A_large_feed_cut_in_half_keeps_the_items_before_the_cut()
    {
        var bytes = FeedFixture.Bytes("arxiv__gbrammer_jwst_api_feed.xml");
        var half = bytes[..(bytes.Length / 2)];
        var completeItems = System.Text.Encoding.UTF8.GetString(half).Split("</item>").Length - 1;

        var doc = FeedReader.Read(half, null, null, "arxiv-half");

        Assert.True(doc.Recovered);
        Assert.Equal(FeedFormat.Rss20, doc.Format);
        Assert.Equal(completeItems, doc.Entries.Count);
        Assert.Equal("An Optical Illusion: High Electron Densities Create Extremely Metal-Poor Galaxy Impostors", doc.Entries[0].Title);
    }

    [Theory]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00 }, "gzip")]
    [InlineData(new byte[] { (byte)'<', (byte)'!', (byte)'D', (byte)'O', (byte)'C', (byte)'T', (byte)'Y', (byte)'P', (byte)'E', (byte)' ', (byte)'h', (byte)'t', (byte)'m', (byte)'l', (byte)'>', (byte)'<', (byte)'p', (byte)'>' }, "HTML page")]
    [InlineData(new byte[] { (byte)' ', 0x0B, (byte)' ' }, "empty")]
    [InlineData(new byte[] { (byte)'[', (byte)'1', (byte)']' }, "expected an object")]
    public void What_is_not_a_feed_at_all_is_named(byte[] bytes, string expected)
    {
        var error = Assert.Throws<FeedReadException>(() => FeedReader.Read(bytes, new Uri("https://example.org/feed"), null));

        Assert.StartsWith("https://example.org/feed:", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absurdly_deep_nesting_is_cut_off_not_a_stack_overflow()
    {
        var xml = "<rss version=\"2.0\"><channel><title>Deep</title><item><title>kept</title></item>" + string.Concat(Enumerable.Repeat("<x>", 200_000));

        var doc = FeedReader.Read(System.Text.Encoding.UTF8.GetBytes(xml), null, null, "deep");

        Assert.True(doc.Recovered);
        Assert.Equal("kept", Assert.Single(doc.Entries).Title);
        Assert.Contains(doc.Problems, p => p.Message.Contains("nested more than", StringComparison.Ordinal));
    }
}
