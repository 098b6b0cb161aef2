namespace Modelwatch.Core.Catalog;

/// <summary>
/// What a matcher needs to know of the stored catalog: its canonical models and every alias (linked, unmatched,
/// pending or rejected). Loaded from the database by the data layer's <c>CatalogIndexLoader</c>.
/// </summary>
public sealed record CatalogIndex(IReadOnlyList<IndexedModel> Models, IReadOnlyList<IndexedAlias> Aliases)
{
    public static CatalogIndex Empty { get; } = new([], []);
}

/// <summary>A canonical model as matching sees it.</summary>
public sealed record IndexedModel(string Id, string Lab, string? DisplayName, string? Organisation, string? WeightsUrl);

/// <summary>A stored alias; rejected ones (<see cref="ReviewState.Rejected"/>) must not be proposed again.</summary>
public sealed record IndexedAlias(string Source, string ExternalId, string? ModelId, string? Variant, MatchKind Kind, ReviewState Review, string? CandidateModelId);
