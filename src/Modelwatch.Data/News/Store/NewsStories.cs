using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News;
using Modelwatch.Core.News.Processing;

namespace Modelwatch.Data.News.Store;

/// <summary>
/// Maps the index's story keys (the id of a story's first item) to story rows, creating the new ones, and recomputes
/// every touched story: item and source counts, tags, first and last seen, muted, and the importance of it and its items.
/// </summary>
internal static class NewsStories
{
    public static async Task UpsertAsync(ModelwatchDbContext db, IngestContext context, IReadOnlyList<JudgedItem> judged, DateTimeOffset now, CancellationToken ct)
    {
        db.NewsItemEntities.AddRange(judged.SelectMany(j => j.Mentions));
        var fresh = judged.ToDictionary(j => j.Item.Id, j => j.Item);
        var storyOfKey = new Dictionary<long, NewsStory>();
        var existingOfKey = new Dictionary<long, long>();
        foreach (var j in judged)
        {
            if (context.StoryOfSeeded.TryGetValue(j.StoryKey, out var seededStory) && seededStory is { } id)
            {
                existingOfKey[j.StoryKey] = id;
                continue;
            }

            if (!storyOfKey.ContainsKey(j.StoryKey))
            {
                var lead = fresh.GetValueOrDefault(j.StoryKey) ?? j.Item;
                storyOfKey[j.StoryKey] = new NewsStory { Title = lead.Title, LeadItemId = j.StoryKey, FirstSeenAt = lead.PublishedAt, LastSeenAt = lead.PublishedAt };
            }
        }

        db.NewsStories.AddRange(storyOfKey.Values);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        foreach (var j in judged)
        {
            j.Item.StoryId = existingOfKey.TryGetValue(j.StoryKey, out var id) ? id : storyOfKey[j.StoryKey].Id;
        }

        // A stored item that became the key of a new story (it had none) joins it too.
        foreach (var (key, story) in storyOfKey.Where(p => !fresh.ContainsKey(p.Key)))
        {
            await db.NewsItems.Where(i => i.Id == key && i.StoryId == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.StoryId, story.Id), ct).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var storyIds = judged.Select(j => j.Item.StoryId!.Value).Distinct().ToList();
        await RecomputeAsync(db, storyIds, now, ct).ConfigureAwait(false);
    }

    private static async Task RecomputeAsync(ModelwatchDbContext db, IReadOnlyList<long> storyIds, DateTimeOffset now, CancellationToken ct)
    {
        var stories = await db.NewsStories.Where(s => storyIds.Contains(s.Id)).ToListAsync(ct).ConfigureAwait(false);
        var items = await db.NewsItems.Where(i => i.StoryId != null && storyIds.Contains(i.StoryId.Value)).ToListAsync(ct).ConfigureAwait(false);
        var itemIds = items.Select(i => i.Id).ToList();
        var models = (await db.NewsItemEntities.AsNoTracking().Where(e => e.Kind == NewsEntityKind.Model && itemIds.Contains(e.ItemId)).Select(e => new { e.ItemId, e.EntityId }).ToListAsync(ct).ConfigureAwait(false))
            .Concat(db.NewsItemEntities.Local.Where(e => e.Kind == NewsEntityKind.Model).Select(e => new { e.ItemId, e.EntityId }))
            .Distinct()
            .ToLookup(e => e.ItemId, e => e.EntityId);
        var sourceIds = items.Select(i => i.SourceId).Distinct().ToList();
        var kinds = await db.NewsSources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Kind, ct).ConfigureAwait(false);
        foreach (var story in stories)
        {
            var members = items.Where(i => i.StoryId == story.Id).ToList();
            var sources = members.Select(i => i.SourceId).Distinct().Count();
            var storyModels = members.SelectMany(i => models[i.Id]).Distinct(StringComparer.Ordinal).Count();
            foreach (var item in members)
            {
                var age = now - item.PublishedAt;
                item.Importance = NewsImportance.Score(sources, storyModels, age < TimeSpan.Zero ? TimeSpan.Zero : age, item.Points, item.Comments, item.Boost, kinds[item.SourceId]);
            }

            story.ItemCount = members.Count;
            story.SourceCount = sources;
            story.FirstSeenAt = members.Min(i => i.PublishedAt);
            story.LastSeenAt = members.Max(i => i.PublishedAt);
            story.Tags = members.Aggregate(NewsTags.None, (tags, i) => tags | i.Tags);
            story.Muted = members.All(i => i.Muted);
            story.Importance = members.Max(i => i.Importance);
        }
    }
}
