namespace Modelwatch.Data.Catalog;

/// <summary>A provider's id for a model, with its limits; prices live in <see cref="PriceRow"/> periods.</summary>
public sealed class Offering
{
    public long Id { get; set; }

    /// <summary>The catalog source that reported it (the same provider id can come from several sources).</summary>
    public required string Source { get; set; }

    public required string Provider { get; set; }

    public required string ProviderModelId { get; set; }

    /// <summary>The canonical model; null when identity matching has not linked it (still stored: no silent $0).</summary>
    public string? ModelId { get; set; }

    public string? Variant { get; set; }

    public int? ContextWindow { get; set; }

    public int? MaxInputTokens { get; set; }

    public int? MaxOutputTokens { get; set; }

    public string? Mode { get; set; }

    public long ImportRunId { get; set; }

    public List<PriceRow> Prices { get; } = [];
}

/// <summary>
/// Prices in effect from <see cref="EffectiveFrom"/> until <see cref="EffectiveTo"/> (null: still in effect). A changed
/// price closes the open period and opens a new one, so history is kept. USD per million tokens.
/// </summary>
public sealed class PriceRow
{
    public long Id { get; set; }

    public long OfferingId { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }

    public decimal? InputPerMillion { get; set; }

    public decimal? OutputPerMillion { get; set; }

    public decimal? CacheReadPerMillion { get; set; }

    public decimal? CacheWritePerMillion { get; set; }

    /// <summary>Long-context tiers as JSON <c>[{"above":200000,"input":…,"output":…}]</c>; null when there are none.</summary>
    public string? TiersJson { get; set; }

    public long ImportRunId { get; set; }
}
