using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>Filters of <c>catalog list</c>; every one optional.</summary>
public sealed record ModelFilter
{
    /// <summary>Only models whose weights are published (open weights or open source).</summary>
    public bool OpenWeights { get; init; }

    /// <summary>Only models whose context window is at least this many tokens.</summary>
    public int? MinContext { get; init; }

    public LicenceClass? Licence { get; init; }

    /// <summary>The lab part of the canonical id (<c>openai</c>).</summary>
    public string? Lab { get; init; }

    /// <summary>Text the id or display name contains, ignoring case.</summary>
    public string? Search { get; init; }
}

/// <summary>One row of <c>catalog list</c>.</summary>
public sealed record ModelSummary(
    string Id, string? DisplayName, string Lab, LicenceClass Licence, string? LicenceId, int? ContextWindow, int? MaxOutputTokens,
    long? TotalParameters, DateOnly? ReleaseDate, string CreatedBySource);

/// <summary>Everything the catalog knows about one model, with the provenance of every fact.</summary>
public sealed record ModelDetails(CatalogModel Model)
{
    /// <summary>Every source's claim, by field in <see cref="ModelFields.All"/> order, the precedence winner first.</summary>
    public IReadOnlyList<ShownFact> Facts { get; init; } = [];

    public IReadOnlyList<ModelVariant> Variants { get; init; } = [];

    public IReadOnlyList<OfferingView> Offerings { get; init; } = [];

    public IReadOnlyList<BenchmarkScoreRow> BenchmarkScores { get; init; } = [];

    public IReadOnlyList<PublishedRatingRow> PublishedRatings { get; init; } = [];

    public IReadOnlyList<ModelAlias> Aliases { get; init; } = [];
}

/// <summary>One source's claim about one field: whether precedence picked it, and whether it disagrees with the winner.</summary>
/// <param name="Field">A <see cref="ModelFields"/> name.</param>
/// <param name="Source">The source that stated it.</param>
/// <param name="ExternalId">The source's id the claim was made under.</param>
/// <param name="Value">The value as stored.</param>
/// <param name="Winner">The claim the model's column shows.</param>
/// <param name="Conflicts">A losing claim whose value differs from the winner's.</param>
/// <param name="ImportRunId">The import that stated this value.</param>
/// <param name="ObservedAt">When that import ran.</param>
public sealed record ShownFact(string Field, string Source, string ExternalId, string Value, bool Winner, bool Conflicts, long ImportRunId, DateTimeOffset ObservedAt);

/// <summary>An offering with its current price and its whole price history (oldest first).</summary>
public sealed record OfferingView(Offering Offering, PriceView? Current, IReadOnlyList<PriceView> History);

/// <summary>A price period, USD per million tokens; <see cref="EffectiveFrom"/> null: from before the source's records.</summary>
public sealed record PriceView(DateOnly? EffectiveFrom, DateOnly? EffectiveTo, decimal? Input, decimal? Output, decimal? CacheRead, decimal? CacheWrite, IReadOnlyList<PriceTier> Tiers)
{
    internal static PriceView Of(PriceRow p) =>
        new(p.EffectiveFrom == PricePeriods.SinceBeforeRecords ? null : p.EffectiveFrom, p.EffectiveTo, p.InputPerMillion, p.OutputPerMillion, p.CacheReadPerMillion, p.CacheWritePerMillion, PriceTiersJson.Read(p.TiersJson));
}

/// <summary>A name resolved to a canonical model.</summary>
/// <param name="ModelId">The canonical id.</param>
/// <param name="Variant">The variant the name denotes, if any.</param>
/// <param name="How">How it was found (an alias of which source, or the matcher's explanation).</param>
public sealed record ResolvedName(string ModelId, string? Variant, string How);
