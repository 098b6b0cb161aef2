using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News;
using Modelwatch.Core.News.Processing;
using Modelwatch.Data;
using Modelwatch.Data.News;
using Modelwatch.Data.News.Store;
using Modelwatch.News.Feeds;
using Modelwatch.Testing.Database;

namespace Modelwatch.News.Tests.Sync;

public sealed class NewsIngestTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Every_fixture_feed_is_stored_once_and_reingesting_adds_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var stored = new Dictionary<int, (string File, int Expected)>();
        var unreadable = 0;
        foreach (var path in FeedFixtures.Feeds())
        {
            FeedDocument document;
            try
            {
                document = FeedReader.Read(await File.ReadAllBytesAsync(path, Cancel), FeedFixtures.AddressOf(path));
            }
            catch (FeedReadException error)
            {
                // Nothing to store; the message must say which file.
                Assert.Contains(Path.GetFileName(path), error.Message, StringComparison.Ordinal);
                unreadable++;
                continue;
            }

            var sourceId = await AddSourceAsync(database, path);
            await using var db = database.CreateContext();
            var result = await new NewsIngest(db, TimeProvider.System).IngestAsync(sourceId, document, Cancel);

            // One row per distinct entry (the source's id, else link, else title, as the store keys them).
            var distinct = document.Entries.Select(e => e.Id ?? e.Link?.AbsoluteUri ?? e.Title).Distinct(StringComparer.Ordinal).Count();
            Assert.Equal(document.Entries.Count, result.Read);
            Assert.Equal(distinct, result.New);
            stored[sourceId] = (Path.GetFileName(path), distinct);
        }

        Assert.True(stored.Count >= 20, $"only {stored.Count} fixture feeds could be stored");
        Assert.True(unreadable <= 2, $"{unreadable} fixture feeds were unreadable");
        await using (var db = database.CreateContext())
        {
            var counts = await db.NewsItems.GroupBy(i => i.SourceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Cancel);
            foreach (var (sourceId, (file, expected)) in stored)
            {
                Assert.True(expected == counts.GetValueOrDefault(sourceId), $"{file}: {expected} entries, {counts.GetValueOrDefault(sourceId)} stored");
            }

            // Every item is in a story; a story's counts are its items'.
            Assert.False(await db.NewsItems.AnyAsync(i => i.StoryId == null, Cancel));
            var stories = await db.NewsStories.ToListAsync(Cancel);
            var members = await db.NewsItems.GroupBy(i => i.StoryId).Select(g => new { g.Key, Count = g.Count(), Sources = g.Select(i => i.SourceId).Distinct().Count() }).ToDictionaryAsync(g => g.Key!.Value, Cancel);
            Assert.All(stories, s => Assert.Equal((members[s.Id].Count, members[s.Id].Sources), (s.ItemCount, s.SourceCount)));
        }

        var before = await CountsAsync(database);
        foreach (var path in FeedFixtures.Feeds())
        {
            FeedDocument document;
            try
            {
                document = FeedReader.Read(await File.ReadAllBytesAsync(path, Cancel), FeedFixtures.AddressOf(path));
            }
            catch (FeedReadException)
            {
                continue;
            }

            await using var db = database.CreateContext();
            var sourceId = await db.NewsSources.Where(s => s.Url == FeedFixtures.AddressOf(path).AbsoluteUri).Select(s => s.Id).SingleAsync(Cancel);
            var again = await new NewsIngest(db, TimeProvider.System).IngestAsync(sourceId, document, Cancel);
            Assert.Equal((document.Entries.Count, 0, 0), (again.Read, again.New, again.Duplicates));
        }

        Assert.Equal(before, await CountsAsync(database));
    }

    [Theory, BothDatabases]
    public async Task Lab_feed_items_are_linked_to_the_catalog_models_their_titles_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider, Cancel);
        IReadOnlyList<EntityAlias> aliases;
        await using (var db = database.CreateContext())
        {
            aliases = await NewsEntityAliases.LoadAsync(db, Cancel);
        }

        var linker = new EntityLinker(aliases);
        foreach (var (file, lab) in new[] { ("ai__olshansk_anthropic_news.xml", "anthropic"), ("ai__olshansk_mistral.xml", "mistral"), ("ai__olshansk_openai_research.xml", "openai") })
        {
            var path = FeedFixtures.File(file);
            var document = FeedReader.Read(await File.ReadAllBytesAsync(path, Cancel), FeedFixtures.AddressOf(path));
            var sourceId = await AddSourceAsync(database, path);
            await using var db = database.CreateContext();
            await new NewsIngest(db, TimeProvider.System).IngestAsync(sourceId, document, Cancel);

            var items = await db.NewsItems.Where(i => i.SourceId == sourceId).Select(i => new { i.Id, i.Title }).ToListAsync(Cancel);
            var ids = items.Select(i => i.Id).ToList();
            var links = (await db.NewsItemEntities.Where(e => ids.Contains(e.ItemId) && e.Kind == NewsEntityKind.Model).ToListAsync(Cancel)).ToLookup(e => e.ItemId, e => e.EntityId);

            // Every model a title names (by the catalog's own names) is among the item's stored links.
            var named = 0;
            foreach (var item in items)
            {
                var inTitle = linker.Find(item.Title).Where(m => m.Kind == EntityKindCode.Model).Select(m => m.EntityId).ToHashSet(StringComparer.Ordinal);
                named += inTitle.Count > 0 ? 1 : 0;
                Assert.True(inTitle.IsSubsetOf(links[item.Id]), $"{file}: \"{item.Title}\" names {string.Join(", ", inTitle)} but is linked to {string.Join(", ", links[item.Id])}");
            }

            // And the lab's own posts name its models: some titles link to a model of that lab.
            var ofLab = items.Count(i => links[i.Id].Any(m => m.StartsWith(lab, StringComparison.Ordinal)));
            Assert.True(named > 0 && ofLab > 0, $"{file}: {named} titles name a catalog model, {ofLab} link one of {lab}'s");
        }
    }

    private static async Task<int> AddSourceAsync(TestDatabase database, string path)
    {
        await using var db = database.CreateContext();
        var added = await new NewsSourceStore(db, TimeProvider.System).AddAsync([new NewsSourceInput(Path.GetFileName(path), NewsSourceKind.Feed, FeedFixtures.AddressOf(path))], Cancel);
        return added.Added.Single().Id;
    }

    private static async Task<(int Items, int Stories, int Mentions)> CountsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return (await db.NewsItems.CountAsync(Cancel), await db.NewsStories.CountAsync(Cancel), await db.NewsItemEntities.CountAsync(Cancel));
    }
}
