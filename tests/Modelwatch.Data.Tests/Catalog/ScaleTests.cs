using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Catalog;

/// <summary>
/// A batch a fifth the size of the largest real ones (models.dev has ~5,300 offerings, a full LMArena history ~30,000
/// rows): stored whole, and a re-import is a no-op. Speed is not asserted here (see the final report's figures).
/// </summary>
public sealed class ScaleTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static CatalogBatch Large(int models, int offerings, int ratings, decimal priceShift = 0)
    {
        var ids = Enumerable.Range(0, models).Select(i => $"lab{i % 40}/model-{i}").ToList();
        var categories = Math.Max(1, ratings / models);
        return new CatalogBatch(CatalogSources.OpenRouter, "generated")
        {
            Models = ids.Select(id => new SourceModel(id) { Lab = id.Split('/')[0], DisplayName = id, ContextWindow = 8_192 + id.Length }).ToList(),
            Offerings = Enumerable.Range(0, offerings).Select(i => new SourceOffering($"provider{i % 150}", $"call-{i}", ids[i % models])
            {
                Prices = [new PricePeriod(null, new TokenPrices { Input = 0.1m + (i % 17) + priceShift, Output = 0.4m + (i % 13) })],
            }).ToList(),
            LeaderboardEntries = Enumerable.Range(0, ratings).Select(i => new SourceLeaderboardEntry(
                "text", $"category-{i / models % categories}", new DateOnly(2026, 1, 1).AddDays(i / (models * categories)), ids[i % models], 1000 + (i % 300))).ToList(),
        };
    }

    [Theory, BothDatabases]
    public async Task A_batch_of_source_size_is_stored_whole_and_a_reimport_changes_nothing(DatabaseProvider provider)
    {
        var store = await StoreFixture.CreateAsync(provider);
        await using var _ = store.Database;
        var batch = Large(models: 200, offerings: 1_200, ratings: 6_000);

        var first = await store.ApplyAsync(batch);
        var second = await store.ApplyAsync(batch);

        Assert.Equal((200, 1_200, 1_200, 6_000), (first.Models.Added, first.Offerings.Added, first.Prices.Added, first.LeaderboardEntries.Added));
        Assert.Equal((0, 0), (second.TotalAdded, second.TotalChanged));
        Assert.Equal((200, 1_200, 6_000), (second.Models.Unchanged, second.Offerings.Unchanged, second.LeaderboardEntries.Unchanged));
        Assert.Equal(6_000, await store.QueryAsync(db => db.PublishedRatings.CountAsync(r => r.ModelId != null, Cancel)));
    }
}
