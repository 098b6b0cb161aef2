using System.Globalization;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog.ModelsDev;

/// <summary>
/// A models.dev <c>[cost]</c> table as <see cref="TokenPrices"/>. models.dev prices are already USD per million
/// tokens. Long-context prices come as <c>[[cost.tiers]]</c> with <c>tier = { type = "context", size = N }</c>
/// (the type is sometimes left out; context is the only kind there is), or in older <c>api.json</c> files as the
/// legacy <c>context_over_200k</c> table. Per-request, image, audio and reasoning prices have no place in
/// <see cref="TokenPrices"/> and are not read.
/// </summary>
internal static class ModelsDevPrices
{
    private const long LegacyTierThreshold = 200_000;

    /// <returns>The prices, or null when the table states none of them.</returns>
    public static TokenPrices? Read(FieldTable? cost)
    {
        if (cost is null)
        {
            return null;
        }

        var prices = new TokenPrices
        {
            Input = cost.Price("input"),
            Output = cost.Price("output"),
            CacheRead = CacheRead(cost),
            CacheWrite = cost.Has("cache_write") ? cost.Price("cache_write") : cost.Price("cached_write"),
            Tiers = Tiers(cost),
        };
        return prices is { Input: null, Output: null, CacheRead: null, CacheWrite: null, Tiers.Count: 0 } ? null : prices;
    }

    /// <summary>
    /// <c>cache_read</c>; a handful of provider files (MiniMax, SiliconFlow) spell it <c>cached_input</c> or
    /// <c>cache_input</c> (their values are a tenth of the input price, as cache reads are), so those count when it
    /// is absent.
    /// </summary>
    private static decimal? CacheRead(FieldTable cost)
    {
        foreach (var key in (string[])["cache_read", "cached_input", "cache_input"])
        {
            if (cost.Has(key))
            {
                return cost.Price(key);
            }
        }

        return null;
    }

    private static List<PriceTier> Tiers(FieldTable cost)
    {
        var tiers = new List<PriceTier>();
        foreach (var t in cost.Tables("tiers"))
        {
            var tier = t.Table("tier");
            if (tier is null)
            {
                t.Problem("tier", "expected tier = { type = \"context\", size = N }; the tier was skipped.");
                continue;
            }

            var type = tier.String("type") ?? "context";
            if (type != "context")
            {
                tier.Problem("type", $"expected \"context\" (the only kind of price tier models.dev has), found \"{type}\"; the tier was skipped.");
                continue;
            }

            var size = tier.Integer("size");
            if (size is not > 0)
            {
                tier.Problem("size", "expected the prompt size in tokens above which the tier applies; the tier was skipped.");
                continue;
            }

            Add(tiers, t, "tier", new PriceTier(size.Value, t.Price("input"), t.Price("output"), t.Price("cache_read"), t.Price("cache_write")));
        }

        // api.json still writes context_over_200k for old readers, copied from a tier whatever its size; it is a
        // tier of its own only in files that have no tiers.
        if (tiers.Count == 0 && !cost.Has("tiers") && cost.Table("context_over_200k") is { } legacy)
        {
            tiers.Add(new PriceTier(LegacyTierThreshold, legacy.Price("input"), legacy.Price("output"), legacy.Price("cache_read"), legacy.Price("cache_write")));
        }

        tiers.Sort((a, b) => a.AboveInputTokens.CompareTo(b.AboveInputTokens));
        return tiers;
    }

    private static void Add(List<PriceTier> tiers, FieldTable where, string key, PriceTier tier)
    {
        if (tiers.Any(t => t.AboveInputTokens == tier.AboveInputTokens))
        {
            where.Problem(key, $"a second tier above {tier.AboveInputTokens.ToString(CultureInfo.InvariantCulture)} tokens; the first one is kept.");
            return;
        }

        tiers.Add(tier);
    }
}
