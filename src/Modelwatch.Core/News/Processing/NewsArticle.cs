namespace Modelwatch.Core.News.Processing;

/// <summary>One item as the duplicate and story rules see it.</summary>
/// <param name="Id">The store's item id (ids grow with insertion, so the lowest id of a story is its first article).</param>
/// <param name="SourceId">The source (feed) it was read from: title overlap and near-duplicate text never pair two items of one source.</param>
/// <param name="Title">Plain-text title.</param>
/// <param name="Url">The item's link, when it has one.</param>
/// <param name="Text">Plain-text body or summary (MinHash and the story similarity read it); null when the feed gives none.</param>
/// <param name="Published">When it was published: the 120-hour windows are measured on it.</param>
/// <param name="EntityIds">Catalog entities the item mentions (ids from <see cref="EntityLinker"/>), which count
/// towards story similarity; null or empty when not linked.</param>
public sealed record NewsArticle(
    long Id,
    int SourceId,
    string Title,
    Uri? Url,
    string? Text,
    DateTimeOffset Published,
    IReadOnlyCollection<string>? EntityIds = null);

/// <summary>Why an item was judged a duplicate of an earlier one (the store's NewsDuplicateReason has the same names).</summary>
public enum DuplicateKind
{
    /// <summary>The same canonical address.</summary>
    SameUrl,

    /// <summary>The same normalised title, from another source, within the window.</summary>
    SameTitle,

    /// <summary>Titles sharing most of their significant words (NewsBlur's rule), from another source, within the window.</summary>
    TitleOverlap,

    /// <summary>Body texts whose MinHash signatures agree on at least 72 % of positions, from another source, within the window.</summary>
    NearDuplicateText,
}

/// <summary>What <see cref="NewsIndex.Add"/> decided about an item; the store keeps every field.</summary>
/// <param name="CanonicalUrl">The canonical address (<see cref="UrlCanonicalizer"/>), or null without a usable link.</param>
/// <param name="UrlKey">SHA-256 hex of <paramref name="CanonicalUrl"/>.</param>
/// <param name="TitleKey">SHA-256 hex of the normalised title.</param>
/// <param name="DuplicateOf">The id of the original this item duplicates (the original itself, never a duplicate of it).</param>
/// <param name="Reason">Which rule found the duplicate.</param>
/// <param name="StoryKey">The story: the id of its first article. A new story's key is the item's own id.</param>
/// <param name="MinHash">The text's signature, or null when the text is too short to have one.</param>
public sealed record NewsDecision(
    string? CanonicalUrl,
    string? UrlKey,
    string TitleKey,
    long? DuplicateOf,
    DuplicateKind? Reason,
    long StoryKey,
    uint[]? MinHash);

/// <summary>An item already stored, with the decision made when it was added, for <see cref="NewsIndex.Seed"/>.</summary>
public sealed record IndexedArticle(NewsArticle Article, NewsDecision Decision);
