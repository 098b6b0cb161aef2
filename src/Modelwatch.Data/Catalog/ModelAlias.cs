using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog;

/// <summary>
/// (source, external id) → (model, variant, match kind, confidence, reviewed). Every id any source used gets a row,
/// linked or not, so an unmatched id is visible in the review queue instead of silently missing.
/// </summary>
public sealed class ModelAlias
{
    public long Id { get; set; }

    public required string Source { get; set; }

    public required string ExternalId { get; set; }

    /// <summary>The linked model; null while unmatched, pending or rejected.</summary>
    public string? ModelId { get; set; }

    public string? Variant { get; set; }

    public MatchKind Kind { get; set; }

    public double Confidence { get; set; }

    public ReviewState Review { get; set; }

    /// <summary>For the review queue: the model the matcher proposes.</summary>
    public string? CandidateModelId { get; set; }

    /// <summary>The matcher's one-line reason, shown in review.</summary>
    public string? Explanation { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }
}
