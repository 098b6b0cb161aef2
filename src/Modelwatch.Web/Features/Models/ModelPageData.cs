using Modelwatch.Core.Catalog;

namespace Modelwatch.Web.Features.Models;

/// <summary>One row of the models list.</summary>
public sealed record ModelListRow(string Id, string Name, string Lab, LicenceClass Licence, string? LicenceId, int? ContextWindow, int? MaxOutputTokens, long? TotalParameters, DateOnly? ReleaseDate);

/// <summary>A page of the models list with the total that matched the filters.</summary>
public sealed record ModelListPage(int Page, int PageSize, int Total, IReadOnlyList<ModelListRow> Rows);

/// <summary>The filters of the models list; every one optional.</summary>
public sealed record ModelListQuery(bool OpenWeights = false, LicenceClass? Licence = null, string? Lab = null, int? MinContext = null, string? Search = null);

/// <summary>Everything the model page shows, also the JSON of <c>GET /api/models/{id}</c>.</summary>
public sealed record ModelPageData(
    ModelHeader Model,
    IReadOnlyList<FactClaim> Facts,
    IReadOnlyList<OfferingPrices> Offerings,
    IReadOnlyList<ArenaRating> ArenaRatings,
    IReadOnlyList<PublishedRating> PublishedRatings,
    IReadOnlyList<BenchmarkScore> Benchmarks,
    IReadOnlyList<VariantInfo> Variants,
    IReadOnlyList<AliasInfo> Aliases);

/// <summary>The model's resolved columns (what precedence picked).</summary>
public sealed record ModelHeader(
    string Id, string Name, string Lab, string? Organisation, string? Family, LicenceClass Licence, string? LicenceId, string? LicenceUrl, string? WeightsUrl,
    int? ContextWindow, int? MaxOutputTokens, long? TotalParameters, long? ActiveParameters, DateOnly? ReleaseDate, string? KnowledgeCutoff,
    bool? Reasoning, bool? ToolCalling, string Status)
{
    /// <summary>Open weights or open source: the weights can be downloaded.</summary>
    public bool OpenWeights => Licence is LicenceClass.OpenWeights or LicenceClass.OpenSource;
}

/// <summary>One source's claim about one field; <see cref="Winner"/> is what the model shows, <see cref="Differs"/> a losing claim that disagrees.</summary>
public sealed record FactClaim(string Field, string Value, string Source, string ExternalId, bool Winner, bool Differs, DateTimeOffset ObservedAt);

/// <summary>A provider's offering with its current price and every price period.</summary>
public sealed record OfferingPrices(string Provider, string ProviderModelId, string Source, string? Variant, int? ContextWindow, PricePeriod? Current, IReadOnlyList<PricePeriod> History);

/// <summary>Prices per million tokens (USD) in effect from <see cref="From"/> (null: before the source's records) to <see cref="To"/> (null: still).</summary>
public sealed record PricePeriod(DateOnly? From, DateOnly? To, decimal? Input, decimal? Output, decimal? CacheRead, decimal? CacheWrite);

/// <summary>The model's rating on our board of one category, under the vote name it carries there.</summary>
public sealed record ArenaRating(string Dataset, string Category, string VoteName, int Rank, double Rating, double Lower, double Upper, long Votes, int ModelsOnBoard);

/// <summary>A rating LMArena published, with its date.</summary>
public sealed record PublishedRating(string Board, string Category, DateOnly PublishedOn, string ExternalId, double Rating, double? Lower, double? Upper, int? Votes, int? Rank);

/// <summary>A benchmark score with its source and date.</summary>
public sealed record BenchmarkScore(string Benchmark, string Variant, double Score, string? Metric, string Source, string? SourceUrl, bool? SelfReported, DateOnly? AsOf);

/// <summary>A variant of the model (reasoning effort, snapshot, …).</summary>
public sealed record VariantInfo(string Name, string Kind);

/// <summary>A name a source uses for the model.</summary>
public sealed record AliasInfo(string Source, string ExternalId, string? Variant, string Review);
