using Modelwatch.Core.News;

namespace Modelwatch.Data.News;

/// <summary>How a source's last fetches went, as shown to the user.</summary>
public enum NewsSourceStatus
{
    /// <summary>Never fetched yet.</summary>
    New,

    /// <summary>The last fetch read the source (or it answered 304 Not Modified).</summary>
    Ok,

    /// <summary>The last fetch read the source but had to recover from ill-formed content.</summary>
    Recovered,

    /// <summary>The last fetch failed; the source is retried with backoff.</summary>
    Failing,
}

/// <summary>
/// A source the digest reads: a feed address (or a source type and its parameter, from which the address is built),
/// its folder in the user's OPML tree, and its fetch state (conditional-GET validators, backoff, the lease that lets
/// only one app instance fetch it at a time).
/// </summary>
public sealed class NewsSource
{
    public const int MaxNameLength = 300;
    public const int MaxUrlLength = 2048;
    public const int MaxParameterLength = 300;
    public const int MaxFolderLength = 500;
    public const int MaxValidatorLength = 512;
    public const int MaxErrorLength = 2000;
    public const int MaxLeaseOwnerLength = 200;

    public int Id { get; set; }

    public required string Name { get; set; }

    public NewsSourceKind Kind { get; set; }

    /// <summary>The address fetched (built from <see cref="Kind"/> and <see cref="Parameter"/> for the typed sources).</summary>
    public required string Url { get; set; }

    /// <summary>The typed source's parameter: arXiv category, HN query, subreddit, <c>owner/repo</c>; null for plain feeds.</summary>
    public string? Parameter { get; set; }

    /// <summary>The OPML folder path, segments joined by <c>/</c> ("AI/Labs"); null at the top level.</summary>
    public string? Folder { get; set; }

    /// <summary>The site's address (OPML htmlUrl), when known.</summary>
    public string? SiteUrl { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Hacker News: only stories with at least this many points.</summary>
    public int? MinPoints { get; set; }

    /// <summary>How often it is fetched when healthy.</summary>
    public int FetchIntervalMinutes { get; set; } = 60;

    public string? ETag { get; set; }

    /// <summary>The Last-Modified header as the server sent it (echoed back verbatim in If-Modified-Since).</summary>
    public string? LastModified { get; set; }

    public NewsSourceStatus Status { get; set; }

    public string? LastError { get; set; }

    public int ConsecutiveFailures { get; set; }

    public DateTimeOffset? LastFetchedAt { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }

    /// <summary>When the scheduler may fetch it next (backoff with jitter after failures).</summary>
    public DateTimeOffset? NextFetchAt { get; set; }

    /// <summary>The app instance fetching it now; another instance skips it until <see cref="LeaseUntil"/>.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
