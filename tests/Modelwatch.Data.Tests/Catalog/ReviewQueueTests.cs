using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;
using Modelwatch.Data.Catalog.Store;
using Modelwatch.Testing.Database;

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

    /// <summary>A source that only links (it never creates models): an unsure id links nothing while it waits.</summary>
    private static CatalogBatch Aider() => new(CatalogSources.Aider, "fixtures/aider.yml")
    {
        BenchmarkScores = [new SourceBenchmarkScore("gpt4o-latest", "aider-polyglot", 27.1) { Metric = "pass_rate_2" }],
    };

    private static async Task<StoreFixture> WithCandidateAsync(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await store.ApplyAsync(Batches.ModelsDev(Batches.Gpt4o));
        var summary = await store.ApplyAsync(Aider(), new TableMatcher(new() { ["gpt4o-latest"] = Unsure }));
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
        Assert.Equal((CatalogSources.Aider, "gpt4o-latest", "openai/gpt-4o", "GPT-4o", Unsure.Explanation), (item.Source, item.ExternalId, item.CandidateModelId, item.CandidateName, item.Explanation));
        var score = await store.QueryAsync(db => db.BenchmarkScores.SingleAsync(Cancel));
        Assert.Null(score.ModelId);
        Assert.Equal(1, await store.QueryAsync(db => db.Models.CountAsync(Cancel)));
    }

    [Theory, BothDatabases]
    public async Task A_source_that_creates_models_keeps_an_unsure_id_as_its_own_model_until_a_person_merges_it(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        await store.ApplyAsync(Batches.ModelsDev(Batches.Gpt4o));

        var first = await store.ApplyAsync(Arena(), new TableMatcher(new() { ["gpt4o-latest"] = Unsure }));
        var again = await store.ApplyAsync(Arena(), new TableMatcher(new() { ["gpt4o-latest"] = Unsure }));
        var own = await store.QueryAsync(db => db.PublishedRatings.Select(r => r.ModelId).SingleAsync(Cancel));
        var aliasId = Assert.Single(await store.QueryAsync(db => new ReviewQueue(db, store.Clock).ListAsync(Cancel))).AliasId;
        var outcome = await store.QueryAsync(db => new ReviewQueue(db, store.Clock).AcceptAsync(aliasId, Cancel));

        Assert.Equal((1, 1), (first.Models.Added, first.Pending));
        Assert.Equal((0, 0), (again.TotalAdded, again.TotalChanged));
        Assert.Equal("openai/gpt4o-latest", own);
        Assert.Equal(("openai/gpt-4o", 1), (outcome.ModelId, outcome.LeaderboardEntries));
        var (models, rating, factModels) = await store.QueryAsync(async db => (
            await db.Models.Select(m => m.Id).ToListAsync(Cancel),
            await db.PublishedRatings.SingleAsync(Cancel),
            await db.Facts.Where(f => f.Source == CatalogSources.LmArena).Select(f => f.ModelId).Distinct().ToListAsync(Cancel)));
        Assert.Equal(["openai/gpt-4o"], models);
        Assert.Equal("openai/gpt-4o", rating.ModelId);
        Assert.Equal(["openai/gpt-4o"], factModels);
    }

    [Theory, BothDatabases]
    public async Task Accepting_links_the_id_and_attaches_its_rows(DatabaseProvider provider)
    {
        var store = await WithCandidateAsync(provider);
        await using var _ = store.Database;
        var aliasId = (await store.QueryAsync(db => new ReviewQueue(db, store.Clock).ListAsync(Cancel))).Single().AliasId;

        var outcome = await store.QueryAsync(db => new ReviewQueue(db, store.Clock).AcceptAsync(aliasId, Cancel));
        var matcher = new TableMatcher();
        var reimport = await store.ApplyAsync(Aider(), matcher);

        Assert.Equal(("openai/gpt-4o", 1), (outcome.ModelId, outcome.BenchmarkScores));
        var (alias, score) = await store.QueryAsync(async db => (
            await db.Aliases.SingleAsync(a => a.Id == aliasId, Cancel),
            await db.BenchmarkScores.SingleAsync(Cancel)));
        Assert.Equal(("openai/gpt-4o", MatchKind.Reviewed, ReviewState.Accepted), (alias.ModelId, alias.Kind, alias.Review));
        Assert.Equal("openai/gpt-4o", score.ModelId);
        Assert.Empty(matcher.Asked);
        Assert.Equal((0, 0), (reimport.TotalAdded, reimport.TotalChanged));
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
        var reimport = await store.ApplyAsync(Aider(), matcher);

        Assert.Empty(matcher.Asked);
        Assert.Equal((0, 0), (reimport.TotalAdded, reimport.TotalChanged));
        var alias = await store.QueryAsync(db => db.Aliases.SingleAsync(a => a.Id == aliasId, Cancel));
        Assert.Equal((ReviewState.Rejected, (string?)null), (alias.Review, alias.ModelId));
        Assert.Empty(await store.QueryAsync(db => new ReviewQueue(db, store.Clock).ListAsync(Cancel)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.QueryAsync(db => new ReviewQueue(db, store.Clock).AcceptAsync(aliasId, Cancel)));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.QueryAsync(db => new ReviewQueue(db, store.Clock).RejectAsync(aliasId + 1000, Cancel)));
    }
}
