using Microsoft.EntityFrameworkCore;
using Modelwatch.Data.Arena;
using Modelwatch.Data.Catalog;

namespace Modelwatch.Data.Evals.Store;

/// <summary>
/// Which catalog model a provider's model is, and its current price, when a run is created (kept on the run model so
/// a later price change does not rewrite an old run's cost). The arena's own link of that provider model wins; else an
/// offering listing the id; else a linked alias of the id. The price is the lab's own current offering, else the
/// cheapest paid one, as the leaderboard's model cards choose it.
/// </summary>
internal static class EvalCatalogLink
{
    public static async Task<string?> ModelIdAsync(ModelwatchDbContext db, string provider, string model, CancellationToken ct)
    {
        var linked = await db.Set<ArenaContestant>().AsNoTracking()
            .Where(c => c.Provider == provider && c.Model == model && c.CatalogModelId != null)
            .Select(c => c.CatalogModelId).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (linked is not null)
        {
            return linked;
        }

        var offered = await db.Set<Offering>().AsNoTracking()
            .Where(o => o.ProviderModelId == model && o.ModelId != null && o.Variant == null)
            .Select(o => o.ModelId).Distinct().Take(2).ToListAsync(ct).ConfigureAwait(false);
        if (offered.Count == 1)
        {
            return offered[0];
        }

        var aliased = await db.Set<ModelAlias>().AsNoTracking()
            .Where(a => a.ExternalId == model && a.ModelId != null && (a.Review == Core.Catalog.ReviewState.Automatic || a.Review == Core.Catalog.ReviewState.Accepted))
            .Select(a => a.ModelId).Distinct().Take(2).ToListAsync(ct).ConfigureAwait(false);
        return aliased.Count == 1 ? aliased[0] : null;
    }

    public static async Task<(decimal? Input, decimal? Output)> PriceAsync(ModelwatchDbContext db, string modelId, CancellationToken ct)
    {
        var lab = await db.Set<CatalogModel>().AsNoTracking().Where(m => m.Id == modelId).Select(m => m.Lab).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var prices = await db.Set<PriceRow>().AsNoTracking()
            .Where(p => p.EffectiveTo == null && p.InputPerMillion != null)
            .Join(db.Set<Offering>().Where(o => o.ModelId == modelId && o.Variant == null), p => p.OfferingId, o => o.Id, (p, o) => new { o.Provider, p.InputPerMillion, p.OutputPerMillion })
            .ToListAsync(ct).ConfigureAwait(false);
        // A $0 listing is a free tier (rate-limited, often a promotion): the lab's paid offering first, as the cards choose.
        var own = prices.Where(p => lab is not null && string.Equals(p.Provider, lab, StringComparison.OrdinalIgnoreCase))
                .OrderBy(p => IsFree(p.InputPerMillion, p.OutputPerMillion)).ThenBy(p => p.InputPerMillion).FirstOrDefault()
            ?? prices.Where(p => !IsFree(p.InputPerMillion, p.OutputPerMillion)).OrderBy(p => p.InputPerMillion).FirstOrDefault()
            ?? prices.OrderBy(p => p.InputPerMillion).FirstOrDefault();
        return (own?.InputPerMillion, own?.OutputPerMillion);
    }

    private static bool IsFree(decimal? input, decimal? output) => input == 0m && (output ?? 0m) == 0m;
}
