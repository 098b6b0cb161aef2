using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News;
using Modelwatch.Core.News.Digest;
using Modelwatch.Data.News;
using Modelwatch.Data.News.Store;
using Modelwatch.News.Feeds;
using Modelwatch.News.Tests.Sync;
using Modelwatch.Testing.Database;

namespace Modelwatch.News.Tests.Digest;

/// <summary>The header counts as computed straight from the tables, independently of the digest code.</summary>
internal sealed record ExpectedCounts(int Sources, int Items, int Stories, int Duplicates);

/// <summary>Every fixture feed read with the FeedReader and stored with NewsIngest, as a fetch would; plus checks on the result.</summary>
internal static class FixtureNews
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// Ingests every readable fixture feed, one source each, and the Mistral feed a second time as another source (a
    /// mirror: the fixture set holds only one of each scraper pair, so this is how its items meet copies); returns how
    /// many sources were stored.
    /// </summary>
    public static async Task<int> IngestAllAsync(TestDatabase database, TimeProvider time)
    {
        var stored = 0;
        var feeds = FeedFixtures.Feeds();
        for (var i = 0; i <= feeds.Count; i++)
        {
            var path = i < feeds.Count ? feeds[i] : FeedFixtures.File("ai__olshansk_mistral.xml");
            FeedDocument document;
            try
            {
                document = FeedReader.Read(await File.ReadAllBytesAsync(path, Cancel), FeedFixtures.AddressOf(path));
            }
            catch (FeedReadException)
            {
                continue; // a source that cannot be read gives no items; the feed tests check its message
            }

            await using var db = database.CreateContext();
            var address = i < feeds.Count ? FeedFixtures.AddressOf(path) : new Uri("https://mirror.example/" + Path.GetFileName(path));
            var added = await new NewsSourceStore(db, time).AddAsync([new NewsSourceInput(address.Host + " " + Path.GetFileName(path), NewsSourceKind.Feed, address)], Cancel);
            await new NewsIngest(db, time).IngestAsync(added.Added.Single().Id, document, Cancel);
            stored++;
        }

        return stored;
    }

    /// <summary>The whole UTC days the stored items span.</summary>
    public static async Task<DigestWindow> SpanAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var dates = await db.NewsItems.Select(i => i.PublishedAt).ToListAsync(Cancel);
        var first = DateOnly.FromDateTime(dates.Min().UtcDateTime);
        var last = DateOnly.FromDateTime(dates.Max().UtcDateTime);
        return new DigestWindow(DigestWindow.Day(first).From, DigestWindow.Day(last).To);
    }

    /// <summary>The UTC day with the most items.</summary>
    public static async Task<DigestWindow> BusiestDayAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var dates = await db.NewsItems.Select(i => i.PublishedAt).ToListAsync(Cancel);
        var day = dates.GroupBy(d => DateOnly.FromDateTime(d.UtcDateTime)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return DigestWindow.Day(day);
    }

    public static async Task<ExpectedCounts> CountAsync(TestDatabase database, DigestWindow window)
    {
        await using var db = database.CreateContext();
        var inWindow = db.NewsItems.Where(i => i.PublishedAt >= window.From && i.PublishedAt < window.To);
        return new ExpectedCounts(
            await inWindow.Select(i => i.SourceId).Distinct().CountAsync(Cancel),
            await inWindow.CountAsync(Cancel),
            await inWindow.Where(i => i.StoryId != null).Select(i => i.StoryId).Distinct().CountAsync(Cancel) + await inWindow.CountAsync(i => i.StoryId == null, Cancel),
            await inWindow.CountAsync(i => i.DuplicateOfId != null, Cancel));
    }

    /// <summary>Every link of every bullet and recap claim is the address of the stored item it names, an item of the window.</summary>
    public static async Task AssertLinksAreIngestedItemsAsync(TestDatabase database, DigestDocument digest)
    {
        await using var db = database.CreateContext();
        var items = await db.NewsItems
            .Where(i => i.PublishedAt >= digest.Window.From && i.PublishedAt < digest.Window.To)
            .Select(i => new { i.Id, i.Url, i.Muted })
            .ToDictionaryAsync(i => i.Id, Cancel);
        Assert.NotEmpty(digest.Bullets);
        foreach (var bullet in digest.Bullets)
        {
            Assert.NotEmpty(bullet.Links);
            foreach (var link in bullet.Links)
            {
                Assert.True(items.TryGetValue(link.ItemId, out var item), $"\"{bullet.Title}\" links item {link.ItemId}, not an item of the window");
                Assert.False(item.Muted);
                Assert.Equal(item.Url is null ? null : new Uri(item.Url).AbsoluteUri, link.Url);
            }
        }

        Assert.NotEmpty(digest.RecapClaims);
        Assert.All(digest.RecapClaims.SelectMany(c => c.Links), l => Assert.Equal(new Uri(items[l.ItemId].Url!).AbsoluteUri, l.Url));
    }

    public static void AssertHeader(ExpectedCounts expected, DigestCounts counts) =>
        Assert.Equal(expected, new ExpectedCounts(counts.SourcesRead, counts.Items, counts.Stories, counts.DuplicatesMerged));

    public static void AssertHeader(ExpectedCounts expected, NewsDigest row) =>
        Assert.Equal(expected, new ExpectedCounts(row.SourcesRead, row.ItemsRead, row.Stories, row.DuplicatesMerged));
}
