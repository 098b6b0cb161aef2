using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News;
using Modelwatch.Data;
using Modelwatch.Data.News;

namespace Modelwatch.Web.Features.News;

/// <summary>What the news pages and <c>/api/news</c> show, read from the database.</summary>
public sealed class NewsQueries(ModelwatchDbContext db)
{
    /// <summary>Fetches kept per source on the sources page.</summary>
    public const int HistoryLength = 10;

    /// <summary>Stories, most important first; muted ones only when asked for.</summary>
    public async Task<StoryListPage> StoriesAsync(NewsTags? tag, bool includeMuted, int page, int pageSize, CancellationToken ct)
    {
        var query = db.NewsStories.AsNoTracking();
        if (!includeMuted)
        {
            query = query.Where(s => !s.Muted);
        }

        if (tag is { } t && t != NewsTags.None)
        {
            query = query.Where(s => (s.Tags & t) == t);
        }

        var total = await query.CountAsync(ct);
        var rows = await (
            from s in query
            join i in db.NewsItems on s.LeadItemId equals (long?)i.Id into leads
            from lead in leads.DefaultIfEmpty()
            orderby s.Importance descending, s.LastSeenAt descending, s.Id descending
            select new StoryRow(s.Id, s.Title, lead == null ? null : lead.Url, s.FirstSeenAt, s.LastSeenAt, s.ItemCount, s.SourceCount, s.Tags, s.Importance, s.Muted))
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new StoryListPage(page, pageSize, total, rows);
    }

    /// <summary>One story with every item (duplicates included) and what they mention; null when there is none.</summary>
    public async Task<StoryDetail?> StoryAsync(long id, CancellationToken ct)
    {
        var story = await db.NewsStories.AsNoTracking().Where(s => s.Id == id).FirstOrDefaultAsync(ct);
        if (story is null)
        {
            return null;
        }

        var items = await Items(db.NewsItems.Where(i => i.StoryId == id).OrderBy(i => i.PublishedAt).ThenBy(i => i.Id)).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var entities = await db.NewsItemEntities.AsNoTracking().Where(e => ids.Contains(e.ItemId)).ToListAsync(ct);
        var lead = items.FirstOrDefault(i => i.Id == story.LeadItemId) ?? items.FirstOrDefault();
        return new StoryDetail(
            new StoryRow(story.Id, story.Title, lead?.Url, story.FirstSeenAt, story.LastSeenAt, story.ItemCount, story.SourceCount, story.Tags, story.Importance, story.Muted),
            items,
            [.. entities.GroupBy(e => (e.Kind, e.EntityId)).Select(g => new StoryEntity(g.Key.Kind.ToString(), g.Key.EntityId, g.First().Mention)).OrderBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.EntityId, StringComparer.Ordinal)]);
    }

    /// <summary>The latest items that mention a catalog model, newest first.</summary>
    public Task<List<StoryItem>> ModelNewsAsync(string modelId, int limit, CancellationToken ct)
    {
        var mentioned = db.NewsItemEntities.Where(e => e.Kind == NewsEntityKind.Model && e.EntityId == modelId).Select(e => e.ItemId);
        return Items(db.NewsItems.Where(i => mentioned.Contains(i.Id) && !i.Muted).OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id).Take(limit)).ToListAsync(ct);
    }

    /// <summary>Every source with its status and latest fetches, by folder then name.</summary>
    public async Task<IReadOnlyList<SourceRow>> SourcesAsync(CancellationToken ct)
    {
        var sources = await db.NewsSources.AsNoTracking().OrderBy(s => s.Folder).ThenBy(s => s.Name).ToListAsync(ct);
        var counts = await db.NewsItems.GroupBy(i => i.SourceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rows = new List<SourceRow>(sources.Count);
        foreach (var s in sources)
        {
            var history = await db.NewsFetchLogs.AsNoTracking().Where(l => l.SourceId == s.Id).OrderByDescending(l => l.StartedAt).ThenByDescending(l => l.Id).Take(HistoryLength)
                .Select(l => new FetchRow(l.StartedAt, l.DurationMs, l.Outcome.ToString(), l.HttpStatus, l.Bytes, l.Encoding, l.ItemsRead, l.ItemsNew, l.Error))
                .ToListAsync(ct);
            rows.Add(new SourceRow(s.Id, s.Name, s.Kind, s.Url, s.Parameter, s.Folder, s.Enabled, s.Status.ToString(), s.LastError, s.ConsecutiveFailures,
                s.LastFetchedAt, s.LastSuccessAt, s.NextFetchAt, counts.GetValueOrDefault(s.Id), history));
        }

        return rows;
    }

    /// <summary>Every rule, oldest first.</summary>
    public Task<List<RuleRow>> RulesAsync(CancellationToken ct) => (
        from r in db.NewsRules.AsNoTracking()
        join s in db.NewsSources on r.SourceId equals (int?)s.Id into sources
        from s in sources.DefaultIfEmpty()
        orderby r.Id
        select new RuleRow(r.Id, r.Pattern, r.IsRegex, r.Action.ToString(), r.Weight, r.SourceId, s == null ? null : s.Name)).ToListAsync(ct);

    /// <summary>Items as shown, in the order <paramref name="items"/> already has (ordered before projecting: EF cannot order by a record's constructor argument).</summary>
    private IQueryable<StoryItem> Items(IQueryable<NewsItem> items) =>
        from i in items.AsNoTracking()
        join s in db.NewsSources on i.SourceId equals s.Id
        select new StoryItem(i.Id, i.SourceId, s.Name, i.Title, i.Url, i.PublishedAt, i.Summary, i.DuplicateOfId,
            i.DuplicateReason == null ? null : i.DuplicateReason.ToString(), i.Muted, i.Points, i.Comments, i.CommentsUrl, i.StoryId);
}
