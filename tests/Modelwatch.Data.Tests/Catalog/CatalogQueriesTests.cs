using Modelwatch.Core.Catalog;
using Modelwatch.Data.Catalog.Store;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Catalog;

public sealed class CatalogQueriesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<StoreFixture> TwoModelsAsync(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await store.ApplyAsync(Batches.ModelsDev(Batches.Gpt4o, Batches.Llama));
        await store.ApplyAsync(Batches.LiteLlm(
            new SourceOffering("azure", "azure/gpt-4o-2024-08-06", "azure/gpt-4o-2024-08-06") { Prices = [new PricePeriod(null, Batches.Prices(2.5m, 10m))] },
            new SourceOffering("mystery", "mystery/unknown-9", "mystery/unknown-9") { Prices = [new PricePeriod(null, Batches.Prices(1m, 1m))] }));
        return store;
    }

    [Theory, BothDatabases]
    public async Task List_filters_by_open_weights_context_lab_and_text(DatabaseProvider provider)
    {
        var store = await TwoModelsAsync(provider);
        await using var _ = store.Database;

        async Task<List<string>> Ids(ModelFilter filter) =>
            (await store.QueryAsync(db => new CatalogQueries(db).ListAsync(filter, Cancel))).Select(m => m.Id).ToList();

        Assert.Equal(["meta/llama-3.1-70b-instruct", "openai/gpt-4o"], await Ids(new ModelFilter()));
        Assert.Equal(["meta/llama-3.1-70b-instruct"], await Ids(new ModelFilter { OpenWeights = true }));
        Assert.Equal(["meta/llama-3.1-70b-instruct"], await Ids(new ModelFilter { MinContext = 130_000 }));
        Assert.Equal(["openai/gpt-4o"], await Ids(new ModelFilter { Lab = "OpenAI" }));
        Assert.Equal(["meta/llama-3.1-70b-instruct"], await Ids(new ModelFilter { Search = "LLAMA 3.1" }));
        Assert.Equal(["openai/gpt-4o"], await Ids(new ModelFilter { Licence = LicenceClass.Proprietary }));
    }

    [Theory, BothDatabases]
    public async Task Resolve_finds_canonical_ids_and_aliases_and_returns_null_for_unknown_names(DatabaseProvider provider)
    {
        var store = await TwoModelsAsync(provider);
        await using var _ = store.Database;

        var byId = await store.QueryAsync(db => new CatalogQueries(db).ResolveAsync("OpenAI/GPT-4o", null, Cancel));
        var unknown = await store.QueryAsync(db => new CatalogQueries(db).ResolveAsync("no-such-model", null, Cancel));
        var snapshot = await store.QueryAsync(db => new CatalogQueries(db).ResolveAsync("azure/gpt-4o-2024-08-06", null, Cancel));
        var unmatchedAlias = await store.QueryAsync(db => new CatalogQueries(db).ResolveAsync("mystery/unknown-9", null, Cancel));

        Assert.Equal("openai/gpt-4o", byId?.ModelId);
        Assert.Null(unknown);
        Assert.Equal(("openai/gpt-4o", "2024-08-06", "alias of litellm"), (snapshot?.ModelId, snapshot?.Variant, snapshot?.How));
        Assert.Null(unmatchedAlias);
    }

    [Theory, BothDatabases]
    public async Task Show_lists_every_fact_with_its_source_offerings_with_price_history_and_aliases(DatabaseProvider provider)
    {
        var store = await TwoModelsAsync(provider);
        await using var _ = store.Database;
        var arena = new CatalogBatch(CatalogSources.LmArena, "fixtures/lmarena")
        {
            Models = [new SourceModel("gpt-4o-2024-05-13") { Organisation = "OpenAI", DisplayName = "GPT-4o (May)" }],
            LeaderboardEntries = [new SourceLeaderboardEntry("text", "overall", new DateOnly(2026, 1, 5), "gpt-4o-2024-05-13", 1285)],
        };
        var snapshot = new IdentityMatch("openai/gpt-4o", "2024-05-13", MatchKind.Normalised, 0.95, null, "date suffix");
        await store.ApplyAsync(arena, new TableMatcher(new() { ["gpt-4o-2024-05-13"] = snapshot }));
        store.Clock.AddDays(5);
        await store.ApplyAsync(Batches.ModelsDev(Batches.Gpt4o, Batches.Llama) with
        {
            Offerings = [new SourceOffering("openai", "gpt-4o", "openai/gpt-4o") { CanonicalId = "openai/gpt-4o", Prices = [new PricePeriod(null, Batches.Prices(2m, 8m))] }],
        });

        var details = await store.QueryAsync(db => new CatalogQueries(db).ShowAsync("gpt-4o-2024-05-13", null, Cancel));

        Assert.NotNull(details);
        Assert.Equal("openai/gpt-4o", details.Model.Id);
        var names = details.Facts.Where(f => f.Field == ModelFields.DisplayName).Select(f => (f.Source, f.Value, f.Winner, f.Conflicts));
        Assert.Equal([(CatalogSources.ModelsDev, "GPT-4o", true, false), (CatalogSources.LmArena, "GPT-4o (May)", false, true)], names);
        Assert.Equal(Batches.Gpt4o.Facts().Count() + 2, details.Facts.Count);
        Assert.Equal(Batches.Gpt4o.Facts().Count(), details.Facts.Count(f => f.Winner && f.Source == CatalogSources.ModelsDev));
        Assert.Equal(["2024-05-13", "2024-08-06"], details.Variants.Select(v => v.Name));
        Assert.All(details.Variants, v => Assert.Equal(VariantKind.Snapshot, v.Kind));
        var openai = details.Offerings.Single(o => o.Offering.Provider == "openai");
        Assert.Equal([2.5m, 2m], openai.History.Select(p => p.Input!.Value));
        Assert.Equal(2m, openai.Current?.Input);
        Assert.Equal(1285, Assert.Single(details.PublishedRatings).Rating);
        Assert.Equal(
            [(CatalogSources.LiteLlm, "azure/gpt-4o-2024-08-06"), (CatalogSources.LmArena, "gpt-4o-2024-05-13"), (CatalogSources.ModelsDev, "openai/gpt-4o")],
            details.Aliases.Select(a => (a.Source, a.ExternalId)));
    }
}
