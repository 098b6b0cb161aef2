using Modelwatch.Core.News;
using Modelwatch.News.Sources;

namespace Modelwatch.News.Tests.Feeds.Sources;

/// <summary>Addresses of the ready-made source types, and the errors a person sees for a bad parameter.</summary>
public sealed class NewsSourceAddressTests
{
    [Theory]
    [InlineData(NewsSourceKind.Arxiv, "cs.CL", null, "https://rss.arxiv.org/rss/cs.CL")]
    [InlineData(NewsSourceKind.Arxiv, "cs.CL+cs.LG", null, "https://rss.arxiv.org/rss/cs.CL+cs.LG")]
    [InlineData(NewsSourceKind.HackerNews, "open weights", 100, "https://hn.algolia.com/api/v1/search_by_date?tags=story&query=open%20weights&numericFilters=points%3E%3D100")]
    [InlineData(NewsSourceKind.HackerNews, "LLM", null, "https://hn.algolia.com/api/v1/search_by_date?tags=story&query=LLM")]
    [InlineData(NewsSourceKind.Reddit, "LocalLLaMA", null, "https://www.reddit.com/r/LocalLLaMA/.rss")]
    [InlineData(NewsSourceKind.Reddit, "r/MachineLearning/", null, "https://www.reddit.com/r/MachineLearning/.rss")]
    [InlineData(NewsSourceKind.GitHubReleases, "vllm-project/vllm", null, "https://github.com/vllm-project/vllm/releases.atom")]
    [InlineData(NewsSourceKind.GitHubReleases, "https://github.com/ggml-org/llama.cpp", null, "https://github.com/ggml-org/llama.cpp/releases.atom")]
    [InlineData(NewsSourceKind.Bridge, "https://bridge.example.org/?action=display&bridge=Bluesky&u=someone", null, "https://bridge.example.org/?action=display&bridge=Bluesky&u=someone")]
    public void Builds_the_documented_address(NewsSourceKind kind, string parameter, int? minPoints, string expected)
    {
        Assert.Equal(expected, NewsSourceAddress.Build(kind, parameter, minPoints).AbsoluteUri);
    }

    [Theory]
    [InlineData(NewsSourceKind.Arxiv, "CS CL", null, "arXiv category")]
    [InlineData(NewsSourceKind.Arxiv, "", null, "needs an arXiv category")]
    [InlineData(NewsSourceKind.Reddit, "r/a", null, "subreddit")]
    [InlineData(NewsSourceKind.Reddit, "Local LLaMA", null, "subreddit")]
    [InlineData(NewsSourceKind.GitHubReleases, "vllm", null, "owner/repo")]
    [InlineData(NewsSourceKind.GitHubReleases, "a/b/c", null, "owner/repo")]
    [InlineData(NewsSourceKind.HackerNews, "LLM", -1, "0 or more")]
    [InlineData(NewsSourceKind.Feed, "/relative/feed.xml", null, "absolute http(s) address")]
    [InlineData(NewsSourceKind.LabBlog, "ftp://example.org/feed", null, "absolute http(s) address")]
    [InlineData(NewsSourceKind.Reddit, "LocalLLaMA", 10, "Hacker News sources only")]
    public void Refuses_a_bad_parameter_saying_what_was_expected(NewsSourceKind kind, string parameter, int? minPoints, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => NewsSourceAddress.Build(kind, parameter, minPoints));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_default_source_builds_and_the_set_covers_the_issue()
    {
        var all = DefaultNewsSources.All;

        Assert.All(all, s => NewsSourceAddress.Build(s.Kind, s.UrlOrParameter, s.MinPoints));
        Assert.Equal(all.Count, all.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["cs.AI", "cs.CL", "cs.LG"], all.Where(s => s.Kind == NewsSourceKind.Arxiv).Select(s => s.UrlOrParameter).Order(StringComparer.Ordinal));
        Assert.Equal(["LocalLLaMA", "MachineLearning"], all.Where(s => s.Kind == NewsSourceKind.Reddit).Select(s => s.UrlOrParameter).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["ggml-org/llama.cpp", "huggingface/transformers", "ollama/ollama", "vllm-project/vllm"],
            all.Where(s => s.Kind == NewsSourceKind.GitHubReleases).Select(s => s.UrlOrParameter).Order(StringComparer.Ordinal));
        var hackerNews = Assert.Single(all, s => s.Kind == NewsSourceKind.HackerNews);
        Assert.True(hackerNews.MinPoints > 0);
        Assert.True(all.Count(s => s.Kind == NewsSourceKind.LabBlog) >= 4);
        Assert.True(all.Count(s => s.Folder == "Newsletters") >= 2);
    }
}
