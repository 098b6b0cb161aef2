using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News;
using Modelwatch.Data;
using Modelwatch.Data.News;
using Modelwatch.Data.News.Store;
using Modelwatch.News.Fetching;
using Modelwatch.News.Sync;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Providers;

namespace Modelwatch.News.Tests.Sync;

public sealed class NewsFetchServiceTests
{
    private const string Anthropic = "ai__olshansk_anthropic_news.xml";
    private const string Mistral = "ai__olshansk_mistral.xml";
    private const string Qemu = "nnw__qemu_relative_links.atom";
    private const string Ollama = "ai__olshansk_ollama.xml";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Good_sources_are_read_and_revalidated_while_failing_ones_are_recorded_and_backed_off(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        await using var server = await LoopbackFeedServer.StartAsync(FeedFixtures.Folder);
        var ids = await AddAsync(database,
            ("anthropic", server.Feed(Anthropic)), ("mistral", server.Feed(Mistral)), ("qemu", server.Feed(Qemu)),
            ("failing", server.Failing(Ollama)), ("slow", server.Slow(Ollama)), ("big", server.Big(Anthropic)), ("not a feed", server.Feed("PROVENANCE.tsv")));
        using var http = new HttpClient();
        var service = Service(database, http, "one");
        var progress = new List<NewsFetchProgress>();

        var first = await service.FetchAsync(null, new SyncProgress(progress), Cancel);

        Assert.Equal(7, first.Fetched);
        Assert.Equal(Enumerable.Range(1, 7), progress.Select(p => p.Done).Order());
        await using (var db = database.CreateContext())
        {
            var sources = await db.NewsSources.AsNoTracking().ToDictionaryAsync(s => s.Name, Cancel);
            var logs = await db.NewsFetchLogs.AsNoTracking().ToListAsync(Cancel);
            foreach (var good in new[] { "anthropic", "mistral", "qemu" })
            {
                var s = sources[good];
                var log = Assert.Single(logs, l => l.SourceId == s.Id);
                Assert.True(s.Status is NewsSourceStatus.Ok or NewsSourceStatus.Recovered, $"{good}: {s.Status} {s.LastError}");
                Assert.Equal((200, log.ItemsNew), (log.HttpStatus, await db.NewsItems.CountAsync(i => i.SourceId == s.Id, Cancel)));
                Assert.True(log.ItemsNew > 0, good);
                Assert.NotNull(s.ETag);
                Assert.Equal("Tue, 01 Jul 2025 10:00:00 GMT", s.LastModified);
            }

            // Each failure is its source's: status, error, backoff and a history row; nothing stored for it.
            foreach (var (name, outcome) in new[] { ("failing", NewsFetchOutcome.HttpError), ("slow", NewsFetchOutcome.Timeout), ("big", NewsFetchOutcome.TooLarge), ("not a feed", NewsFetchOutcome.ParseError) })
            {
                var s = sources[name];
                var log = Assert.Single(logs, l => l.SourceId == s.Id);
                Assert.Equal(outcome, log.Outcome);
                Assert.Equal((NewsSourceStatus.Failing, 1), (s.Status, s.ConsecutiveFailures));
                Assert.False(string.IsNullOrWhiteSpace(s.LastError), name);
                Assert.True(s.NextFetchAt > log.StartedAt, $"{name}: next fetch {s.NextFetchAt} not after {log.StartedAt}");
                Assert.Equal(0, await db.NewsItems.CountAsync(i => i.SourceId == s.Id, Cancel));
            }

            Assert.Equal(500, logs.Single(l => l.SourceId == sources["failing"].Id).HttpStatus);
            Assert.Contains(server.Failing(Ollama).AbsoluteUri, sources["failing"].LastError, StringComparison.Ordinal);
        }

        var items = await CountItemsAsync(database);
        var etags = await ETagsAsync(database);
        var second = await service.FetchAsync(null, null, Cancel);

        // The second run asks with the validators: 304 for the good feeds, nothing new, validators kept.
        Assert.All(second.Sources.Where(s => s.Name is "anthropic" or "mistral" or "qemu"), s => Assert.True(s.Record?.Outcome == NewsFetchOutcome.NotModified, $"{s.Name}: {s.Record?.Outcome} {s.Record?.Error}"));
        Assert.Equal(3, server.NotModified);
        Assert.Equal(items, await CountItemsAsync(database));
        Assert.Equal(etags, await ETagsAsync(database));
        await using (var db = database.CreateContext())
        {
            var failing = await db.NewsSources.AsNoTracking().SingleAsync(s => s.Name == "failing", Cancel);
            Assert.Equal(2, failing.ConsecutiveFailures);
            Assert.Equal(2, await db.NewsFetchLogs.CountAsync(l => l.SourceId == failing.Id, Cancel));
            Assert.Equal(3, await db.NewsFetchLogs.CountAsync(l => l.Outcome == NewsFetchOutcome.NotModified, Cancel));
        }

        Assert.Equal(4, second.Failed);
        Assert.Equal(ids.Count, second.Sources.Count);
    }

    [Theory, BothDatabases]
    public async Task Two_instances_on_one_database_fetch_each_due_source_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        await using var server = await LoopbackFeedServer.StartAsync(FeedFixtures.Folder);
        var files = new[] { Anthropic, Mistral, Qemu, Ollama, "ai__olshansk_openai_research.xml", "nnw__daringfireball.jsonfeed.json" };
        await AddAsync(database, [.. files.Select(f => (f, server.Feed(f)))]);
        using var httpOne = new HttpClient();
        using var httpTwo = new HttpClient();
        var one = Service(database, httpOne, "instance-one", parallelism: 2);
        var two = Service(database, httpTwo, "instance-two", parallelism: 2);

        var runs = await Task.WhenAll(one.FetchDueAsync(null, Cancel), two.FetchDueAsync(null, Cancel));

        Assert.All(files, f => Assert.Equal(1, server.Requests("/feeds/" + f)));
        Assert.Equal(files.Length, runs.Sum(r => r.Fetched));
        await using var db = database.CreateContext();
        Assert.Equal(files.Length, await db.NewsFetchLogs.CountAsync(Cancel));
        Assert.False(await db.NewsSources.AnyAsync(s => s.LeaseOwner != null, Cancel));
    }

    private static NewsFetchService Service(TestDatabase database, HttpClient http, string name, int parallelism = 4) =>
        new(database.Contexts, new FeedFetcher(http, TimeProvider.System), TimeProvider.System,
            new NewsFetchOptions { InstanceName = name, Timeout = TimeSpan.FromSeconds(8), MaxBytes = 1_000_000, Parallelism = parallelism });

    private static async Task<IReadOnlyList<int>> AddAsync(TestDatabase database, params (string Name, Uri Url)[] sources)
    {
        await using var db = database.CreateContext();
        var added = await new NewsSourceStore(db, TimeProvider.System).AddAsync(sources.Select(s => new NewsSourceInput(s.Name, NewsSourceKind.Feed, s.Url)), Cancel);
        return [.. added.Added.Select(s => s.Id)];
    }

    private static async Task<int> CountItemsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.NewsItems.CountAsync(Cancel);
    }

    private static async Task<Dictionary<string, string?>> ETagsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.NewsSources.ToDictionaryAsync(s => s.Name, s => s.ETag, Cancel);
    }

    /// <summary>Collects progress synchronously (Progress&lt;T&gt; would post to the thread pool and race the asserts).</summary>
    private sealed class SyncProgress(List<NewsFetchProgress> seen) : IProgress<NewsFetchProgress>
    {
        public void Report(NewsFetchProgress value)
        {
            lock (seen)
            {
                seen.Add(value);
            }
        }
    }
}
