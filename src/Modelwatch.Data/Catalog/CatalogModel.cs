using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog;

/// <summary>
/// A canonical model, <c>&lt;lab&gt;/&lt;model&gt;</c>. Its columns hold the resolved value of each fact (chosen from
/// <see cref="ModelFactRow"/> by <c>FactPrecedence</c>); the facts table keeps every source's claim.
/// </summary>
public sealed class CatalogModel
{
    /// <summary>The canonical id, <c>&lt;lab&gt;/&lt;model&gt;</c>, lower case.</summary>
    public required string Id { get; set; }

    public required string Lab { get; set; }

    public string? DisplayName { get; set; }

    public string? Organisation { get; set; }

    public string? Family { get; set; }

    public DateOnly? ReleaseDate { get; set; }

    public string? KnowledgeCutoff { get; set; }

    public LicenceClass Licence { get; set; }

    public string? LicenceId { get; set; }

    public string? LicenceUrl { get; set; }

    public string? WeightsUrl { get; set; }

    public ModelArchitecture Architecture { get; set; }

    public long? TotalParameters { get; set; }

    public long? ActiveParameters { get; set; }

    public int? ContextWindow { get; set; }

    public int? MaxInputTokens { get; set; }

    public int? MaxOutputTokens { get; set; }

    /// <summary>Comma-joined lower-case modalities.</summary>
    public string? InputModalities { get; set; }

    public string? OutputModalities { get; set; }

    public bool? Reasoning { get; set; }

    public bool? ToolCalling { get; set; }

    public ModelStatus Status { get; set; }

    public DateOnly? DeprecatedOn { get; set; }

    public DateOnly? RetiredOn { get; set; }

    /// <summary>The source that created the model (first seen).</summary>
    public required string CreatedBySource { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<ModelVariant> Variants { get; } = [];

    public List<ModelFactRow> Facts { get; } = [];
}

/// <summary>The same model at another reasoning effort, thinking budget, snapshot date or quantisation.</summary>
public sealed class ModelVariant
{
    public int Id { get; set; }

    public required string ModelId { get; set; }

    /// <summary>The variant's name within its model (<c>thinking-32k</c>, <c>2025-09-29</c>, <c>high</c>, <c>fp8</c>).</summary>
    public required string Name { get; set; }

    public VariantKind Kind { get; set; }
}

/// <summary>
/// One source's claim about one field of one model: the provenance behind every resolved value. Kept when sources
/// disagree; the model's column shows the one precedence picks, and <c>catalog show</c> lists them all.
/// </summary>
public sealed class ModelFactRow
{
    public long Id { get; set; }

    public required string ModelId { get; set; }

    /// <summary>A <see cref="ModelFields"/> name.</summary>
    public required string Field { get; set; }

    public required string Value { get; set; }

    public required string Source { get; set; }

    /// <summary>The source's id for the model the claim was made about (one model can have several per source).</summary>
    public required string ExternalId { get; set; }

    /// <summary>The import that first stated this value (a changed value is a new import's claim).</summary>
    public long ImportRunId { get; set; }

    public DateTimeOffset ObservedAt { get; set; }
}
