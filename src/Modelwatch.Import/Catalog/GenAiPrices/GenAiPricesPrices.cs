using System.Globalization;
using System.Text.Json;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog.GenAiPrices;

/// <summary>
/// One set of genai-prices prices (a <c>ModelPrice</c>), already per million tokens. Each of <c>input_mtok</c>,
/// <c>output_mtok</c>, <c>cache_read_mtok</c>, <c>cache_write_mtok</c> is a number or <c>{base, tiers: [{start, price}]}</c>;
/// tiers of all four are merged by <c>start</c> into <see cref="PriceTier"/>s (genai-prices' cliff model: a prompt
/// above <c>start</c> pays the tier price for all its tokens, as <see cref="PriceTier"/> means).
/// </summary>
/// <remarks>
/// An empty object means free in genai-prices (its <c>is_free</c>: every price zero or unset), so it becomes input and
/// output 0; otherwise a price it does not state stays null. Audio prices, <c>requests_kcount</c> and
/// <c>tool_use_kcount</c> have no place in <see cref="TokenPrices"/> and are left out quietly; a field genai-prices
/// did not have when this was written is reported as not stored.
/// </remarks>
internal static class GenAiPricesPrices
{
    private static readonly HashSet<string> KnownNotStored = new(StringComparer.Ordinal)
    {
        "input_audio_mtok", "cache_audio_read_mtok", "output_audio_mtok", "requests_kcount", "tool_use_kcount",
    };

    public static TokenPrices? Read(JsonElement prices, string path, RecordProblems problems)
    {
        if (prices.ValueKind != JsonValueKind.Object)
        {
            problems.Unexpected(path, "an object of prices per million tokens", prices);
            return null;
        }

        if (prices.GetPropertyCount() == 0)
        {
            return new TokenPrices { Input = 0, Output = 0 };
        }

        var errorsBefore = problems.Errors;
        decimal? input = null, output = null, cacheRead = null, cacheWrite = null;
        var tiers = new SortedDictionary<long, decimal?[]>();
        foreach (var member in prices.EnumerateObject())
        {
            var location = CatalogJson.Member(path, member.Name);
            var slot = member.Name switch
            {
                "input_mtok" => 0,
                "output_mtok" => 1,
                "cache_read_mtok" => 2,
                "cache_write_mtok" => 3,
                _ => -1,
            };
            if (slot < 0)
            {
                if (!KnownNotStored.Contains(member.Name))
                {
                    problems.NotStored(location, $"unknown price field “{member.Name}”; not stored");
                }

                continue;
            }

            var basePrice = Price(member.Value, location, slot, tiers, problems);
            _ = slot switch
            {
                0 => input = basePrice,
                1 => output = basePrice,
                2 => cacheRead = basePrice,
                _ => cacheWrite = basePrice,
            };
        }

        if (problems.Errors > errorsBefore)
        {
            return null;
        }

        return new TokenPrices
        {
            Input = input,
            Output = output,
            CacheRead = cacheRead,
            CacheWrite = cacheWrite,
            Tiers = [.. tiers.Select(t => new PriceTier(t.Key, t.Value[0], t.Value[1], t.Value[2], t.Value[3]))],
        };
    }

    /// <summary>The base price of one field; its tiers go into <paramref name="tiers"/> at <paramref name="slot"/>.</summary>
    private static decimal? Price(JsonElement value, string location, int slot, SortedDictionary<long, decimal?[]> tiers, RecordProblems problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return JsonValues.Price(value, location, problems);
        }

        decimal? basePrice = null;
        if (JsonValues.TryMember(value, "base", out var baseValue))
        {
            basePrice = JsonValues.Price(baseValue, CatalogJson.Member(location, "base"), problems);
        }
        else
        {
            problems.Bad(CatalogJson.Member(location, "base"), "missing; tiered prices need a base price");
        }

        var tiersLocation = CatalogJson.Member(location, "tiers");
        if (!value.TryGetProperty("tiers", out var tierList) || tierList.ValueKind != JsonValueKind.Array)
        {
            problems.Unexpected(tiersLocation, "an array of {start, price}", tierList);
            return basePrice;
        }

        long previous = 0;
        var index = 0;
        foreach (var tier in tierList.EnumerateArray())
        {
            var tierLocation = CatalogJson.Index(tiersLocation, index++);
            if (tier.ValueKind != JsonValueKind.Object || !tier.TryGetProperty("start", out var startValue) || !tier.TryGetProperty("price", out var priceValue))
            {
                problems.Unexpected(tierLocation, "{start, price}", tier);
                continue;
            }

            var start = JsonValues.TokenCount(startValue, CatalogJson.Member(tierLocation, "start"), problems);
            var price = JsonValues.Price(priceValue, CatalogJson.Member(tierLocation, "price"), problems);
            if (start is null || price is null)
            {
                continue;
            }

            if (start <= previous)
            {
                problems.Bad(CatalogJson.Member(tierLocation, "start"), string.Create(CultureInfo.InvariantCulture, $"tiers must ascend; {start} follows {previous}"));
                continue;
            }

            previous = start.Value;
            if (!tiers.TryGetValue(start.Value, out var slots))
            {
                slots = new decimal?[4];
                tiers.Add(start.Value, slots);
            }

            slots[slot] = price;
        }

        return basePrice;
    }
}
