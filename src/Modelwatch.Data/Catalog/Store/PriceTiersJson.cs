using System.Text.Json;
using System.Text.Json.Serialization;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>Long-context tiers as stored in <see cref="PriceRow.TiersJson"/>: <c>[{"above":200000,"input":…,"output":…}]</c>.</summary>
public static class PriceTiersJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Null for no tiers.</summary>
    public static string? Write(IReadOnlyList<PriceTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        return tiers.Count == 0
            ? null
            : JsonSerializer.Serialize(tiers.Select(t => new TierDto(t.AboveInputTokens, Prices.Round(t.Input), Prices.Round(t.Output), Prices.Round(t.CacheRead), Prices.Round(t.CacheWrite))), Options);
    }

    /// <summary>The tiers of <paramref name="json"/>; empty for null.</summary>
    public static IReadOnlyList<PriceTier> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        var dtos = JsonSerializer.Deserialize<List<TierDto>>(json, Options) ?? [];
        return dtos.Select(d => new PriceTier(d.Above, d.Input, d.Output, d.CacheRead, d.CacheWrite)).ToList();
    }

    private sealed record TierDto(
        [property: JsonPropertyName("above")] long Above,
        [property: JsonPropertyName("input")] decimal? Input,
        [property: JsonPropertyName("output")] decimal? Output,
        [property: JsonPropertyName("cache_read")] decimal? CacheRead,
        [property: JsonPropertyName("cache_write")] decimal? CacheWrite);
}

/// <summary>Price rounding shared by the writer and the comparison: six decimal places, as PostgreSQL stores them.</summary>
internal static class Prices
{
    public static decimal? Round(decimal? price) => price is { } p ? Math.Round(p, 6, MidpointRounding.ToEven) : null;

    /// <summary>Whether a stored period holds the same prices as <paramref name="prices"/> (after rounding).</summary>
    public static bool Same(PriceRow row, TokenPrices prices) =>
        row.InputPerMillion == Round(prices.Input) && row.OutputPerMillion == Round(prices.Output) &&
        row.CacheReadPerMillion == Round(prices.CacheRead) && row.CacheWritePerMillion == Round(prices.CacheWrite) &&
        PriceTiersJson.Read(row.TiersJson).SequenceEqual(PriceTiersJson.Read(PriceTiersJson.Write(prices.Tiers)));

    public static void Set(PriceRow row, TokenPrices prices)
    {
        row.InputPerMillion = Round(prices.Input);
        row.OutputPerMillion = Round(prices.Output);
        row.CacheReadPerMillion = Round(prices.CacheRead);
        row.CacheWritePerMillion = Round(prices.CacheWrite);
        row.TiersJson = PriceTiersJson.Write(prices.Tiers);
    }
}
