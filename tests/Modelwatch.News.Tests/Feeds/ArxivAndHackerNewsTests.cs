using System.Text;
using Modelwatch.Core.News;
using Modelwatch.News.Feeds;

namespace Modelwatch.News.Tests.Feeds;

/// <summary>
/// The two source shapes without a fixture: rss.arxiv.org listings (RSS 2.0 with arxiv:announce_type and the
/// "arXiv:ID Announce Type: … Abstract: …" description) and Hacker News Algolia search responses, built here in the
/// documented shapes.
/// </summary>
public sealed class ArxivAndHackerNewsTests
{
    private const string ArxivListing = """
        <?xml version='1.0' encoding='UTF-8'?>
        <rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
          <channel>
            <title>cs.CL updates on arXiv.org</title>
            <link>http://rss.arxiv.org/rss/cs.CL</link>
            <description>cs.CL updates on the arXiv.org e-print archive.</description>
            <atom:link href="https://rss.arxiv.org/rss/cs.CL" rel="self" type="application/rss+xml"/>
            <language>en-us</language>
            <lastBuildDate>Tue, 14 Jan 2025 05:00:00 +0000</lastBuildDate>
            <item>
              <title>Sparse Mixtures of Small Experts for Long-Context Translation</title>
              <link>https://arxiv.org/abs/2501.07001</link>
              <description>arXiv:2501.07001v1 Announce Type: new 
        Abstract: We study mixtures of small experts for document-level translation &amp; show gains.</description>
              <guid isPermaLink="false">oai:arXiv.org:2501.07001v1</guid>
              <category>cs.CL</category>
              <category>cs.LG</category>
              <pubDate>Tue, 14 Jan 2025 00:00:00 -0500</pubDate>
              <arxiv:announce_type>new</arxiv:announce_type>
              <dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>
              <dc:creator>Ada Example, Grace Sample</dc:creator>
            </item>
            <item>
              <title>A Revised Benchmark for Multilingual Reasoning</title>
              <link>https://arxiv.org/abs/2409.01234</link>
              <description>arXiv:2409.01234v3 Announce Type: replace 
        Abstract: We revise the benchmark.</description>
              <guid isPermaLink="false">oai:arXiv.org:2409.01234v3</guid>
              <category>cs.CL</category>
              <pubDate>Tue, 14 Jan 2025 00:00:00 -0500</pubDate>
              <arxiv:announce_type>replace</arxiv:announce_type>
              <dc:creator>Alan Tester</dc:creator>
            </item>
          </channel>
        </rss>
        """;

    private const string AlgoliaResponse = """
        {
          "hits": [
            {
              "_tags": ["story", "author_jdoe", "story_42000001"],
              "author": "jdoe",
              "created_at": "2025-01-14T15:04:05Z",
              "created_at_i": 1736867045,
              "num_comments": 212,
              "objectID": "42000001",
              "points": 431,
              "story_id": 42000001,
              "title": "An open-weights 70B model that beats GPT-4o on coding",
              "updated_at": "2025-01-15T08:00:00Z",
              "url": "https://example.com/blog/open-70b?utm_source=hn"
            },
            {
              "_tags": ["story", "author_asker", "story_42000002", "ask_hn"],
              "author": "asker",
              "created_at": "2025-01-14T12:00:00Z",
              "created_at_i": 1736856000,
              "num_comments": 57,
              "objectID": "42000002",
              "points": 120,
              "story_id": 42000002,
              "story_text": "What do you run locally? <p>I use &quot;llama.cpp&quot; on a laptop.",
              "title": "Ask HN: Which local LLM do you use?",
              "url": null
            }
          ],
          "hitsPerPage": 20,
          "nbHits": 2,
          "nbPages": 1,
          "page": 0,
          "query": "LLM",
          "params": "query=LLM&tags=story&numericFilters=points%3E%3D100"
        }
        """;

    [Fact]
    public void Arxiv_listing_summary_is_the_abstract_alone()
    {
        var doc = FeedReader.Read(Encoding.UTF8.GetBytes(ArxivListing), new Uri("https://rss.arxiv.org/rss/cs.CL"));

        Assert.Equal(2, doc.Entries.Count);
        var paper = doc.Entries[0];
        Assert.Equal("We study mixtures of small experts for document-level translation & show gains.", paper.Summary);
        Assert.Equal(new Uri("https://arxiv.org/abs/2501.07001"), paper.Link);
        Assert.Equal("oai:arXiv.org:2501.07001v1", paper.Id);
        Assert.Equal("Ada Example, Grace Sample", paper.Author);
        Assert.Equal(["cs.CL", "cs.LG"], paper.Categories);
        Assert.Equal(new DateTimeOffset(2025, 1, 14, 5, 0, 0, TimeSpan.Zero), paper.Published);
        Assert.Equal("We revise the benchmark.", doc.Entries[1].Summary);
    }

    [Fact]
    public void A_description_that_only_resembles_the_arxiv_shape_is_kept_whole()
    {
        var rss = ArxivListing.Replace("Abstract: We study", "Summary: We study", StringComparison.Ordinal);

        var doc = FeedReader.Read(Encoding.UTF8.GetBytes(rss), null);

        Assert.Equal("arXiv:2501.07001v1 Announce Type: new Summary: We study mixtures of small experts for document-level translation & show gains.", doc.Entries[0].Summary);
    }

    [Fact]
    public void Hacker_news_hits_link_outward_and_keep_the_discussion()
    {
        var doc = FeedReader.Read(Encoding.UTF8.GetBytes(AlgoliaResponse), new Uri("https://hn.algolia.com/api/v1/search_by_date?tags=story&query=LLM"), "application/json; charset=utf-8");

        Assert.Equal(FeedFormat.HackerNewsAlgolia, doc.Format);
        Assert.Equal(2, doc.Entries.Count);
        var story = doc.Entries[0];
        Assert.Equal("42000001", story.Id);
        Assert.Equal("An open-weights 70B model that beats GPT-4o on coding", story.Title);
        Assert.Equal(new Uri("https://example.com/blog/open-70b?utm_source=hn"), story.Link);
        Assert.Equal(new Uri("https://news.ycombinator.com/item?id=42000001"), story.CommentsLink);
        Assert.Equal(431, story.Points);
        Assert.Equal(212, story.Comments);
        Assert.Equal("jdoe", story.Author);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1736867045), story.Published);
    }

    [Fact]
    public void An_ask_hn_post_without_url_links_to_its_item()
    {
        var doc = FeedReader.Read(Encoding.UTF8.GetBytes(AlgoliaResponse), null);

        var ask = doc.Entries[1];
        Assert.Equal(new Uri("https://news.ycombinator.com/item?id=42000002"), ask.Link);
        Assert.Null(ask.CommentsLink);
        Assert.Equal("What do you run locally? I use \"llama.cpp\" on a laptop.", ask.Summary);
        Assert.Equal(120, ask.Points);
        Assert.Equal(57, ask.Comments);
    }

    [Fact]
    public void An_algolia_hit_without_object_id_is_skipped_with_its_path()
    {
        var json = """{"hits":[{"title":"no id"},{"objectID":"7","title":"kept","created_at_i":1700000000}],"query":"x"}""";

        var doc = FeedReader.Read(Encoding.UTF8.GetBytes(json), null);

        Assert.Equal("kept", Assert.Single(doc.Entries).Title);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), doc.Entries[0].Published);
        Assert.Contains(doc.Problems, p => p.Where == "$.hits[0]");
    }
}
