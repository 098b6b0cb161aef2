using System.Text;
using Modelwatch.News.Feeds;

namespace Modelwatch.News.Tests.Feeds;

/// <summary>A subreddit's Atom feed (www.reddit.com/r/&lt;sub&gt;/.rss) in Reddit's shape: a link post and a self post.</summary>
public sealed class RedditFeedTests
{
    private const string Subreddit = """
        <?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><category term="LocalLLaMA" label="r/LocalLLaMA"/><updated>2025-01-14T16:00:00+00:00</updated><icon>https://www.redditstatic.com/icon.png/</icon><id>/r/LocalLLaMA/.rss</id><link rel="self" href="https://www.reddit.com/r/LocalLLaMA/.rss" type="application/atom+xml" /><link rel="alternate" href="https://www.reddit.com/r/LocalLLaMA/" type="text/html" /><subtitle>Subreddit to discuss AI &amp; Llama, the large language model created by Meta AI.</subtitle><title>LocalLlama</title>
        <entry><author><name>/u/linker</name><uri>https://www.reddit.com/user/linker</uri></author><category term="LocalLLaMA" label="r/LocalLLaMA"/><content type="html">&amp;#32; submitted by &amp;#32; &lt;a href=&quot;https://www.reddit.com/user/linker&quot;&gt; /u/linker &lt;/a&gt; &lt;br/&gt; &lt;span&gt;&lt;a href=&quot;https://example.com/blog/open-70b?utm_source=reddit&amp;amp;ref=x&quot;&gt;[link]&lt;/a&gt;&lt;/span&gt; &amp;#32; &lt;span&gt;&lt;a href=&quot;https://www.reddit.com/r/LocalLLaMA/comments/1abc23/open_70b/&quot;&gt;[comments]&lt;/a&gt;&lt;/span&gt;</content><id>t3_1abc23</id><link href="https://www.reddit.com/r/LocalLLaMA/comments/1abc23/open_70b/" /><updated>2025-01-14T15:04:05+00:00</updated><published>2025-01-14T15:04:05+00:00</published><title>An open 70B model beats GPT-4o on coding</title></entry>
        <entry><author><name>/u/asker</name><uri>https://www.reddit.com/user/asker</uri></author><category term="LocalLLaMA" label="r/LocalLLaMA"/><content type="html">&lt;!-- SC_OFF --&gt;&lt;div class=&quot;md&quot;&gt;&lt;p&gt;What do you run locally?&lt;/p&gt; &lt;/div&gt;&lt;!-- SC_ON --&gt; &amp;#32; submitted by &amp;#32; &lt;a href=&quot;https://www.reddit.com/user/asker&quot;&gt; /u/asker &lt;/a&gt; &lt;br/&gt; &lt;span&gt;&lt;a href=&quot;https://www.reddit.com/r/LocalLLaMA/comments/1abc24/which_local_llm/&quot;&gt;[link]&lt;/a&gt;&lt;/span&gt; &amp;#32; &lt;span&gt;&lt;a href=&quot;https://www.reddit.com/r/LocalLLaMA/comments/1abc24/which_local_llm/&quot;&gt;[comments]&lt;/a&gt;&lt;/span&gt;</content><id>t3_1abc24</id><link href="https://www.reddit.com/r/LocalLLaMA/comments/1abc24/which_local_llm/" /><updated>2025-01-14T12:00:00+00:00</updated><published>2025-01-14T12:00:00+00:00</published><title>Which local LLM do you use?</title></entry>
        </feed>
        """;

    [Fact]
    public void A_link_post_links_to_the_article_and_keeps_the_thread_as_discussion()
    {
        var doc = FeedReader.Read(Encoding.UTF8.GetBytes(Subreddit), new Uri("https://www.reddit.com/r/LocalLLaMA/.rss"));

        Assert.Equal("LocalLlama", doc.Title);
        Assert.Equal(new Uri("https://www.reddit.com/r/LocalLLaMA/"), doc.SiteLink);
        var post = doc.Entries[0];
        Assert.Equal(new Uri("https://example.com/blog/open-70b?utm_source=reddit&ref=x"), post.Link);
        Assert.Equal(new Uri("https://www.reddit.com/r/LocalLLaMA/comments/1abc23/open_70b/"), post.CommentsLink);
        Assert.Equal("/u/linker", post.Author);
        Assert.Equal(["LocalLLaMA"], post.Categories);
    }

    [Fact]
    public void A_self_post_links_to_its_thread()
    {
        var doc = FeedReader.Read(Encoding.UTF8.GetBytes(Subreddit), new Uri("https://www.reddit.com/r/LocalLLaMA/.rss"));

        var question = doc.Entries[1];
        Assert.Equal(new Uri("https://www.reddit.com/r/LocalLLaMA/comments/1abc24/which_local_llm/"), question.Link);
        Assert.Null(question.CommentsLink);
        Assert.StartsWith("What do you run locally? submitted by /u/asker", question.Summary, StringComparison.Ordinal);
    }
}
