namespace Modelwatch.News.Fetching;

/// <summary>How a fetch ended. Only <see cref="Ok"/> carries a body.</summary>
public enum FetchStatus
{
    Ok,
    NotModified,
    HttpError,
    Timeout,
    TooLarge,
    NetworkError,
}

/// <summary>What the last successful fetch returned, sent back for a conditional GET (If-None-Match, If-Modified-Since).</summary>
public sealed record FetchValidators(string? ETag, string? LastModified);

/// <summary>How long a whole fetch (headers and body) may take, and how many body bytes are read at most.</summary>
public sealed record FetchLimits(TimeSpan Timeout, long MaxBytes)
{
    /// <summary>30 s and 10 MiB: the arXiv-sized fixture is 0.8 MB, and no sensible feed comes near 10 MiB.</summary>
    public static FetchLimits Default { get; } = new(TimeSpan.FromSeconds(30), 10L * 1024 * 1024);
}

/// <summary>
/// The outcome of one fetch, never an exception: the status, the HTTP status when a response came, the body (Ok only),
/// its Content-Type, the validators to send next time, the body bytes read, how long it took, and what went wrong.
/// </summary>
public sealed record FetchResult(
    FetchStatus Status,
    int? HttpStatus,
    byte[]? Body,
    string? ContentType,
    string? ETag,
    string? LastModified,
    long Bytes,
    TimeSpan Elapsed,
    string? Error);
