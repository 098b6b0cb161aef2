using Modelwatch.Core.News;

namespace Modelwatch.News.Sources;

/// <summary>A source offered on first start; <see cref="UrlOrParameter"/> goes to <see cref="NewsSourceAddress.Build"/>.</summary>
public sealed record DefaultNewsSource(string Name, NewsSourceKind Kind, string UrlOrParameter, string Folder, int? MinPoints);

/// <summary>
/// The AI sources offered on first start (the person ticks which to keep). Labs without an RSS feed of their own
/// (Anthropic, Mistral, Ollama) come through the Olshansk/rss-feeds scrapers, the same ones the fixtures were taken from.
/// </summary>
public static class DefaultNewsSources
{
    private const string Scraped = "https://raw.githubusercontent.com/Olshansk/rss-feeds/main/feeds/";

    public static IReadOnlyList<DefaultNewsSource> All { get; } =
    [
        new("OpenAI News", NewsSourceKind.LabBlog, "https://openai.com/news/rss.xml", "Labs", null),
        new("Anthropic News", NewsSourceKind.LabBlog, Scraped + "feed_anthropic_news.xml", "Labs", null),
        new("Google DeepMind Blog", NewsSourceKind.LabBlog, "https://deepmind.google/blog/rss.xml", "Labs", null),
        new("Mistral AI News", NewsSourceKind.LabBlog, Scraped + "feed_mistral.xml", "Labs", null),
        new("Ollama Blog", NewsSourceKind.LabBlog, Scraped + "feed_ollama.xml", "Labs", null),
        new("Hugging Face Blog", NewsSourceKind.LabBlog, "https://huggingface.co/blog/feed.xml", "Labs", null),
        new("arXiv cs.CL (Computation and Language)", NewsSourceKind.Arxiv, "cs.CL", "Papers", null),
        new("arXiv cs.LG (Machine Learning)", NewsSourceKind.Arxiv, "cs.LG", "Papers", null),
        new("arXiv cs.AI (Artificial Intelligence)", NewsSourceKind.Arxiv, "cs.AI", "Papers", null),
        new("Hacker News: LLM", NewsSourceKind.HackerNews, "LLM", "Community", 100),
        new("r/LocalLLaMA", NewsSourceKind.Reddit, "LocalLLaMA", "Community", null),
        new("r/MachineLearning", NewsSourceKind.Reddit, "MachineLearning", "Community", null),
        new("vLLM releases", NewsSourceKind.GitHubReleases, "vllm-project/vllm", "Releases", null),
        new("llama.cpp releases", NewsSourceKind.GitHubReleases, "ggml-org/llama.cpp", "Releases", null),
        new("Ollama releases", NewsSourceKind.GitHubReleases, "ollama/ollama", "Releases", null),
        new("Transformers releases", NewsSourceKind.GitHubReleases, "huggingface/transformers", "Releases", null),
        new("Simon Willison's Weblog", NewsSourceKind.Feed, "https://simonwillison.net/atom/everything/", "Newsletters", null),
        new("Interconnects (Nathan Lambert)", NewsSourceKind.Feed, "https://www.interconnects.ai/feed", "Newsletters", null),
        new("AI News (smol.ai)", NewsSourceKind.Feed, "https://buttondown.com/ainews/rss", "Newsletters", null),
    ];
}
