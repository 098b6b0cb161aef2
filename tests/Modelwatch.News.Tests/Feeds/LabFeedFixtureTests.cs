using Modelwatch.Core.News;

namespace Modelwatch.News.Tests.Feeds;

/// <summary>The AI labs' feeds (python-feedgen RSS 2.0) and the large arXiv-derived feed: counts, titles, dates, links as the files have them.</summary>
public sealed class LabFeedFixtureTests
{
    [Fact]
    public void Anthropic_news_reads_every_item_with_its_link()
    {
        var doc = FeedFixture.Read("ai__olshansk_anthropic_news.xml");

        Assert.Equal(FeedFormat.Rss20, doc.Format);
        Assert.Equal("Anthropic News", doc.Title);
        Assert.Equal(255, doc.Entries.Count);
        Assert.Equal("How Claude’s text watermark works", doc.Entries[0].Title);
        Assert.All(doc.Entries, e => Assert.Equal("www.anthropic.com", e.Link?.Host));
        Assert.False(doc.Recovered);
        Assert.Empty(doc.Problems);
    }

    [Fact]
    public void Mistral_news_keeps_links_as_written_and_reads_rfc822_dates()
    {
        var doc = FeedFixture.Read("ai__olshansk_mistral.xml");

        Assert.Equal(54, doc.Entries.Count);
        var first = doc.Entries[0];
        Assert.Equal("Emmi joins Mistral to accelerate the AI-native industry", first.Title);
        Assert.Equal(new Uri("https://mistral.ai/news/accelerate-ai-native-industry"), first.Link);
        Assert.Equal(new DateTimeOffset(2026, 5, 22, 0, 0, 0, TimeSpan.Zero), first.Published);
        Assert.Equal(["Research"], first.Categories);
        Assert.Equal("en", first.Language);
    }

    [Fact]
    public void OpenAI_research_items_without_guid_have_no_id_but_a_link()
    {
        var doc = FeedFixture.Read("ai__olshansk_openai_research.xml");

        Assert.Equal(194, doc.Entries.Count);
        var first = doc.Entries[0];
        Assert.Null(first.Id);
        Assert.Equal("How enabling two settings tripled our scores on the ARC-AGI-3 benchmark", first.Title);
        Assert.Equal(new Uri("https://openai.com/index/how-two-settings-tripled-our-arc-agi-3-scores"), first.Link);
        Assert.Equal(new DateTimeOffset(2026, 7, 29, 15, 0, 0, TimeSpan.Zero), first.Published);
    }

    [Fact]
    public void Ollama_channel_title_is_not_taken_from_its_image()
    {
        var doc = FeedFixture.Read("ai__olshansk_ollama.xml");

        Assert.Equal("Ollama Blog", doc.Title);
        Assert.Equal(56, doc.Entries.Count);
        Assert.Equal("NVIDIA Nemotron 3.5 Lightning", doc.Entries[0].Title);
    }

    [Fact]
    public void Arxiv_feed_reads_300_versioned_links_and_unescapes_its_html_abstracts()
    {
        var doc = FeedFixture.Read("arxiv__gbrammer_jwst_api_feed.xml");

        Assert.Equal(300, doc.Entries.Count);
        Assert.All(doc.Entries, e => Assert.Matches(@"^https://arxiv\.org/abs/\d{4}\.\d{4,5}v\d+$", e.Link!.AbsoluteUri));
        Assert.Equal(95, doc.Entries.Count(e => e.Link!.AbsoluteUri.EndsWith("v2", StringComparison.Ordinal)));
        var first = doc.Entries[0];
        Assert.Equal("An Optical Illusion: High Electron Densities Create Extremely Metal-Poor Galaxy Impostors", first.Title);
        Assert.Equal(new DateTimeOffset(2026, 8, 20, 17, 59, 58, TimeSpan.Zero), first.Published);
        Assert.Equal("Tiger Yu-Yang Hsiao", first.Author);

        // The description is HTML escaped once more (&amp;percnt; inside &lt;p&gt;): plain text has neither tags nor entities.
        Assert.Contains("below 5% Z", first.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", first.Summary, StringComparison.Ordinal);
        Assert.StartsWith("<p>", first.ContentHtml, StringComparison.Ordinal);
    }
}
