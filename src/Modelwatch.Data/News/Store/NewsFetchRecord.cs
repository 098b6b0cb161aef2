namespace Modelwatch.Data.News.Store;

/// <summary>How one fetch of a source went, as the fetcher saw it: what is written to its log and its state.</summary>
/// <param name="StartedAt">When the fetch began.</param>
/// <param name="Duration">Fetch, read and ingest together.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="HttpStatus">The response's status, when there was one.</param>
/// <param name="Bytes">Bytes read.</param>
/// <param name="Encoding">The encoding the body was decoded with.</param>
/// <param name="ItemsRead">Entries in the document.</param>
/// <param name="ItemsNew">Entries stored for the first time.</param>
/// <param name="Error">What went wrong or what was recovered from, naming where.</param>
/// <param name="ETag">The new validator (kept as it was when null and the fetch did not read a new body).</param>
/// <param name="LastModified">The new Last-Modified (likewise).</param>
/// <param name="NextFetchAt">When to try again: the interval after a success, the backoff after a failure.</param>
public sealed record NewsFetchRecord(
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    NewsFetchOutcome Outcome,
    int? HttpStatus,
    long Bytes,
    string? Encoding,
    int ItemsRead,
    int ItemsNew,
    string? Error,
    string? ETag,
    string? LastModified,
    DateTimeOffset NextFetchAt)
{
    /// <summary>Whether the source was read (or had not changed).</summary>
    public bool Succeeded => Outcome is NewsFetchOutcome.Ok or NewsFetchOutcome.NotModified or NewsFetchOutcome.Recovered;
}
