using Modelwatch.Core.News;
using Modelwatch.Core.News.Processing;
using Modelwatch.News.Feeds;
using Modelwatch.Testing;

namespace Modelwatch.News.Tests.Processing;

/// <summary>The real fixture feeds read with the feed reader and turned into the articles the duplicate rules see.</summary>
internal static class FixtureArticles
{
    public const string Anthropic = "ai__olshansk_anthropic_news.xml";
    public const string Mistral = "ai__olshansk_mistral.xml";
    public const string Ollama = "ai__olshansk_ollama.xml";
    public const string OpenAiResearch = "ai__olshansk_openai_research.xml";
    public const string Arxiv = "arxiv__gbrammer_jwst_api_feed.xml";

    public static readonly string[] All = [Anthropic, Mistral, Ollama, OpenAiResearch, Arxiv];

    public static FeedDocument Read(string file)
    {
        var path = SharedData.File("data/feeds/" + file);
        return FeedReader.Read(File.ReadAllBytes(path), null, null, file);
    }

    /// <summary>The entries with a link, as articles of one source, ids from <paramref name="firstId"/> in document order.</summary>
    public static List<NewsArticle> Articles(string file, int sourceId, long firstId)
    {
        var articles = new List<NewsArticle>();
        foreach (var entry in Read(file).Entries)
        {
            if (entry.Link is null || entry.Published is null)
            {
                continue;
            }

            articles.Add(new NewsArticle(firstId + articles.Count, sourceId, entry.Title, entry.Link, entry.Summary, entry.Published.Value));
        }

        return articles;
    }
}
