using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Evals;
using Modelwatch.Data.Catalog;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Evals;

/// <summary>A run's models are linked to the catalog fixtures and take the current price the leaderboard's cards show.</summary>
public sealed class EvalCatalogLinkTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task A_provider_model_id_the_catalog_offers_is_linked_with_its_lab_s_current_price(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider, Cancel);
        string providerModelId, modelId;
        decimal expectedInput;
        decimal? expectedOutput;
        await using (var db = database.CreateContext())
        {
            // A provider model id every offering of which names one catalog model, whose lab sells it itself today.
            var current = await db.Set<PriceRow>().AsNoTracking().Where(p => p.EffectiveTo == null && p.InputPerMillion != null)
                .Join(db.Set<Offering>().Where(o => o.ModelId != null && o.Variant == null), p => p.OfferingId, o => o.Id,
                    (p, o) => new { o.ProviderModelId, ModelId = o.ModelId!, o.Provider, Input = p.InputPerMillion!.Value, p.OutputPerMillion })
                .Join(db.Set<CatalogModel>(), x => x.ModelId, m => m.Id, (x, m) => new { x.ProviderModelId, x.ModelId, x.Provider, x.Input, x.OutputPerMillion, m.Lab })
                .ToListAsync(Cancel);
            var ownership = await db.Set<Offering>().AsNoTracking().Where(o => o.ModelId != null && o.Variant == null)
                .GroupBy(o => o.ProviderModelId).Select(g => new { Id = g.Key, Models = g.Select(o => o.ModelId).Distinct().Count() })
                .ToDictionaryAsync(g => g.Id, g => g.Models, Cancel);
            var pick = current
                .Where(x => string.Equals(x.Provider, x.Lab, StringComparison.OrdinalIgnoreCase) && ownership[x.ProviderModelId] == 1)
                .OrderBy(x => x.ProviderModelId, StringComparer.Ordinal).ThenBy(x => x.Input)
                .First();
            (providerModelId, modelId) = (pick.ProviderModelId, pick.ModelId);
            var own = current.Where(x => x.ModelId == modelId && string.Equals(x.Provider, x.Lab, StringComparison.OrdinalIgnoreCase))
                .OrderBy(x => x.Input == 0 && (x.OutputPerMillion ?? 0) == 0).ThenBy(x => x.Input).First();
            (expectedInput, expectedOutput) = (own.Input, own.OutputPerMillion);
        }

        var store = new EvalStore(database.Contexts, TimeProvider.System);
        var set = await store.ImportSetAsync("s", null, [new PromptRecord("1", "Hi", null, [])], Cancel);
        var run = await store.CreateRunAsync(new EvalRunInput(set.Id, "r",
            [new EvalModelInput("my-gateway", providerModelId), new EvalModelInput("local", "not-in-any-catalog-7b")]), Cancel);

        var linked = run.Models[0];
        Assert.Equal((modelId, expectedInput, expectedOutput), (linked.CatalogModelId, linked.InputPerMillion, linked.OutputPerMillion));
        Assert.Equal((null, null, null), (run.Models[1].CatalogModelId, run.Models[1].InputPerMillion, run.Models[1].OutputPerMillion));
        Assert.Equal((modelId, expectedInput, expectedOutput), await store.CatalogPriceAsync("my-gateway", providerModelId, Cancel));
    }
}
