using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News;
using Modelwatch.Core.News.Digest;
using Modelwatch.Data;
using Modelwatch.Data.News;

namespace Modelwatch.News.Digest;

/// <summary>What happened to a change asked of a stored digest.</summary>
public enum DigestChange
{
    Done,
    NotFound,

    /// <summary>Published digests are final (their Atom entry has gone out).</summary>
    AlreadyPublished,
}

/// <summary>A stored digest and its composed content.</summary>
public sealed record StoredDigest(NewsDigest Row, DigestDocument Document)
{
    /// <summary>The whole digest as Markdown, with the stored (possibly edited) recap.</summary>
    public string Markdown => DigestMarkdown.Write(Document, Row.Recap);
}

/// <summary>One page of the archive: published digests, newest window first.</summary>
public sealed record DigestArchivePage(IReadOnlyList<NewsDigest> Digests, int Total, int Page, int PageSize);

/// <summary>
/// Drafts, edits, publishes and lists digests. A draft's recap may be edited until it is published; publishing is
/// final. The archive lists published digests by window, searched in title, recap and keywords (tags, models, labs)
/// and filtered by tag.
/// </summary>
public sealed class DigestStore(IDbContextFactory<ModelwatchDbContext> contexts, TimeProvider time)
{
    public async Task<NewsDigest> SaveDraftAsync(DigestDocument digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var row = new NewsDigest
        {
            WindowStart = digest.Window.From,
            WindowEnd = digest.Window.To,
            Language = digest.Language,
            Status = NewsDigestStatus.Draft,
            Title = Cut(digest.Title, NewsDigest.MaxTitleLength),
            Recap = digest.Recap,
            ContentJson = DigestJson.Serialize(digest),
            SummarizedBy = Cut(digest.SummarizedBy, NewsDigest.MaxSummarizerLength),
            SourcesRead = digest.Counts.SourcesRead,
            ItemsRead = digest.Counts.Items,
            Stories = digest.Counts.Stories,
            DuplicatesMerged = digest.Counts.DuplicatesMerged,
            Tags = digest.Tags,
            Keywords = string.Join(' ', digest.Keywords),
            CreatedAt = time.GetUtcNow(),
        };
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.NewsDigests.Add(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return row;
        }
    }

    public async Task<StoredDigest?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.NewsDigests.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
            return row is null ? null : new StoredDigest(row, DigestJson.Deserialize(row.ContentJson, row.Id));
        }
    }

    /// <summary>Replaces a draft's recap (Markdown, as a person wrote it).</summary>
    public Task<DigestChange> EditRecapAsync(long id, string recap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recap);
        return ChangeDraftAsync(id, (_, row) =>
        {
            row.Recap = recap.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";
            row.RecapEdited = true;
        }, cancellationToken);
    }

    public Task<DigestChange> PublishAsync(long id, CancellationToken cancellationToken) =>
        ChangeDraftAsync(id, (_, row) =>
        {
            row.Status = NewsDigestStatus.Published;
            row.PublishedAt = time.GetUtcNow();
        }, cancellationToken);

    /// <summary>Deletes a draft (a published digest stays).</summary>
    public Task<DigestChange> DeleteDraftAsync(long id, CancellationToken cancellationToken) =>
        ChangeDraftAsync(id, (db, row) => db.NewsDigests.Remove(row), cancellationToken);

    /// <summary>Drafts, newest first.</summary>
    public async Task<IReadOnlyList<NewsDigest>> DraftsAsync(int count, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.NewsDigests.AsNoTracking().Where(d => d.Status == NewsDigestStatus.Draft)
                .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(count)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether a digest of this window and language exists already (the daily job makes one per day).</summary>
    public async Task<bool> ExistsAsync(DigestWindow window, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.NewsDigests.AnyAsync(
                d => d.WindowStart == window.From && d.WindowEnd == window.To && d.Language == language, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Published digests, newest window first, matching <paramref name="search"/> (any case) and carrying <paramref name="tag"/>.</summary>
    public async Task<DigestArchivePage> ArchiveAsync(string? search, NewsTags tag, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var query = db.NewsDigests.AsNoTracking().Where(d => d.Status == NewsDigestStatus.Published);
            if (tag != NewsTags.None)
            {
                query = query.Where(d => (d.Tags & tag) == tag);
            }

            if (!string.IsNullOrWhiteSpace(search))
            {
                var term = search.Trim().ToLowerInvariant();
                query = query.Where(d => d.Title.ToLower().Contains(term) || d.Recap.ToLower().Contains(term)
                    || (d.Keywords != null && d.Keywords.ToLower().Contains(term)));
            }

            var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
            var rows = await query.OrderByDescending(d => d.WindowStart).ThenByDescending(d => d.Id)
                .Skip((page - 1) * pageSize).Take(pageSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return new DigestArchivePage(rows, total, page, pageSize);
        }
    }

    private async Task<DigestChange> ChangeDraftAsync(long id, Action<ModelwatchDbContext, NewsDigest> change, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.NewsDigests.SingleOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return DigestChange.NotFound;
            }

            if (row.Status == NewsDigestStatus.Published)
            {
                return DigestChange.AlreadyPublished;
            }

            change(db, row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return DigestChange.Done;
        }
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
