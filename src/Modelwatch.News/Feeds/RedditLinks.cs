using System.Net;
using System.Text.RegularExpressions;
using Modelwatch.News.Feeds.Cleaning;

namespace Modelwatch.News.Feeds;

/// <summary>
/// Reddit's Atom entries link to the thread; a link post's article is only in the content, as the "[link]" anchor
/// beside "[comments]". The article is what the news is about (and what duplicates share across sources), so it
/// becomes the entry's link and the thread its discussion — as for Hacker News.
/// </summary>
internal static partial class RedditLinks
{
    /// <summary>(Link, CommentsLink) for a Reddit entry; the entry's own link unchanged for self posts and other sites.</summary>
    public static (Uri? Link, Uri? CommentsLink) Split(Uri? link, string? contentHtml)
    {
        if (link is null || contentHtml is null || !IsReddit(link.Host))
        {
            return (link, null);
        }

        var match = LinkAnchorPattern().Match(contentHtml);
        if (!match.Success || FeedLinks.Resolve(WebUtility.HtmlDecode(match.Groups["href"].Value), link) is not { } article
            || article == link)
        {
            return (link, null);
        }

        return (article, link);
    }

    private static bool IsReddit(string host) =>
        host.Equals("reddit.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".reddit.com", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("""<a\s+href="(?<href>[^"]+)"\s*>\s*\[link\]\s*</a>""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LinkAnchorPattern();
}
