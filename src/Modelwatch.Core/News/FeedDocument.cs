namespace Modelwatch.Core.News;

/// <summary>The syndication format a document was read as.</summary>
public enum FeedFormat
{
    Rss090,
    Rss091,
    Rss092,
    Rss10,
    Rss20,
    Atom03,
    Atom10,
    JsonFeed10,
    JsonFeed11,
    HackerNewsAlgolia,
}

/// <summary>Something a reader noticed and recovered from (or could not), named by where it is in the document.</summary>
/// <param name="Where">A line and column ("line 12, column 4"), a JSON path ("$.items[3].date_published") or an element path.</param>
/// <param name="Message">What was expected and what was found.</param>
public sealed record FeedProblem(string Where, string Message);

/// <summary>
/// One entry as any source gave it, already decoded, resolved and cleaned: plain-text title and summary, sanitised
/// HTML content, absolute links.
/// </summary>
/// <param name="Id">The source's own id (RSS guid, Atom id, JSON Feed id, HN objectID), when it gives one.</param>
/// <param name="Title">Plain text, entities decoded, whitespace collapsed; the start of the summary when the entry has no title.</param>
/// <param name="Link">The entry's address, absolute (resolved against xml:base or the feed's address).</param>
/// <param name="Author">The author's name as given.</param>
/// <param name="Published">When the source says it was published (parsed leniently: RFC 822, ISO 8601 and common variants).</param>
/// <param name="Updated">When the source says it was last changed.</param>
/// <param name="Summary">Plain text of the description/summary (or of the content when there is none), whitespace collapsed.</param>
/// <param name="ContentHtml">Sanitised HTML of the fullest body the entry has (content:encoded, atom content, content_html), or null.</param>
/// <param name="Categories">The source's own categories or tags.</param>
/// <param name="Language">The entry's language when declared (else the feed's).</param>
/// <param name="Points">Engagement score where the source gives one (Hacker News points, Reddit score).</param>
/// <param name="Comments">Comment count where the source gives one.</param>
/// <param name="CommentsLink">The discussion's address (HN item, Reddit thread) when it differs from <paramref name="Link"/>.</param>
public sealed record FeedEntry(
    string? Id,
    string Title,
    Uri? Link,
    string? Author,
    DateTimeOffset? Published,
    DateTimeOffset? Updated,
    string? Summary,
    string? ContentHtml,
    IReadOnlyList<string> Categories,
    string? Language,
    int? Points,
    int? Comments,
    Uri? CommentsLink);

/// <summary>A whole feed as read: what it calls itself, its entries, and the problems recovered from on the way.</summary>
/// <param name="Format">The format it was read as.</param>
/// <param name="Title">The feed's own title.</param>
/// <param name="SiteLink">The site the feed belongs to.</param>
/// <param name="Language">The feed's declared language.</param>
/// <param name="Entries">The entries in document order.</param>
/// <param name="Problems">What was recovered from, or skipped, and where.</param>
/// <param name="Encoding">The character encoding the bytes were decoded with (web name, e.g. "utf-8", "windows-1251").</param>
/// <param name="Recovered">True when the document was not well-formed and entries were salvaged from it.</param>
public sealed record FeedDocument(
    FeedFormat Format,
    string? Title,
    Uri? SiteLink,
    string? Language,
    IReadOnlyList<FeedEntry> Entries,
    IReadOnlyList<FeedProblem> Problems,
    string Encoding,
    bool Recovered);
