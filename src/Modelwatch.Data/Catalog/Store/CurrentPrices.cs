using Microsoft.EntityFrameworkCore;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>A model's current price per million tokens and whose offering it is.</summary>
public sealed record CurrentPrice(decimal? InputPerMillion, decimal? OutputPerMillion, string Provider);

/// <summary>
/// The "current price of a model" every page shows (leaderboard cards, the advisor): the open price period of the
/// model's own, non-variant offerings — the lab's own offering first; otherwise the cheapest paid one, because a $0
/// listing is a free tier (rate-limited, often a router's promotion) and would show every model as free. Only a model
/// offered nowhere for money shows $0.
/// </summary>
public static class CurrentPrices
{
    /// <summary>The current price of each of <paramref name="models"/> that has one.</summary>
    /// <param name="db">The context to read with.</param>
    /// <param name="models">Canonical model ids with their lab (whose own offering wins).</param>
    /// <param name="ct">Cancels the query.</param>
    public static async Task<Dictionary<string, CurrentPrice>> OfAsync(ModelwatchDbContext db, IReadOnlyDictionary<string, string> models, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(models);
        var ids = models.Keys.ToList();
        var prices = await db.Set<PriceRow>().AsNoTracking()
            .Where(p => p.EffectiveTo == null)
            .Join(db.Set<Offering>().Where(o => o.ModelId != null && ids.Contains(o.ModelId)), p => p.OfferingId, o => o.Id, (p, o) => new
            {
                ModelId = o.ModelId!,
                o.Provider,
                o.Variant,
                p.InputPerMillion,
                p.OutputPerMillion,
            })
            .ToListAsync(ct).ConfigureAwait(false);
        var result = new Dictionary<string, CurrentPrice>(StringComparer.Ordinal);
        foreach (var group in prices.Where(p => p.InputPerMillion is not null && p.Variant == null).GroupBy(p => p.ModelId, StringComparer.Ordinal))
        {
            var list = group.ToList();
            var lab = models[group.Key];
            var chosen = list.Where(p => string.Equals(p.Provider, lab, StringComparison.OrdinalIgnoreCase)).OrderBy(p => IsFree(p.InputPerMillion, p.OutputPerMillion)).ThenBy(p => p.InputPerMillion).ThenBy(p => p.Provider, StringComparer.Ordinal).FirstOrDefault()
                ?? list.Where(p => !IsFree(p.InputPerMillion, p.OutputPerMillion)).OrderBy(p => p.InputPerMillion).ThenBy(p => p.Provider, StringComparer.Ordinal).FirstOrDefault()
                ?? list.OrderBy(p => p.InputPerMillion).ThenBy(p => p.Provider, StringComparer.Ordinal).First();
            result[group.Key] = new CurrentPrice(chosen.InputPerMillion, chosen.OutputPerMillion, chosen.Provider);
        }

        return result;
    }

    private static bool IsFree(decimal? input, decimal? output) => input == 0m && (output ?? 0m) == 0m;
}
