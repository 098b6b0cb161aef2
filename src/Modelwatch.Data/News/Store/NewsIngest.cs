using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News;
using Modelwatch.Core.News.Processing;

namespace Modelwatch.Data.News.Store;

/// <summary>
/// Stores one source's feed document: new entries (by source and <see cref="NewsItem.ItemKey"/>) become items, judged
/// against the items of the surrounding 120 hours by <see cref="NewsIndex"/> (duplicates and stories), linked to the
/// catalog's models and labs, tagged, weighed by the rules and scored; their stories are created or updated. One
/// transaction: all of the document or nothing. Ingesting the same document again adds nothing.
/// </summary>
/// <param name="db">The context to write with; the caller owns it.</param>
/// <param name="time">Clock for the fetch time, undated entries and the recency part of importance.</param>
public sealed class NewsIngest(ModelwatchDbContext db, TimeProvider time)
{
    /// <summary>How far around the new entries' dates stored items are compared with them (news.md: 120 h).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(120);

    /// <summary>Stores the entries of <paramref name="document"/> that <paramref name="sourceId"/> has not given before.</summary>
    /// <param name="sourceId">The source the document was read from.</param>
    /// <param name="document">The document as read.</param>
    /// <param name="ct">Cancels the ingest (nothing is kept).</param>
    public async Task<IngestResult> IngestAsync(int sourceId, FeedDocument document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var source = await db.NewsSources.AsNoTracking().Where(s => s.Id == sourceId).Select(s => new { s.Id, s.Kind }).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            ?? throw new ArgumentException($"There is no news source {sourceId}.", nameof(sourceId));
        var now = time.GetUtcNow();

        // One row per entry: a feed that repeats an entry keeps its first copy.
        var entries = document.Entries.GroupBy(NewsKeys.ItemKey, StringComparer.Ordinal).Select(g => (Key: g.Key, Entry: g.First())).ToList();
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            var transaction = await db.Database.BeginWriteAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var keys = entries.Select(e => e.Key).ToList();
                var known = (await db.NewsItems.Where(i => i.SourceId == sourceId && keys.Contains(i.ItemKey)).Select(i => i.ItemKey).ToListAsync(ct).ConfigureAwait(false))
                    .ToHashSet(StringComparer.Ordinal);
                var fresh = entries.Where(e => !known.Contains(e.Key))
                    .Select(e => NewsItemMapper.ToItem(sourceId, e.Key, e.Entry, document, now))
                    .OrderBy(i => i.PublishedAt).ThenBy(i => i.ItemKey, StringComparer.Ordinal)
                    .ToList();
                if (fresh.Count == 0)
                {
                    return new IngestResult(document.Entries.Count, 0, 0);
                }

                db.ChangeTracker.AutoDetectChangesEnabled = true;
                db.NewsItems.AddRange(fresh);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);

                var context = await IngestContext.LoadAsync(db, fresh, Window, ct).ConfigureAwait(false);
                var judged = context.Judge(fresh, source.Kind);
                await NewsStories.UpsertAsync(db, context, judged, now, ct).ConfigureAwait(false);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return new IngestResult(document.Entries.Count, fresh.Count, fresh.Count(i => i.DuplicateOfId is not null));
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
