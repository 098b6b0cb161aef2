using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;
using Modelwatch.Data.Catalog;
using Modelwatch.Data.Catalog.Store;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Catalog;

public sealed class CatalogStoreTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Apply_stores_models_aliases_facts_and_offerings_with_counts(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;

        var summary = await store.ApplyAsync(Batches.ModelsDev(Batches.Gpt4o, Batches.Llama));

        var expectedFacts = Batches.Gpt4o.Facts().Count() + Batches.Llama.Facts().Count();
        Assert.Equal(new KindCounts(2, 0, 0), summary.Models);
        Assert.Equal(new KindCounts(expectedFacts, 0, 0), summary.Facts);
        Assert.Equal(new KindCounts(2, 0, 0), summary.Aliases);
        Assert.Equal(new KindCounts(1, 0, 0), summary.Offerings);
        Assert.Equal(new KindCounts(1, 0, 0), summary.Prices);
        Assert.Equal(ImportOutcome.Succeeded, summary.Outcome);

        var (models, facts, offering, run, status) = await store.QueryAsync(async db => (
            await db.Models.OrderBy(m => m.Id).ToListAsync(Cancel),
            await db.Facts.CountAsync(Cancel),
            await db.Offerings.Include(o => o.Prices).SingleAsync(Cancel),
            await db.ImportRuns.SingleAsync(Cancel),
            await db.SourceStatuses.SingleAsync(Cancel)));
        Assert.Equal(["meta/llama-3.1-70b-instruct", "openai/gpt-4o"], models.Select(m => m.Id));
        var gpt = models[1];
        Assert.Equal(("GPT-4o", LicenceClass.Proprietary, 128_000, 16_384, "text,image", true), (gpt.DisplayName, gpt.Licence, gpt.ContextWindow, gpt.MaxOutputTokens, gpt.InputModalities, gpt.ToolCalling));
        Assert.Equal(new DateOnly(2024, 5, 13), gpt.ReleaseDate);
        Assert.Equal(("meta", LicenceClass.OpenWeights, "llama3.1"), (models[0].Lab, models[0].Licence, models[0].LicenceId));
        Assert.Equal(expectedFacts, facts);
        Assert.Equal("openai/gpt-4o", offering.ModelId);
        var price = Assert.Single(offering.Prices);
        Assert.Equal((2.5m, 10m, DateOnly.FromDateTime(StoreFixture.Start.UtcDateTime), (DateOnly?)null), (price.InputPerMillion, price.OutputPerMillion, price.EffectiveFrom, price.EffectiveTo));
        Assert.Equal((ImportOutcome.Succeeded, summary.TotalAdded, 0), (run.Outcome, run.Added, run.Changed));
        Assert.Equal((ImportOutcome.Succeeded, run.Id, (string?)null), (status.LastOutcome, status.LastRunId, status.LastError));
        Assert.NotNull(status.LastSuccessAt);
    }

    [Theory, BothDatabases]
    public async Task Applying_the_same_batch_twice_changes_nothing_the_second_time(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        var batch = Batches.ModelsDev(Batches.Gpt4o, Batches.Llama) with
        {
            LeaderboardEntries = [new SourceLeaderboardEntry("text", "overall", new DateOnly(2026, 2, 1), "openai/gpt-4o", 1290.5) { Lower = 1285, Upper = 1296, Votes = 40_000 }],
            BenchmarkScores = [new SourceBenchmarkScore("openai/gpt-4o", "MMLU", 88.7) { Metric = "accuracy", AsOf = new DateOnly(2024, 5, 13) }],
        };
        var first = await store.ApplyAsync(batch);
        var factsBefore = await store.QueryAsync(db => db.Facts.AsNoTracking().OrderBy(f => f.Id).Select(f => new { f.Id, f.Value, f.ImportRunId }).ToListAsync(Cancel));
        store.Clock.AddDays(1);

        var second = await store.ApplyAsync(batch);

        Assert.True(first.TotalAdded > 0);
        Assert.Equal((0, 0), (second.TotalAdded, second.TotalChanged));
        Assert.Equal(first.TotalAdded, second.TotalUnchanged);
        var factsAfter = await store.QueryAsync(db => db.Facts.AsNoTracking().OrderBy(f => f.Id).Select(f => new { f.Id, f.Value, f.ImportRunId }).ToListAsync(Cancel));
        Assert.Equal(factsBefore, factsAfter);
        Assert.Equal(2, await store.QueryAsync(db => db.ImportRuns.CountAsync(Cancel)));
        Assert.Equal(1, await store.QueryAsync(db => db.Prices.CountAsync(Cancel)));
    }

    [Theory, BothDatabases]
    public async Task Precedence_picks_each_fields_best_source_and_keeps_the_losing_claims(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        await store.ApplyAsync(Batches.ModelsDev(Batches.Llama));
        var llmStats = new CatalogBatch(CatalogSources.LlmStats, "fixtures/llmstats")
        {
            Models =
            [
                new SourceModel("meta/llama-3.1-70b-instruct")
                {
                    DisplayName = "Llama 3.1 70B",
                    LicenceId = "Llama 3.1 Community License",
                    ContextWindow = 128_000,
                    TotalParameters = 70_600_000_000,
                },
            ],
        };

        var summary = await store.ApplyAsync(llmStats);

        Assert.Equal(new KindCounts(0, 1, 0), summary.Models);
        var model = await store.QueryAsync(db => db.Models.SingleAsync(Cancel));
        Assert.Equal("Llama 3.1 70B Instruct", model.DisplayName);            // models.dev wins display names
        Assert.Equal("Llama 3.1 Community License", model.LicenceId);        // LLMStats wins licences
        Assert.Equal(131_072, model.ContextWindow);                          // models.dev wins limits
        Assert.Equal(70_600_000_000, model.TotalParameters);                 // only LLMStats says
        var details = await store.QueryAsync(db => new CatalogQueries(db).ShowAsync("meta/llama-3.1-70b-instruct", null, Cancel));
        var context = details!.Facts.Where(f => f.Field == ModelFields.ContextWindow).ToList();
        Assert.Equal([(CatalogSources.ModelsDev, "131072", true, false), (CatalogSources.LlmStats, "128000", false, true)], context.Select(f => (f.Source, f.Value, f.Winner, f.Conflicts)));
        Assert.All(details.Facts.Where(f => f.Source == CatalogSources.LlmStats), f => Assert.Equal(summary.RunId, f.ImportRunId));
    }

    [Theory, BothDatabases]
    public async Task A_fact_no_longer_stated_is_removed_and_its_column_cleared(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        await store.ApplyAsync(Batches.ModelsDev(Batches.Gpt4o));

        var summary = await store.ApplyAsync(Batches.ModelsDev(Batches.Gpt4o with { ToolCalling = null, ContextWindow = 200_000 }));

        Assert.Equal((1, 1), (summary.Facts.Changed, summary.Facts.Removed));
        Assert.Equal(new KindCounts(0, 1, 0), summary.Models);
        var model = await store.QueryAsync(db => db.Models.SingleAsync(Cancel));
        Assert.Equal((200_000, (bool?)null), (model.ContextWindow, model.ToolCalling));
        var contextFact = await store.QueryAsync(db => db.Facts.SingleAsync(f => f.Field == ModelFields.ContextWindow, Cancel));
        Assert.Equal(summary.RunId, contextFact.ImportRunId);
    }

    [Theory, BothDatabases]
    public async Task Link_only_sources_keep_unmatched_ids_as_aliases_and_create_no_model(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        await store.ApplyAsync(Batches.ModelsDev(Batches.Gpt4o));

        var summary = await store.ApplyAsync(Batches.LiteLlm(
            new SourceOffering("openai", "gpt-4o", "gpt-4o") { Prices = [new PricePeriod(null, Batches.Prices(2.5m, 10m))] },
            new SourceOffering("mystery", "mystery-model-9", "mystery-model-9") { Prices = [new PricePeriod(null, Batches.Prices(1m, 1m))] }));

        Assert.Equal((1, 0), (summary.Unmatched, summary.Pending));
        Assert.Equal(KindCounts.Zero, summary.Models);
        var (models, offerings, alias) = await store.QueryAsync(async db => (
            await db.Models.CountAsync(Cancel),
            await db.Offerings.Where(o => o.Source == CatalogSources.LiteLlm).OrderBy(o => o.Provider).ToListAsync(Cancel),
            await db.Aliases.SingleAsync(a => a.ExternalId == "mystery-model-9", Cancel)));
        Assert.Equal(1, models);
        Assert.Equal([("mystery", (string?)null), ("openai", "openai/gpt-4o")], offerings.Select(o => (o.Provider, o.ModelId)));
        Assert.Equal((MatchKind.Unmatched, ReviewState.Automatic, (string?)null), (alias.Kind, alias.Review, alias.ModelId));
    }

    [Theory, BothDatabases]
    public async Task A_creating_source_makes_a_canonical_model_from_lab_and_id_when_nothing_matches(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        var arena = new CatalogBatch(CatalogSources.LmArena, "fixtures/lmarena")
        {
            Models = [new SourceModel("Hunyuan-T1") { Organisation = "Tencent", DisplayName = "Hunyuan T1" }],
            LeaderboardEntries =
            [
                new SourceLeaderboardEntry("text", "overall", new DateOnly(2025, 6, 1), "Hunyuan-T1", 1250) { Votes = 5_000 },
                new SourceLeaderboardEntry("text", "coding", new DateOnly(2025, 6, 1), "Hunyuan-T1", 1262) { Votes = 1_200 },
            ],
        };

        var summary = await store.ApplyAsync(arena);

        Assert.Equal(new KindCounts(1, 0, 0), summary.Models);
        Assert.Equal(new KindCounts(2, 0, 0), summary.LeaderboardEntries);
        var ratings = await store.QueryAsync(db => db.PublishedRatings.Select(r => r.ModelId).ToListAsync(Cancel));
        Assert.Equal(["tencent/hunyuan-t1", "tencent/hunyuan-t1"], ratings);
        Assert.Equal("Hunyuan T1", (await store.QueryAsync(db => db.Models.SingleAsync(Cancel))).DisplayName);
    }

    [Theory, BothDatabases]
    public async Task A_changed_rating_updates_its_row_and_a_new_publish_date_adds_rows(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        await store.ApplyAsync(Batches.ModelsDev(Batches.Gpt4o));
        var day = new DateOnly(2026, 2, 1);
        SourceLeaderboardEntry Entry(DateOnly published, double rating) => new("text", "overall", published, "openai/gpt-4o", rating);
        await store.ApplyAsync(new CatalogBatch(CatalogSources.LmArena, "a") { LeaderboardEntries = [Entry(day, 1290)] });

        var summary = await store.ApplyAsync(new CatalogBatch(CatalogSources.LmArena, "a") { LeaderboardEntries = [Entry(day, 1291), Entry(day.AddDays(7), 1288)] });

        Assert.Equal(new KindCounts(1, 1, 0), summary.LeaderboardEntries);
        var ratings = await store.QueryAsync(db => db.PublishedRatings.OrderBy(r => r.PublishedOn).Select(r => r.Rating).ToListAsync(Cancel));
        Assert.Equal([1291, 1288], ratings);
    }

    [Theory, BothDatabases]
    public async Task A_failing_import_keeps_nothing_and_records_a_failed_run(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        var batch = new CatalogBatch(CatalogSources.LmArena, "fixtures/lmarena")
        {
            Models = [new SourceModel("model-a") { Organisation = "A" }, new SourceModel("model-b") { Organisation = "B" }],
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.ApplyAsync(batch, new ThrowingMatcher(afterCalls: 1)));

        Assert.Contains("matcher broke", error.Message, StringComparison.Ordinal);
        var (models, aliases, run, status) = await store.QueryAsync(async db => (
            await db.Models.CountAsync(Cancel), await db.Aliases.CountAsync(Cancel), await db.ImportRuns.SingleAsync(Cancel), await db.SourceStatuses.SingleAsync(Cancel)));
        Assert.Equal((0, 0), (models, aliases));
        Assert.Equal(ImportOutcome.Failed, run.Outcome);
        Assert.Contains("matcher broke", run.Error, StringComparison.Ordinal);
        Assert.Equal((ImportOutcome.Failed, (DateTimeOffset?)null), (status.LastOutcome, status.LastSuccessAt));
    }

    [Theory, BothDatabases]
    public async Task An_unreachable_source_is_recorded_as_failed_and_the_last_success_kept(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        await store.ApplyAsync(Batches.ModelsDev(Batches.Gpt4o));
        var lastSuccess = (await store.QueryAsync(db => db.SourceStatuses.SingleAsync(Cancel))).LastSuccessAt;
        store.Clock.AddDays(1);

        await store.QueryAsync(db => new CatalogStore(db, store.Clock).RecordFailureAsync(CatalogSources.ModelsDev, "https://models.dev/api.json", "the server answered 503", Cancel));

        var (runs, status, models) = await store.QueryAsync(async db => (
            await db.ImportRuns.OrderBy(r => r.Id).ToListAsync(Cancel), await db.SourceStatuses.SingleAsync(Cancel), await db.Models.CountAsync(Cancel)));
        Assert.Equal([ImportOutcome.Succeeded, ImportOutcome.Failed], runs.Select(r => r.Outcome));
        Assert.Equal((ImportOutcome.Failed, "the server answered 503", lastSuccess), (status.LastOutcome, status.LastError, status.LastSuccessAt));
        Assert.Equal(runs[1].Id, status.LastRunId);
        Assert.Equal(1, models);
    }

    [Theory, BothDatabases]
    public async Task Duplicate_records_in_a_batch_become_problems_and_the_first_is_kept(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        var batch = Batches.ModelsDev(Batches.Gpt4o, Batches.Gpt4o with { DisplayName = "Other" }) with
        {
            Problems = [new RecordProblem("models/x/broken.toml", "not TOML")],
        };

        var summary = await store.ApplyAsync(batch);

        Assert.Equal(ImportOutcome.SucceededWithProblems, summary.Outcome);
        Assert.Equal(2, summary.Problems.Count);
        Assert.Equal("GPT-4o", (await store.QueryAsync(db => db.Models.SingleAsync(Cancel))).DisplayName);
        var stored = await store.QueryAsync(db => db.ImportProblems.OrderBy(p => p.Id).Select(p => p.Location).ToListAsync(Cancel));
        Assert.Equal(["models/x/broken.toml", "models[1] openai/gpt-4o"], stored);
    }

    private sealed class ThrowingMatcher(int afterCalls) : IModelMatcher
    {
        private int _calls;

        public IdentityMatch Match(string source, string externalId, MatchHints hints) =>
            ++_calls > afterCalls ? throw new InvalidOperationException("matcher broke") : IdentityMatch.None("no");
    }
}
