using Microsoft.EntityFrameworkCore;

namespace Modelwatch.Data.News.Store;

/// <summary>
/// The lease that lets one app instance at a time fetch a source. Taking it is one conditional UPDATE (free or expired
/// → mine), which both SQLite and PostgreSQL run atomically: of two instances racing for a source exactly one sees a
/// row changed. A lease expires on its own, so an instance that dies mid-fetch holds the source only until then.
/// </summary>
public static class NewsSourceLease
{
    /// <summary>Takes the lease on <paramref name="sourceId"/> for <paramref name="duration"/>; false when another holder's lease is still running.</summary>
    /// <param name="db">The context.</param>
    /// <param name="sourceId">The source.</param>
    /// <param name="owner">This instance's name (kept on the row for the sources page).</param>
    /// <param name="now">The current time.</param>
    /// <param name="duration">How long the lease lasts unless released (longer than a fetch plus its ingest can take).</param>
    /// <param name="dueOnly">
    /// Only if the source is still due. The schedule asks for this: another instance may have fetched the source (and
    /// given its lease back) between this instance listing the due sources and reaching this one.
    /// </param>
    /// <param name="ct">Cancels the update.</param>
    public static async Task<bool> TryAcquireAsync(ModelwatchDbContext db, int sourceId, string owner, DateTimeOffset now, TimeSpan duration, bool dueOnly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var until = now + duration;
        var owned = NewsKeys.Clip(owner, NewsSource.MaxLeaseOwnerLength);
        var changed = await db.NewsSources
            .Where(s => s.Id == sourceId && (s.LeaseUntil == null || s.LeaseUntil < now) && (!dueOnly || s.NextFetchAt == null || s.NextFetchAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, owned).SetProperty(x => x.LeaseUntil, until), ct)
            .ConfigureAwait(false);
        return changed == 1;
    }

    /// <summary>Gives the lease back (only if <paramref name="owner"/> still holds it).</summary>
    /// <param name="db">The context.</param>
    /// <param name="sourceId">The source.</param>
    /// <param name="owner">The name the lease was taken with.</param>
    /// <param name="ct">Cancels the update.</param>
    public static Task ReleaseAsync(ModelwatchDbContext db, int sourceId, string owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var owned = NewsKeys.Clip(owner, NewsSource.MaxLeaseOwnerLength);
        return db.NewsSources
            .Where(s => s.Id == sourceId && s.LeaseOwner == owned)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, (string?)null).SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    /// <summary>The enabled sources whose next fetch is due and that nobody holds, soonest first.</summary>
    /// <param name="db">The context.</param>
    /// <param name="now">The current time.</param>
    /// <param name="ct">Cancels the query.</param>
    public static Task<List<int>> DueAsync(ModelwatchDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.NewsSources.AsNoTracking()
            .Where(s => s.Enabled && (s.NextFetchAt == null || s.NextFetchAt <= now) && (s.LeaseUntil == null || s.LeaseUntil < now))
            .OrderBy(s => s.NextFetchAt).ThenBy(s => s.Id)
            .Select(s => s.Id)
            .ToListAsync(ct);
    }
}
