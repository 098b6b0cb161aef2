using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Modelwatch.Data.Votes;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Votes;

/// <summary>A fresh database with a <see cref="VoteStore"/> on it and a fake clock; counts what the vote tables hold.</summary>
internal sealed class VoteStoreFixture : IAsyncDisposable
{
    private VoteStoreFixture(TestDatabase database, ModelwatchDbContext context)
    {
        Database = database;
        Context = context;
        Store = new VoteStore(context, Clock);
    }

    public static DateTimeOffset Now { get; } = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    public TestDatabase Database { get; }

    public ModelwatchDbContext Context { get; }

    public VoteStore Store { get; }

    public static async Task<VoteStoreFixture> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, TestContext.Current.CancellationToken);
        return new VoteStoreFixture(database, database.CreateContext());
    }

    /// <summary>A second store on its own context, as another request of the web app would have.</summary>
    public VoteStore NewStore(out ModelwatchDbContext context)
    {
        context = Database.CreateContext();
        return new VoteStore(context, Clock);
    }

    /// <summary>Rows in each vote table: datasets, models, votes, counts.</summary>
    public async Task<(int Datasets, int Models, int Votes, int Counts)> RowCountsAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var context = Database.CreateContext();
        return (
            await context.VoteDatasets.CountAsync(ct),
            await context.VoteModels.CountAsync(ct),
            await context.StoredVotes.CountAsync(ct),
            await context.VotePairCounts.CountAsync(ct));
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Database.DisposeAsync();
    }
}
