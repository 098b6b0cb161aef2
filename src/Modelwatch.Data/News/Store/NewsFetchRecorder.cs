using Microsoft.EntityFrameworkCore;

namespace Modelwatch.Data.News.Store;

/// <summary>
/// Writes one fetch's log row and the source's new state (status, validators, failures, next fetch) together and
/// gives the lease back: the per-source error history and health the sources page shows.
/// </summary>
public static class NewsFetchRecorder
{
    /// <summary>Records <paramref name="record"/> for <paramref name="sourceId"/> and releases <paramref name="owner"/>'s lease.</summary>
    /// <param name="db">The context.</param>
    /// <param name="sourceId">The source fetched.</param>
    /// <param name="owner">The lease holder.</param>
    /// <param name="record">How the fetch went.</param>
    /// <param name="ct">Cancels the write.</param>
    public static async Task RecordAsync(ModelwatchDbContext db, int sourceId, string owner, NewsFetchRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        var error = NewsKeys.Clip(record.Error, NewsFetchLog.MaxErrorLength);
        var transaction = await db.Database.BeginWriteAsync(ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var source = await db.NewsSources.FirstOrDefaultAsync(s => s.Id == sourceId, ct).ConfigureAwait(false);
            if (source is null)
            {
                // Deleted while it was being fetched: nothing to record.
                return;
            }

            db.NewsFetchLogs.Add(new NewsFetchLog
            {
                SourceId = sourceId,
                StartedAt = record.StartedAt,
                DurationMs = (int)Math.Min(int.MaxValue, Math.Round(record.Duration.TotalMilliseconds)),
                Outcome = record.Outcome,
                HttpStatus = record.HttpStatus,
                Bytes = record.Bytes,
                Encoding = NewsKeys.Clip(record.Encoding, NewsFetchLog.MaxEncodingLength),
                ItemsRead = record.ItemsRead,
                ItemsNew = record.ItemsNew,
                Error = error,
            });
            source.LastFetchedAt = record.StartedAt;
            source.NextFetchAt = record.NextFetchAt;
            if (record.Succeeded)
            {
                source.Status = record.Outcome == NewsFetchOutcome.Recovered ? NewsSourceStatus.Recovered : NewsSourceStatus.Ok;
                source.ConsecutiveFailures = 0;
                source.LastSuccessAt = record.StartedAt;
                source.LastError = record.Outcome == NewsFetchOutcome.Recovered ? NewsKeys.Clip(record.Error, NewsSource.MaxErrorLength) : null;
                // A 304 keeps the validators it was asked with; a new body brings its own (or none).
                if (record.Outcome != NewsFetchOutcome.NotModified)
                {
                    source.ETag = NewsKeys.Clip(record.ETag, NewsSource.MaxValidatorLength);
                    source.LastModified = NewsKeys.Clip(record.LastModified, NewsSource.MaxValidatorLength);
                }
            }
            else
            {
                source.Status = NewsSourceStatus.Failing;
                source.ConsecutiveFailures++;
                source.LastError = NewsKeys.Clip(record.Error, NewsSource.MaxErrorLength);
            }

            if (source.LeaseOwner == NewsKeys.Clip(owner, NewsSource.MaxLeaseOwnerLength))
            {
                source.LeaseOwner = null;
                source.LeaseUntil = null;
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }
    }
}
