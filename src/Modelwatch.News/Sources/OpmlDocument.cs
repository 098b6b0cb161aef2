using Modelwatch.Core.News;

namespace Modelwatch.News.Sources;

/// <summary>A subscription list as read from OPML: its title and its feeds in document order.</summary>
public sealed record OpmlDocument(string? Title, IReadOnlyList<OpmlFeed> Feeds)
{
    /// <summary>Outlines that looked like feeds but could not be imported (e.g. a relative or non-http xmlUrl), and why.</summary>
    public IReadOnlyList<FeedProblem> Skipped { get; init; } = [];
}

/// <summary>One subscription.</summary>
/// <param name="Title">The outline's title, else its text, else the feed's address.</param>
/// <param name="XmlUrl">The feed's address.</param>
/// <param name="HtmlUrl">The site's address, when given.</param>
/// <param name="Folder">The folders it sits in, outermost first, joined by "/" ("AI/Labs"); null at the top level.</param>
public sealed record OpmlFeed(string Title, Uri XmlUrl, Uri? HtmlUrl, string? Folder);
