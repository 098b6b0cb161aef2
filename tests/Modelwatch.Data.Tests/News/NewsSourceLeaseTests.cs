using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Modelwatch.Core.News;
using Modelwatch.Data.News;
using Modelwatch.Data.News.Store;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.News;

public sealed class NewsSourceLeaseTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task One_holder_at_a_time_until_the_lease_is_released_or_expires(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        int id;
        await using (var db = database.CreateContext())
        {
            id = (await new NewsSourceStore(db, time).AddAsync([new NewsSourceInput("a", NewsSourceKind.Feed, new Uri("https://a.example/feed"))], Cancel)).Added[0].Id;
        }

        var lease = TimeSpan.FromMinutes(10);
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        Assert.True(await NewsSourceLease.TryAcquireAsync(first, id, "one", time.GetUtcNow(), lease, dueOnly: true, Cancel));
        Assert.False(await NewsSourceLease.TryAcquireAsync(second, id, "two", time.GetUtcNow(), lease, dueOnly: true, Cancel));
        Assert.Empty(await NewsSourceLease.DueAsync(second, time.GetUtcNow(), Cancel));

        // Released: taken again; a holder that died lets go when its lease runs out.
        await NewsSourceLease.ReleaseAsync(first, id, "one", Cancel);
        Assert.True(await NewsSourceLease.TryAcquireAsync(second, id, "two", time.GetUtcNow(), lease, dueOnly: true, Cancel));
        time.Advance(lease - TimeSpan.FromSeconds(1));
        Assert.False(await NewsSourceLease.TryAcquireAsync(first, id, "one", time.GetUtcNow(), lease, dueOnly: true, Cancel));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await NewsSourceLease.TryAcquireAsync(first, id, "one", time.GetUtcNow(), lease, dueOnly: true, Cancel));
        Assert.Equal("one", await first.NewsSources.Where(s => s.Id == id).Select(s => s.LeaseOwner).SingleAsync(Cancel));

        // Recording a fetch gives the lease back and sets the next fetch: not due any more, unless forced.
        var next = time.GetUtcNow().AddHours(1);
        await NewsFetchRecorder.RecordAsync(first, id, "one", new NewsFetchRecord(time.GetUtcNow(), TimeSpan.FromSeconds(1), NewsFetchOutcome.Ok, 200, 10, "utf-8", 0, 0, null, "\"e\"", null, next), Cancel);
        Assert.False(await NewsSourceLease.TryAcquireAsync(second, id, "two", time.GetUtcNow(), lease, dueOnly: true, Cancel));
        Assert.True(await NewsSourceLease.TryAcquireAsync(second, id, "two", time.GetUtcNow(), lease, dueOnly: false, Cancel));
        var source = await second.NewsSources.AsNoTracking().SingleAsync(s => s.Id == id, Cancel);
        Assert.Equal((NewsSourceStatus.Ok, "\"e\"", next), (source.Status, source.ETag, source.NextFetchAt));
        Assert.Equal(1, await second.NewsFetchLogs.CountAsync(l => l.SourceId == id, Cancel));
    }
}
