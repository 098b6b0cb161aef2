namespace Modelwatch.Data.News;

/// <summary>How one fetch of a source ended.</summary>
public enum NewsFetchOutcome
{
    Ok,
    NotModified,
    Recovered,
    HttpError,
    Timeout,
    TooLarge,
    NetworkError,
    ParseError,
}

/// <summary>One fetch of one source: the per-source error history the sources page shows.</summary>
public sealed class NewsFetchLog
{
    public const int MaxErrorLength = 2000;
    public const int MaxEncodingLength = 64;

    public long Id { get; set; }

    public int SourceId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public int DurationMs { get; set; }

    public NewsFetchOutcome Outcome { get; set; }

    public int? HttpStatus { get; set; }

    public long Bytes { get; set; }

    public string? Encoding { get; set; }

    public int ItemsRead { get; set; }

    public int ItemsNew { get; set; }

    /// <summary>What went wrong, or what was recovered from (problems joined one per line), naming where.</summary>
    public string? Error { get; set; }
}
