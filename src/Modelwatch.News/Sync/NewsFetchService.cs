using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News;
using Modelwatch.Data;
using Modelwatch.Data.News;
using Modelwatch.Data.News.Store;
using Modelwatch.News.Feeds;
using Modelwatch.News.Fetching;

namespace Modelwatch.News.Sync;

/// <summary>
/// Fetches sources into the database, shared by the web app's schedule, its "sync now" and the CLI: per source, take
/// its lease (so one instance fetches it), conditional GET with its validators, read, ingest, then record the log row
/// and the new state (next fetch after the interval, or after backoff with jitter when it failed). Whatever one source
/// does — HTTP error, timeout, oversized body, unreadable bytes, even a failing ingest — is recorded against that
/// source; the others carry on.
/// </summary>
/// <param name="contexts">Makes a context per source (sources are fetched concurrently).</param>
/// <param name="fetcher">Polite HTTP.</param>
/// <param name="time">Clock for the log and the schedule.</param>
/// <param name="options">Limits, parallelism, lease length and this instance's name.</param>
public sealed class NewsFetchService(IDbContextFactory<ModelwatchDbContext> contexts, FeedFetcher fetcher, TimeProvider time, NewsFetchOptions options)
{
    /// <summary>Fetches the sources that are due (enabled, next fetch reached, not leased).</summary>
    /// <param name="progress">Sources done.</param>
    /// <param name="ct">Stops the run between sources (a fetch in flight is cancelled).</param>
    public async Task<NewsFetchSummary> FetchDueAsync(IProgress<NewsFetchProgress>? progress, CancellationToken ct)
    {
        List<int> due;
        await using (var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            due = await NewsSourceLease.DueAsync(db, time.GetUtcNow(), ct).ConfigureAwait(false);
        }

        return await RunAsync(due, dueOnly: true, progress, ct).ConfigureAwait(false);
    }

    /// <summary>Fetches the given sources now, whatever their schedule (a "sync now"); leased ones are skipped.</summary>
    /// <param name="sourceIds">The sources; null for every enabled one.</param>
    /// <param name="progress">Sources done.</param>
    /// <param name="ct">Stops the run.</param>
    public Task<NewsFetchSummary> FetchAsync(IReadOnlyList<int>? sourceIds, IProgress<NewsFetchProgress>? progress, CancellationToken ct) =>
        RunAsync(sourceIds, dueOnly: false, progress, ct);

    private async Task<NewsFetchSummary> RunAsync(IReadOnlyList<int>? sourceIds, bool dueOnly, IProgress<NewsFetchProgress>? progress, CancellationToken ct)
    {
        List<(int Id, string Name)> sources;
        await using (var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            var query = db.NewsSources.AsNoTracking();
            query = sourceIds is null ? query.Where(s => s.Enabled) : query.Where(s => sourceIds.Contains(s.Id));
            sources = (await query.OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(ct).ConfigureAwait(false)).Select(s => (s.Id, s.Name)).ToList();
        }

        var results = new NewsSourceFetched[sources.Count];
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count), parallel, async (i, token) =>
        {
            var record = await FetchOneAsync(sources[i].Id, dueOnly, token).ConfigureAwait(false);
            results[i] = new NewsSourceFetched(sources[i].Id, sources[i].Name, record);
            progress?.Report(new NewsFetchProgress(Interlocked.Increment(ref done), sources.Count, results[i]));
        }).ConfigureAwait(false);
        return new NewsFetchSummary(results);
    }

    /// <summary>Fetches one source if this instance gets its lease; null when another holds it.</summary>
    /// <param name="sourceId">The source.</param>
    /// <param name="dueOnly">Only if it is still due (the schedule); false fetches it whatever its schedule (sync now).</param>
    /// <param name="ct">Cancels the fetch (the lease then expires by itself).</param>
    public async Task<NewsFetchRecord?> FetchOneAsync(int sourceId, bool dueOnly, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        var startedAt = time.GetUtcNow();
        if (!await NewsSourceLease.TryAcquireAsync(db, sourceId, options.InstanceName, startedAt, options.Lease, dueOnly, ct).ConfigureAwait(false))
        {
            return null;
        }

        var source = await db.NewsSources.AsNoTracking().FirstAsync(s => s.Id == sourceId, ct).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        NewsFetchRecord record;
        try
        {
            record = await FetchAndIngestAsync(db, source, startedAt, ct).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Anything unexpected (the database refusing the ingest, a reader bug) is this source's failure, not the run's.
            db.ChangeTracker.Clear();
            record = Failure(source, startedAt, NewsFetchOutcome.ParseError, null, 0, null, $"{source.Url}: could not be read or stored: {error.Message}");
        }

        record = record with { Duration = clock.Elapsed };
        await NewsFetchRecorder.RecordAsync(db, sourceId, options.InstanceName, record, CancellationToken.None).ConfigureAwait(false);
        return record;
    }

    private async Task<NewsFetchRecord> FetchAndIngestAsync(ModelwatchDbContext db, NewsSource source, DateTimeOffset startedAt, CancellationToken ct)
    {
        var url = new Uri(source.Url);
        var validators = new FetchValidators(source.ETag, source.LastModified);
        var fetched = await fetcher.FetchAsync(url, validators, new FetchLimits(options.Timeout, options.MaxBytes), ct).ConfigureAwait(false);
        switch (fetched.Status)
        {
            case FetchStatus.NotModified:
                return Success(source, startedAt, NewsFetchOutcome.NotModified, fetched, null, 0, 0, null);
            case FetchStatus.Ok:
                break;
            default:
                return Failure(source, startedAt, Outcome(fetched.Status), fetched.HttpStatus, fetched.Bytes, null, $"{source.Url}: {fetched.Error ?? fetched.Status.ToString()}");
        }

        FeedDocument document;
        try
        {
            document = FeedReader.Read(fetched.Body ?? [], url, fetched.ContentType);
        }
        catch (FeedReadException error)
        {
            return Failure(source, startedAt, NewsFetchOutcome.ParseError, fetched.HttpStatus, fetched.Bytes, null, error.Message);
        }

        var ingested = await new NewsIngest(db, time).IngestAsync(source.Id, document, ct).ConfigureAwait(false);
        var problems = document.Problems.Count == 0 ? null : string.Join('\n', document.Problems.Select(p => $"{source.Url}, {p.Where}: {p.Message}"));
        var outcome = document.Recovered ? NewsFetchOutcome.Recovered : NewsFetchOutcome.Ok;
        return Success(source, startedAt, outcome, fetched, document.Encoding, document.Entries.Count, ingested.New, problems);
    }

    private NewsFetchRecord Success(NewsSource source, DateTimeOffset startedAt, NewsFetchOutcome outcome, FetchResult fetched, string? encoding, int read, int added, string? problems) =>
        new(startedAt, TimeSpan.Zero, outcome, fetched.HttpStatus, fetched.Bytes, encoding, read, added, problems, fetched.ETag, fetched.LastModified,
            time.GetUtcNow() + TimeSpan.FromMinutes(Math.Max(1, source.FetchIntervalMinutes)));

    private NewsFetchRecord Failure(NewsSource source, DateTimeOffset startedAt, NewsFetchOutcome outcome, int? status, long bytes, string? encoding, string error)
    {
        var delay = FetchBackoff.Delay(source.ConsecutiveFailures + 1, TimeSpan.FromMinutes(Math.Max(1, source.FetchIntervalMinutes)), Random.Shared.NextDouble());
        return new(startedAt, TimeSpan.Zero, outcome, status, bytes, encoding, 0, 0, error, null, null, time.GetUtcNow() + delay);
    }

    private static NewsFetchOutcome Outcome(FetchStatus status) => status switch
    {
        FetchStatus.HttpError => NewsFetchOutcome.HttpError,
        FetchStatus.Timeout => NewsFetchOutcome.Timeout,
        FetchStatus.TooLarge => NewsFetchOutcome.TooLarge,
        _ => NewsFetchOutcome.NetworkError,
    };
}
