using Modelwatch.Core.News;

namespace Modelwatch.Data.News;

/// <summary>Why an item was merged into another.</summary>
public enum NewsDuplicateReason
{
    SameUrl,
    SameTitle,
    TitleOverlap,
    NearDuplicateText,
}

/// <summary>
/// One entry read from one source. Items are kept even when they duplicate another (the digest counts them as
/// merged and links every copy); <see cref="StoryId"/> groups items about the same thing across sources.
/// </summary>
public sealed class NewsItem
{
    public const int MaxTitleLength = 1000;
    public const int MaxUrlLength = 2048;
    public const int MaxExternalIdLength = 1000;
    public const int KeyLength = 64;
    public const int MaxAuthorLength = 300;
    public const int MaxLanguageLength = 35;

    public long Id { get; set; }

    public int SourceId { get; set; }

    /// <summary>SHA-256 (hex) of the source's id for the entry (else its link, else its title): one row per entry per source.</summary>
    public required string ItemKey { get; set; }

    public string? ExternalId { get; set; }

    public required string Title { get; set; }

    public string? Url { get; set; }

    /// <summary>The address after canonicalisation (tracking parameters, <c>www.</c>, trailing slash, arXiv version removed).</summary>
    public string? CanonicalUrl { get; set; }

    /// <summary>SHA-256 (hex) of <see cref="CanonicalUrl"/>, indexed for exact duplicates.</summary>
    public string? UrlKey { get; set; }

    /// <summary>SHA-256 (hex) of the normalised title, indexed for exact duplicates.</summary>
    public required string TitleKey { get; set; }

    public string? Summary { get; set; }

    public string? ContentHtml { get; set; }

    public string? Author { get; set; }

    public string? Language { get; set; }

    /// <summary>When the source says it was published (else when it was first fetched).</summary>
    public DateTimeOffset PublishedAt { get; set; }

    public DateTimeOffset FetchedAt { get; set; }

    public int? Points { get; set; }

    public int? Comments { get; set; }

    public string? CommentsUrl { get; set; }

    /// <summary>The source's own categories, joined by newlines.</summary>
    public string? Categories { get; set; }

    public NewsTags Tags { get; set; }

    public double Importance { get; set; }

    /// <summary>Hidden by a mute rule (kept, counted, and shown on request).</summary>
    public bool Muted { get; set; }

    /// <summary>The sum of the boost rules that matched it.</summary>
    public double Boost { get; set; }

    public long? DuplicateOfId { get; set; }

    public NewsDuplicateReason? DuplicateReason { get; set; }

    public long? StoryId { get; set; }

    /// <summary>The MinHash signature of the text (little-endian uint32s), kept so later items are compared without re-reading bodies.</summary>
    public byte[]? MinHash { get; set; }
}
