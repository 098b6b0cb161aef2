using System.Globalization;
using System.Text.RegularExpressions;
using Modelwatch.Core.News;

namespace Modelwatch.News.Sources;

/// <summary>
/// The address a source of a given kind is fetched from, built from what a person types: an arXiv category, a Hacker
/// News query with a points threshold, a subreddit, a GitHub <c>owner/repo</c>, or a feed's own address.
/// </summary>
public static partial class NewsSourceAddress
{
    public static Uri Build(NewsSourceKind kind, string? parameter, int? minPoints)
    {
        var value = parameter?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"A {kind} source needs {Expected(kind)}; none was given.", nameof(parameter));
        }

        if (minPoints is not null && kind != NewsSourceKind.HackerNews)
        {
            throw new ArgumentException($"A points threshold applies to Hacker News sources only, not to {kind}.", nameof(minPoints));
        }

        return kind switch
        {
            NewsSourceKind.Arxiv => Arxiv(value),
            NewsSourceKind.HackerNews => HackerNews(value, minPoints),
            NewsSourceKind.Reddit => Reddit(value),
            NewsSourceKind.GitHubReleases => GitHubReleases(value),
            NewsSourceKind.Feed or NewsSourceKind.LabBlog or NewsSourceKind.Bridge => FeedAddress(kind, value),
            _ => throw new ArgumentException($"Unknown source kind {kind}.", nameof(kind)),
        };
    }

    private static Uri Arxiv(string category)
    {
        if (!ArxivCategoryPattern().IsMatch(category))
        {
            throw new ArgumentException($"\"{category}\" is not an arXiv category; expected e.g. cs.CL, cs.LG, stat.ML (several joined by '+').", "parameter");
        }

        return new Uri("https://rss.arxiv.org/rss/" + category);
    }

    private static Uri HackerNews(string query, int? minPoints)
    {
        if (minPoints is < 0)
        {
            throw new ArgumentException($"The points threshold must be 0 or more, not {minPoints}.", nameof(minPoints));
        }

        var address = "https://hn.algolia.com/api/v1/search_by_date?tags=story&query=" + Uri.EscapeDataString(query);
        if (minPoints is { } points)
        {
            address += "&numericFilters=points%3E%3D" + points.ToString(CultureInfo.InvariantCulture);
        }

        return new Uri(address);
    }

    private static Uri Reddit(string subreddit)
    {
        var name = subreddit.StartsWith("/r/", StringComparison.OrdinalIgnoreCase) ? subreddit[3..]
            : subreddit.StartsWith("r/", StringComparison.OrdinalIgnoreCase) ? subreddit[2..]
            : subreddit;
        name = name.TrimEnd('/');
        if (!SubredditPattern().IsMatch(name))
        {
            throw new ArgumentException($"\"{subreddit}\" is not a subreddit name; expected 2-21 letters, digits or '_' (e.g. LocalLLaMA).", "parameter");
        }

        return new Uri($"https://www.reddit.com/r/{name}/.rss");
    }

    private static Uri GitHubReleases(string repository)
    {
        var value = repository;
        if (Uri.TryCreate(repository, UriKind.Absolute, out var url) && url.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase))
        {
            value = url.AbsolutePath.Trim('/');
        }

        var parts = value.Split('/');
        if (parts.Length != 2 || !GitHubNamePattern().IsMatch(parts[0]) || !GitHubNamePattern().IsMatch(parts[1]))
        {
            throw new ArgumentException($"\"{repository}\" is not a GitHub repository; expected owner/repo (e.g. vllm-project/vllm).", "parameter");
        }

        return new Uri($"https://github.com/{parts[0]}/{parts[1]}/releases.atom");
    }

    private static Uri FeedAddress(NewsSourceKind kind, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
        {
            throw new ArgumentException($"\"{value}\" is not an absolute http(s) address; a {kind} source needs the feed's full URL.", "parameter");
        }

        return url;
    }

    private static string Expected(NewsSourceKind kind) => kind switch
    {
        NewsSourceKind.Arxiv => "an arXiv category (e.g. cs.CL)",
        NewsSourceKind.HackerNews => "a search query",
        NewsSourceKind.Reddit => "a subreddit name",
        NewsSourceKind.GitHubReleases => "a repository as owner/repo",
        _ => "the feed's address",
    };

    [GeneratedRegex("""^[a-z][a-z-]*(\.[A-Za-z][A-Za-z-]*)?(\+[a-z][a-z-]*(\.[A-Za-z][A-Za-z-]*)?)*$""", RegexOptions.CultureInvariant)]
    private static partial Regex ArxivCategoryPattern();

    [GeneratedRegex("""^[A-Za-z0-9][A-Za-z0-9_]{1,20}$""", RegexOptions.CultureInvariant)]
    private static partial Regex SubredditPattern();

    [GeneratedRegex("""^[A-Za-z0-9._-]{1,100}$""", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubNamePattern();
}
