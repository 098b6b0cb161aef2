namespace Modelwatch.Core.Catalog;

/// <summary>
/// Ties a source's id for a model to a canonical model. The store asks it for ids that have no alias yet; it
/// must prefer no link to a wrong one: anything it is not sure of comes back as <see cref="MatchKind.Candidate"/>.
/// </summary>
public interface IModelMatcher
{
    /// <param name="source">One of <see cref="CatalogSources"/>.</param>
    /// <param name="externalId">The source's id (arena key, call string, slug).</param>
    /// <param name="hints">What else the source says about the model (lab, display name, organisation).</param>
    IdentityMatch Match(string source, string externalId, MatchHints hints);
}

/// <summary>Side information that can confirm or rule out a match.</summary>
public sealed record MatchHints
{
    public static MatchHints None { get; } = new();

    public string? Lab { get; init; }

    public string? Organisation { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>The provider an offering belongs to (<c>amazon-bedrock</c>); a hint to the lab for first-party providers.</summary>
    public string? Provider { get; init; }
}

/// <summary>A matcher's answer.</summary>
/// <param name="ModelId">The canonical model when sure (<see cref="Kind"/> not Candidate or Unmatched), otherwise null.</param>
/// <param name="Variant">The variant the external id names, if any (<c>thinking-32k</c>, <c>2025-09-29</c>).</param>
/// <param name="Kind">How the link was made; Candidate and Unmatched link nothing.</param>
/// <param name="Confidence">0..1; 1 for exact and canonical matches.</param>
/// <param name="CandidateModelId">For <see cref="MatchKind.Candidate"/>: the model a person should confirm.</param>
/// <param name="Explanation">One line a person can check (“normalised ‘claude-3.5-sonnet’ = alias of anthropic/claude-3-5-sonnet”).</param>
public sealed record IdentityMatch(string? ModelId, string? Variant, MatchKind Kind, double Confidence, string? CandidateModelId, string Explanation)
{
    public bool IsLinked => ModelId is not null && Kind is not (MatchKind.Candidate or MatchKind.Unmatched);

    public static IdentityMatch None(string explanation) => new(null, null, MatchKind.Unmatched, 0, null, explanation);
}
