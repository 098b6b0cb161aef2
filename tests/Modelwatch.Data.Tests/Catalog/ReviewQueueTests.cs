using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;
using Modelwatch.Data.Catalog.Store;
using Modelwatch.Data.Tests.Harness;

namespace Modelwatch.Data.Tests.Catalog;

public sealed class ReviewQueueTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly IdentityMatch Unsure = new(null, null, MatchKind.Candidate, 0.6, "openai/gpt-4o", "'gpt4o-latest' looks like gpt-4o without its dash");

    private static CatalogBatch Arena() => new(CatalogSources.LmArena, "fixtures/lmarena")
    {
        Models = [new SourceModel("gpt4o-latest") { Organisation = "OpenAI", DisplayName = "GPT-4o (latest)" }],
        LeaderboardEntries = [new SourceLeaderboardEntry("text", "overall", new DateOnly(2026, 1, 5), "gpt4o-latest", 1301)],
    };

    private static async Task<StoreFixture> WithCandidateAsync(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await store.ApplyAsync(Batches.ModelsDev(Batches.Gpt4o));
        var summary = await store.ApplyAsync(Arena(), new TableMatcher(new() { ["gpt4o-latest"] = Unsure }));
        Assert.Equal((1, 0, 0), (summary.Pending, summary.Unmatched, summary.Models.Added));
        return store;
    }

    [Theory, BothDatabases]
    public async Task An_unsure_match_waits_in_the_queue_and_links_nothing(DatabaseProvider provider)
    {
        var store = await WithCandidateAsync(provider);
        await using var _ = store.Database;

        var pending = await store.QueryAsync(db => new ReviewQueue(db, store.Clock).ListAsync(Cancel));

        var item = Assert.Single(pending);
        Assert.Equal((CatalogSources.LmArena, "gpt4o-latest", "openai/gpt-4o", "GPT-4o", Unsure.Explanation), (item.Source, item.ExternalId, item.CandidateModelId, item.CandidateName, item.Explanation));
        var rating = await store.QueryAsync(db => db.PublishedRatings.SingleAsync(Cancel));
        Assert.Null(rating.ModelId);
        Assert.Equal(1, await store.QueryAsync(db => db.Models.CountAsync(Cancel)));
    }

    [Theory, BothDatabases]
    public async Task Accepting_links_the_id_and_attaches_its_rows_and_the_next_import_its_facts(DatabaseProvider provider)
    {
        var store = await WithCandidateAsync(provider);
        await using var _ = store.Database;
        var aliasId = (await store.QueryAsync(db => new ReviewQueue(db, store.Clock).ListAsync(Cancel))).Single().AliasId;

        var outcome = await store.QueryAsync(db => new ReviewQueue(db, store.Clock).AcceptAsync(aliasId, Cancel));
        var matcher = new TableMatcher();
        var reimport = await store.ApplyAsync(Arena(), matcher);

        Assert.Equal(("openai/gpt-4o", 1), (outcome.ModelId, outcome.LeaderboardEntries));
        var (alias, rating, facts) = await store.QueryAsync(async db => (
            await db.Aliases.SingleAsync(a => a.Id == aliasId, Cancel),
            await db.PublishedRatings.SingleAsync(Cancel),
            await db.Facts.Where(f => f.Source == CatalogSources.LmArena).Select(f => f.Field).OrderBy(f => f).ToListAsync(Cancel)));
        Assert.Equal(("openai/gpt-4o", MatchKind.Reviewed, ReviewState.Accepted), (alias.ModelId, alias.Kind, alias.Review));
        Assert.Equal("openai/gpt-4o", rating.ModelId);
        Assert.Empty(matcher.Asked);
        Assert.Equal([ModelFields.DisplayName, ModelFields.Organisation], facts);
        Assert.Equal(2, reimport.Facts.Added);
        Assert.Empty(await store.QueryAsync(db => new ReviewQueue(db, store.Clock).ListAsync(Cancel)));
    }

    [Theory, BothDatabases]
    public async Task A_rejected_id_stays_unlinked_and_is_never_proposed_again(DatabaseProvider provider)
    {
        var store = await WithCandidateAsync(provider);
        await using var _ = store.Database;
        var aliasId = (await store.QueryAsync(db => new ReviewQueue(db, store.Clock).ListAsync(Cancel))).Single().AliasId;

        await store.QueryAsync(db => new ReviewQueue(db, store.Clock).RejectAsync(aliasId, Cancel));
        var matcher = new TableMatcher(new() { ["gpt4o-latest"] = Unsure });
        var reimport = await store.ApplyAsync(Arena(), matcher);

        Assert.Empty(matcher.Asked);
        Assert.Equal((0, 0), (reimport.TotalAdded, reimport.TotalChanged));
        var alias = await store.QueryAsync(db => db.Aliases.SingleAsync(a => a.Id == aliasId, Cancel));
        Assert.Equal((ReviewState.Rejected, (string?)null), (alias.Review, alias.ModelId));
        Assert.Empty(await store.QueryAsync(db => new ReviewQueue(db, store.Clock).ListAsync(Cancel)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.QueryAsync(db => new ReviewQueue(db, store.Clock).AcceptAsync(aliasId, Cancel)));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.QueryAsync(db => new ReviewQueue(db, store.Clock).RejectAsync(aliasId + 1000, Cancel)));
    }
}
