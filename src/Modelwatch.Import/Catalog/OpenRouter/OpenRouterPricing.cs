using System.Text.Json;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog.Common;

namespace Modelwatch.Import.Catalog.OpenRouter;

/// <summary>
/// <c>pricing</c>: USD per token as strings (<c>"0.00000014"</c>), turned into exact decimals per million.
/// <c>"0"</c> is free; <c>"-1"</c> is OpenRouter's "no fixed price" (its routers bill the model they pick), read as
/// no price rather than a negative or zero one. <c>overrides</c> (<c>min_prompt_tokens</c> + prices) are the
/// long-context tiers. Kept nowhere because <see cref="TokenPrices"/> has no place for them: per-request,
/// per-image, audio, web-search and internal-reasoning prices, and the one-hour cache write.
/// </summary>
internal static class OpenRouterPricing
{
    public static IReadOnlyList<PricePeriod> Read(JsonFields? pricing)
    {
        if (pricing is null)
        {
            return [];
        }

        var prices = new TokenPrices
        {
            Input = Price(pricing, "prompt"),
            Output = Price(pricing, "completion"),
            CacheRead = Price(pricing, "input_cache_read"),
            CacheWrite = Price(pricing, "input_cache_write"),
            Tiers = Tiers(pricing),
        };
        var any = prices.Input is not null || prices.Output is not null || prices.CacheRead is not null || prices.CacheWrite is not null || prices.Tiers.Count > 0;

        // The response is today's price list: no effective date (the store dates it by the import).
        return any ? [new PricePeriod(null, prices)] : [];
    }

    internal static decimal? Price(JsonFields pricing, string name)
    {
        var perToken = pricing.Decimal(name);
        if (perToken is not { } value || value == -1m)
        {
            return null;
        }

        if (value < 0)
        {
            pricing.Problem(name, $"is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; expected a price per token of 0 or more (or -1 for no fixed price)");
            return null;
        }

        return PerMillion.FromPerToken(value);
    }

    private static List<PriceTier> Tiers(JsonFields pricing)
    {
        var tiers = new List<PriceTier>();
        if (pricing.Array("overrides") is not { } overrides)
        {
            return tiers;
        }

        var index = 0;
        foreach (var item in overrides.EnumerateArray())
        {
            var tier = pricing.Item("overrides", index++, item);
            if (item.ValueKind != JsonValueKind.Object)
            {
                pricing.Problem(FormattableString.Invariant($"overrides[{index - 1}]"), item, "an object with min_prompt_tokens and prices");
                continue;
            }

            if (tier.Int64("min_prompt_tokens") is not { } above || above < 0)
            {
                tier.Problem("min_prompt_tokens", "is missing or negative; expected the prompt size above which the tier's prices apply. The tier is skipped");
                continue;
            }

            tiers.Add(new PriceTier(above, Price(tier, "prompt"), Price(tier, "completion"), Price(tier, "input_cache_read"), Price(tier, "input_cache_write")));
        }

        tiers.Sort((a, b) => a.AboveInputTokens.CompareTo(b.AboveInputTokens));
        return tiers;
    }
}
