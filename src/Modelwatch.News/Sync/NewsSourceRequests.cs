using System.Globalization;
using Modelwatch.Core.News;
using Modelwatch.Data.News.Store;
using Modelwatch.News.Sources;

namespace Modelwatch.News.Sync;

/// <summary>
/// A source as a person asks for it (a type and an address or parameter) turned into what is stored: typed sources get
/// their address built, plain feeds need an absolute http(s) address. Shared by the sources page, the API and the CLI.
/// </summary>
public static class NewsSourceRequests
{
    /// <summary>The kinds whose address is built from a parameter.</summary>
    public static bool IsTyped(NewsSourceKind kind) => kind is NewsSourceKind.Arxiv or NewsSourceKind.HackerNews or NewsSourceKind.Reddit or NewsSourceKind.GitHubReleases;

    /// <summary>Builds the source to store; <see cref="ArgumentException"/> naming the field when something is missing or malformed.</summary>
    /// <param name="kind">The source type.</param>
    /// <param name="name">What to call it (a default is made from the parameter or host when empty).</param>
    /// <param name="urlOrParameter">The feed address, or the typed source's parameter.</param>
    /// <param name="folder">The OPML folder.</param>
    /// <param name="minPoints">Hacker News points threshold.</param>
    public static NewsSourceInput ToInput(NewsSourceKind kind, string? name, string? urlOrParameter, string? folder, int? minPoints)
    {
        var value = urlOrParameter?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException(IsTyped(kind) ? $"parameter: a {kind} source needs its parameter (arXiv category, search query, subreddit or owner/repo)." : "url: the feed's address is missing.", nameof(urlOrParameter));
        }

        if (IsTyped(kind))
        {
            var url = NewsSourceAddress.Build(kind, value, minPoints);
            return new NewsSourceInput(Named(name, DefaultName(kind, value)), kind, url, value, folder, null, kind == NewsSourceKind.HackerNews ? minPoints : null);
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"url: \"{value}\" is not an absolute http or https address.", nameof(urlOrParameter));
        }

        return new NewsSourceInput(Named(name, address.Host), kind, address, null, folder);
    }

    private static string Named(string? name, string fallback) => string.IsNullOrWhiteSpace(name) ? fallback : name.Trim();

    private static string DefaultName(NewsSourceKind kind, string parameter) => kind switch
    {
        NewsSourceKind.Arxiv => "arXiv " + parameter,
        NewsSourceKind.HackerNews => string.Create(CultureInfo.InvariantCulture, $"Hacker News: {parameter}"),
        NewsSourceKind.Reddit => "r/" + parameter.TrimStart('/').Replace("r/", "", StringComparison.OrdinalIgnoreCase),
        NewsSourceKind.GitHubReleases => parameter + " releases",
        _ => parameter,
    };
}
