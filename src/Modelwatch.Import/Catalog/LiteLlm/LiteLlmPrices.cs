using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog.LiteLlm;

/// <summary>
/// LiteLLM's per-token prices as USD per million tokens, multiplied as decimals read from the JSON text
/// (<c>3e-06</c> → exactly 3). What is read:
/// <list type="bullet">
/// <item><c>input_cost_per_token</c>, <c>output_cost_per_token</c>, <c>cache_read_input_token_cost</c> (DeepSeek-style
/// <c>input_cost_per_token_cache_hit</c> when that is missing: the same price under its older name), and
/// <c>cache_creation_input_token_cost</c> (the 5-minute cache write; <c>…_above_1hr</c> is the 1-hour write and is not stored).</item>
/// <item>Long-context tiers: <c>&lt;one of those four&gt;_above_&lt;N&gt;k_tokens</c> → a tier above N × 1,000 prompt tokens,
/// and <c>tiered_pricing</c> entries with a token <c>range</c> (Dashscope, Volcengine): the range starting at 0
/// gives the base prices, each other range a tier above its start.</item>
/// </list>
/// Not read, because they are other service levels or other units, not long-context tiers: <c>_priority</c>,
/// <c>_flex</c>, <c>_batches</c>, audio, image, character, second and query prices, and <c>tiered_pricing</c>
/// entries without token prices (search tools priced per query).
/// </summary>
internal static partial class LiteLlmPrices
{
    private const decimal PerMillion = 1_000_000m;

    private static readonly string[] TokenFields =
        ["input_cost_per_token", "output_cost_per_token", "cache_read_input_token_cost", "cache_creation_input_token_cost"];

    /// <summary>The prices, or null when the entry states none per token (image generation, search, …).</summary>
    public static TokenPrices? Read(JsonElement entry, string path, RecordProblems problems)
    {
        var basePrices = new PriceSlots();
        foreach (var field in TokenFields)
        {
            if (JsonValues.TryMember(entry, field, out var value))
            {
                basePrices.Set(field, PerToken(value, CatalogJson.Member(path, field), problems), CatalogJson.Member(path, field), problems);
            }
        }

        if (basePrices.CacheRead is null && JsonValues.TryMember(entry, "input_cost_per_token_cache_hit", out var cacheHit))
        {
            var location = CatalogJson.Member(path, "input_cost_per_token_cache_hit");
            basePrices.Set("cache_read_input_token_cost", PerToken(cacheHit, location, problems), location, problems);
        }

        var tiers = new SortedDictionary<long, PriceSlots>();
        foreach (var property in entry.EnumerateObject())
        {
            if (AboveTokensField().Match(property.Name) is { Success: true } match && property.Value.ValueKind != JsonValueKind.Null)
            {
                var location = CatalogJson.Member(path, property.Name);
                var threshold = long.Parse(match.Groups["thousands"].Value, NumberStyles.None, CultureInfo.InvariantCulture) * 1000;
                TierAt(tiers, threshold).Set(match.Groups["field"].Value, PerToken(property.Value, location, problems), location, problems);
            }
        }

        if (JsonValues.TryMember(entry, "tiered_pricing", out var ranges))
        {
            ReadRanges(ranges, CatalogJson.Member(path, "tiered_pricing"), basePrices, tiers, problems);
        }

        if (basePrices.IsEmpty && tiers.Count == 0)
        {
            return null;
        }

        return basePrices.ToPrices() with
        {
            Tiers = [.. tiers.Select(t => new PriceTier(t.Key, t.Value.Input, t.Value.Output, t.Value.CacheRead, t.Value.CacheWrite))],
        };
    }

    private static void ReadRanges(JsonElement ranges, string path, PriceSlots basePrices, SortedDictionary<long, PriceSlots> tiers, RecordProblems problems)
    {
        if (ranges.ValueKind != JsonValueKind.Array)
        {
            problems.Unexpected(path, "an array of price ranges", ranges);
            return;
        }

        var index = 0;
        foreach (var range in ranges.EnumerateArray())
        {
            var location = CatalogJson.Index(path, index++);
            if (range.ValueKind != JsonValueKind.Object)
            {
                problems.Unexpected(location, "an object with a range and its prices", range);
                continue;
            }

            var fields = TokenFields.Where(f => JsonValues.TryMember(range, f, out _)).ToList();
            if (fields.Count == 0)
            {
                continue; // priced per query or result, not per token
            }

            var start = RangeStart(range, location, problems);
            if (start is null)
            {
                continue;
            }

            var slots = start == 0 ? basePrices : TierAt(tiers, start.Value);
            foreach (var field in fields)
            {
                var fieldLocation = CatalogJson.Member(location, field);
                slots.Set(field, PerToken(range.GetProperty(field), fieldLocation, problems), fieldLocation, problems);
            }
        }
    }

    /// <summary>The first number of <c>range: [start, end]</c>: the prompt size the prices apply from.</summary>
    private static long? RangeStart(JsonElement range, string location, RecordProblems problems)
    {
        var rangeLocation = CatalogJson.Member(location, "range");
        if (!range.TryGetProperty("range", out var bounds) || bounds.ValueKind != JsonValueKind.Array || bounds.GetArrayLength() != 2)
        {
            problems.Bad(rangeLocation, "expected [start, end] token counts beside token prices");
            return null;
        }

        var first = bounds[0];
        if (!JsonValues.TryNumber(first, CatalogJson.Index(rangeLocation, 0), problems, out var start))
        {
            return null;
        }

        if (start < 0 || start > long.MaxValue || decimal.Truncate(start) != start)
        {
            problems.Unexpected(CatalogJson.Index(rangeLocation, 0), "a whole number of tokens of at least 0", first);
            return null;
        }

        return (long)start;
    }

    private static PriceSlots TierAt(SortedDictionary<long, PriceSlots> tiers, long threshold)
    {
        if (!tiers.TryGetValue(threshold, out var slots))
        {
            slots = new PriceSlots();
            tiers.Add(threshold, slots);
        }

        return slots;
    }

    /// <summary>A per-token price as USD per million tokens, exact.</summary>
    private static decimal? PerToken(JsonElement value, string location, RecordProblems problems)
    {
        var perToken = JsonValues.Price(value, location, problems);
        if (perToken is null)
        {
            return null;
        }

        if (perToken > decimal.MaxValue / PerMillion)
        {
            problems.Unexpected(location, "a price per token below 7.9e22", value);
            return null;
        }

        return JsonValues.Normalise(perToken.Value * PerMillion);
    }

    [GeneratedRegex(@"^(?<field>input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost)_above_(?<thousands>[0-9]{1,9})k_tokens$", RegexOptions.CultureInvariant)]
    private static partial Regex AboveTokensField();

    /// <summary>The four prices of one level (base or tier) while they are gathered from several fields.</summary>
    private sealed class PriceSlots
    {
        private readonly Dictionary<string, (decimal Price, string Location)> _prices = new(StringComparer.Ordinal);

        public bool IsEmpty => _prices.Count == 0;

        public decimal? Input => Get("input_cost_per_token");

        public decimal? Output => Get("output_cost_per_token");

        public decimal? CacheRead => Get("cache_read_input_token_cost");

        public decimal? CacheWrite => Get("cache_creation_input_token_cost");

        /// <summary>Stores a price; a second, different price for the same slot makes the record bad (which one is right?).</summary>
        public void Set(string field, decimal? price, string location, RecordProblems problems)
        {
            if (price is null)
            {
                return;
            }

            if (_prices.TryGetValue(field, out var earlier))
            {
                if (earlier.Price != price)
                {
                    problems.Bad(location, FormattableString.Invariant($"{price} per million conflicts with {earlier.Price} from {earlier.Location}"));
                }

                return;
            }

            _prices[field] = (price.Value, location);
        }

        public TokenPrices ToPrices() => new() { Input = Input, Output = Output, CacheRead = CacheRead, CacheWrite = CacheWrite };

        private decimal? Get(string field) => _prices.TryGetValue(field, out var p) ? p.Price : null;
    }
}
