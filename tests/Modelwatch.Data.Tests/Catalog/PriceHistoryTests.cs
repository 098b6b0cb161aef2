using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;
using Modelwatch.Data.Catalog;
using Modelwatch.Data.Catalog.Store;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Catalog;

public sealed class PriceHistoryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly DateOnly Day0 = DateOnly.FromDateTime(StoreFixture.Start.UtcDateTime);

    private static CatalogBatch Today(decimal input, decimal output, params PriceTier[] tiers) => Batches.LiteLlm(
        new SourceOffering("anthropic", "claude-sonnet-4-5", "claude-sonnet-4-5")
        {
            Prices = [new PricePeriod(null, new TokenPrices { Input = input, Output = output, CacheRead = 0.3m, Tiers = tiers })],
        });

    [Theory, BothDatabases]
    public async Task A_changed_price_closes_the_open_period_and_opens_a_new_one(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        await store.ApplyAsync(Today(3m, 15m));
        store.Clock.AddDays(10);

        var changed = await store.ApplyAsync(Today(2.75m, 15m));
        store.Clock.AddDays(1);
        var same = await store.ApplyAsync(Today(2.75m, 15m));

        Assert.Equal(new KindCounts(1, 1, 0), changed.Prices);
        Assert.Equal(new KindCounts(0, 0, 1), changed.Offerings);
        Assert.Equal(new KindCounts(0, 0, 1), same.Prices);
        var periods = await Periods(store);
        Assert.Equal(
            [(Day0, (DateOnly?)Day0.AddDays(10), (decimal?)3m), (Day0.AddDays(10), null, 2.75m)],
            periods.Select(p => (p.EffectiveFrom, p.EffectiveTo, p.InputPerMillion)));
        Assert.Equal(changed.RunId, periods[1].ImportRunId);
    }

    [Theory, BothDatabases]
    public async Task A_long_context_tier_is_part_of_the_price_and_survives_the_round_trip(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        var tier = new PriceTier(200_000, 6m, 22.5m, 0.6m);
        await store.ApplyAsync(Today(3m, 15m, tier));
        store.Clock.AddDays(1);

        var same = await store.ApplyAsync(Today(3m, 15m, tier));
        var cheaperTier = await store.ApplyAsync(Today(3m, 15m, tier with { Input = 5m }));

        Assert.Equal(new KindCounts(0, 0, 1), same.Prices);
        Assert.Equal(new KindCounts(1, 1, 0), cheaperTier.Prices);
        var periods = await Periods(store);
        Assert.Equal([tier], PriceTiersJson.Read(periods[0].TiersJson));
        Assert.Equal([tier with { Input = 5m }], PriceTiersJson.Read(periods[1].TiersJson));
    }

    [Theory, BothDatabases]
    public async Task A_second_change_on_the_same_day_replaces_that_days_period(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        await store.ApplyAsync(Today(3m, 15m));
        store.Clock.AddDays(2);
        await store.ApplyAsync(Today(2m, 15m));

        var again = await store.ApplyAsync(Today(1m, 15m));

        Assert.Equal(new KindCounts(0, 1, 0), again.Prices);
        Assert.Equal([3m, 1m], (await Periods(store)).Select(p => p.InputPerMillion));
    }

    [Theory, BothDatabases]
    public async Task Dated_periods_are_stored_as_given_each_ending_where_the_next_begins(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        var jan = new DateOnly(2025, 1, 1);
        var jun = new DateOnly(2025, 6, 1);
        CatalogBatch GenAi(params PricePeriod[] periods) => new(CatalogSources.GenAiPrices, "fixtures/genai-prices.json")
        {
            Offerings = [new SourceOffering("google", "gemini-2.5-pro", "gemini-2.5-pro") { Prices = periods }],
        };
        await store.ApplyAsync(GenAi(new PricePeriod(jan, Batches.Prices(1.25m, 10m))));

        var later = await store.ApplyAsync(GenAi(new PricePeriod(jan, Batches.Prices(1.25m, 10m)), new PricePeriod(jun, Batches.Prices(1.5m, 12m))));
        var again = await store.ApplyAsync(GenAi(new PricePeriod(jan, Batches.Prices(1.25m, 10m)), new PricePeriod(jun, Batches.Prices(1.5m, 12m))));

        Assert.Equal(new KindCounts(1, 1, 0), later.Prices);
        Assert.Equal(new KindCounts(0, 0, 2), again.Prices);
        Assert.Equal(
            [(jan, (DateOnly?)jun, (decimal?)1.25m), (jun, null, 1.5m)],
            (await Periods(store)).Select(p => (p.EffectiveFrom, p.EffectiveTo, p.InputPerMillion)));
    }

    [Theory, BothDatabases]
    public async Task An_undated_first_period_in_a_dated_list_is_the_price_before_the_first_date_not_today(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        var cut = new DateOnly(2025, 6, 10);

        // genai-prices' openai/o3: the launch price has no date, the cut of 2025-06-10 has one.
        var batch = new CatalogBatch(CatalogSources.GenAiPrices, "fixtures/genai-prices.json")
        {
            Offerings = [new SourceOffering("openai", "o3", "openai/o3") { Prices = [new PricePeriod(null, Batches.Prices(10m, 40m)), new PricePeriod(cut, Batches.Prices(2m, 8m))] }],
        };
        await store.ApplyAsync(batch);
        store.Clock.AddDays(3);
        var again = await store.ApplyAsync(batch);

        Assert.Equal(new KindCounts(0, 0, 2), again.Prices);
        Assert.Equal(
            [(PricePeriods.SinceBeforeRecords, (DateOnly?)cut, (decimal?)10m), (cut, null, 2m)],
            (await Periods(store)).Select(p => (p.EffectiveFrom, p.EffectiveTo, p.InputPerMillion)));
    }

    [Theory, BothDatabases]
    public async Task Prices_are_kept_to_six_decimal_places_so_a_reimport_compares_equal(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;

        // More digits than PostgreSQL's numeric(18,6) keeps: both databases must store the same rounded value.
        await store.ApplyAsync(Today(0.1234567m, 15m));
        var again = await store.ApplyAsync(Today(0.1234567m, 15m));

        Assert.Equal(new KindCounts(0, 0, 1), again.Prices);
        Assert.Equal(0.123457m, (await Periods(store)).Single().InputPerMillion);
    }

    private static Task<List<PriceRow>> Periods(StoreFixture store) =>
        store.QueryAsync(db => db.Prices.AsNoTracking().OrderBy(p => p.EffectiveFrom).ToListAsync(Cancel));
}
