namespace Modelwatch.Core.News;

/// <summary>
/// What kind of source a news source is: how its address is built and read, and how its items are weighed
/// (a lab's own blog is a primary source; an aggregator brings engagement counts).
/// </summary>
public enum NewsSourceKind
{
    /// <summary>Any RSS, Atom or JSON Feed address (blogs, newsletters, X / Bluesky through an RSS bridge).</summary>
    Feed,

    /// <summary>A lab's own blog or news feed: a primary source for releases.</summary>
    LabBlog,

    /// <summary>An arXiv listing (<c>rss.arxiv.org/rss/cs.CL</c>); parameter: the category.</summary>
    Arxiv,

    /// <summary>Hacker News through the Algolia search API; parameter: the query, with a points threshold.</summary>
    HackerNews,

    /// <summary>A subreddit's Atom feed (<c>/r/&lt;sub&gt;/.rss</c>); parameter: the subreddit.</summary>
    Reddit,

    /// <summary>A GitHub repository's releases Atom feed; parameter: <c>owner/repo</c>.</summary>
    GitHubReleases,

    /// <summary>X or Bluesky through an RSS bridge the user points to.</summary>
    Bridge,
}
