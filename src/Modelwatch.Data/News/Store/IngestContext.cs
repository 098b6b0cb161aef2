using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News;
using Modelwatch.Core.News.Processing;

namespace Modelwatch.Data.News.Store;

/// <summary>
/// What judging new items needs from the database: the index seeded with the stored items around them, the catalog's
/// names and the enabled rules. Judging sets each item's keys, duplicate decision, tags, mute and boost and returns
/// its story key and mentions.
/// </summary>
internal sealed class IngestContext
{
    private readonly NewsIndex _index;
    private readonly EntityLinker _linker;
    private readonly NewsRuleSet _rules;

    private IngestContext(NewsIndex index, EntityLinker linker, NewsRuleSet rules, IReadOnlyDictionary<long, long?> storyOfSeeded)
    {
        _index = index;
        _linker = linker;
        _rules = rules;
        StoryOfSeeded = storyOfSeeded;
    }

    /// <summary>The story row of each seeded item, by item id (the key item of a story is one of these or a new item).</summary>
    public IReadOnlyDictionary<long, long?> StoryOfSeeded { get; }

    public static async Task<IngestContext> LoadAsync(ModelwatchDbContext db, IReadOnlyList<NewsItem> fresh, TimeSpan window, CancellationToken ct)
    {
        var earliest = fresh.Min(i => i.PublishedAt) - window;
        var latest = fresh.Max(i => i.PublishedAt) + window;
        var freshIds = fresh.Select(i => i.Id).ToList();
        var stored = await (
            from i in db.NewsItems.AsNoTracking()
            where i.PublishedAt >= earliest && i.PublishedAt <= latest && !freshIds.Contains(i.Id)
            join s in db.NewsStories.AsNoTracking() on i.StoryId equals (long?)s.Id into stories
            from s in stories.DefaultIfEmpty()
            orderby i.PublishedAt, i.Id
            select new { Item = i, StoryKey = s == null ? (long?)null : s.LeadItemId }).ToListAsync(ct).ConfigureAwait(false);

        var storedIds = stored.Select(s => s.Item.Id).ToList();
        var mentioned = (await db.NewsItemEntities.AsNoTracking().Where(e => storedIds.Contains(e.ItemId)).Select(e => new { e.ItemId, e.EntityId }).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(e => e.ItemId, e => e.EntityId);
        var index = new NewsIndex();
        index.Seed(stored.Select(s => Indexed(s.Item, s.StoryKey ?? s.Item.Id, [.. mentioned[s.Item.Id]])));
        var linker = new EntityLinker(await NewsEntityAliases.LoadAsync(db, ct).ConfigureAwait(false));
        var rules = await db.NewsRules.AsNoTracking().Where(r => r.Enabled).ToListAsync(ct).ConfigureAwait(false);
        var ruleSet = new NewsRuleSet(rules.Select(r => new NewsRuleSpec(r.Pattern, r.IsRegex, r.Action == NewsRuleAction.Mute, r.Weight, r.SourceId)));
        return new IngestContext(index, linker, ruleSet, stored.ToDictionary(s => s.Item.Id, s => s.Item.StoryId));
    }

    /// <summary>Judges the new items in date order (so an original comes before its copies).</summary>
    public IReadOnlyList<JudgedItem> Judge(IReadOnlyList<NewsItem> fresh, NewsSourceKind kind)
    {
        var judged = new List<JudgedItem>(fresh.Count);
        foreach (var item in fresh)
        {
            // Mentions first: the index counts shared models and labs towards story similarity.
            var mentions = Mentions(item);
            var entityIds = mentions.Select(m => m.EntityId).ToList();
            var decision = _index.Add(new NewsArticle(item.Id, item.SourceId, item.Title, item.Url is null ? null : new Uri(item.Url), item.Summary, item.PublishedAt, entityIds));
            item.CanonicalUrl = NewsKeys.Clip(decision.CanonicalUrl, NewsItem.MaxUrlLength);
            item.UrlKey = decision.UrlKey;
            item.TitleKey = decision.TitleKey;
            item.DuplicateOfId = decision.DuplicateOf;
            item.DuplicateReason = decision.Reason is { } reason ? Enum.Parse<NewsDuplicateReason>(reason.ToString()) : null;
            item.MinHash = decision.MinHash is { } signature ? MinHash.ToBytes(signature) : null;
            item.Tags = NewsTagger.Tag(item.Title, item.Summary, kind);
            var verdict = _rules.Evaluate(item.SourceId, item.Title, item.Summary);
            item.Muted = verdict.Muted;
            item.Boost = verdict.Boost;
            judged.Add(new JudgedItem(item, decision.StoryKey, mentions, kind));
        }

        return judged;
    }

    private List<NewsItemEntity> Mentions(NewsItem item)
    {
        var text = item.Summary is null ? item.Title : item.Title + "\n" + item.Summary;
        return _linker.Find(text)
            .Select(m => new NewsItemEntity
            {
                ItemId = item.Id,
                Kind = m.Kind == EntityKindCode.Lab ? NewsEntityKind.Lab : NewsEntityKind.Model,
                EntityId = NewsKeys.Clip(m.EntityId, NewsItemEntity.MaxEntityIdLength)!,
                Mention = NewsKeys.Clip(m.Mention, NewsItemEntity.MaxMentionLength)!,
            })
            .DistinctBy(e => (e.Kind, e.EntityId))
            .ToList();
    }

    private static IndexedArticle Indexed(NewsItem item, long storyKey, IReadOnlyCollection<string> entityIds) => new(
        new NewsArticle(item.Id, item.SourceId, item.Title, item.Url is null ? null : new Uri(item.Url), item.Summary, item.PublishedAt, entityIds),
        new NewsDecision(
            item.CanonicalUrl, item.UrlKey, item.TitleKey, item.DuplicateOfId,
            item.DuplicateReason is { } reason ? Enum.Parse<DuplicateKind>(reason.ToString()) : null,
            storyKey,
            item.MinHash is { } bytes ? MinHash.FromBytes(bytes) : null));
}

/// <summary>A new item after judging: its story key (an item id, <see cref="NewsDecision.StoryKey"/>) and its mentions.</summary>
internal sealed record JudgedItem(NewsItem Item, long StoryKey, IReadOnlyList<NewsItemEntity> Mentions, NewsSourceKind Kind);
