namespace Modelwatch.Core.Catalog;

/// <summary>
/// One source's description of one model, under the source's own id. Every property is optional: a source says
/// what it knows and nothing else, and each non-null property becomes a fact with this source as provenance.
/// </summary>
/// <param name="ExternalId">The source's id for the model (models.dev <c>openai/gpt-5</c>, an arena key, an OpenRouter slug, …).</param>
public sealed record SourceModel(string ExternalId)
{
    /// <summary>
    /// The canonical id <c>&lt;lab&gt;/&lt;model&gt;</c> when the source states it (models.dev's <c>models/</c> tree,
    /// an offering's <c>base_model</c>); null when identity matching must find it.
    /// </summary>
    public string? CanonicalId { get; init; }

    /// <summary>The variant this entry names (<c>thinking-32k</c>, <c>2025-09-29</c>, <c>high</c>) when the source states it.</summary>
    public string? Variant { get; init; }

    /// <summary>The lab's slug (<c>openai</c>, <c>meta</c>) when the source states it; helps matching and new canonical ids.</summary>
    public string? Lab { get; init; }

    public string? DisplayName { get; init; }

    public string? Organisation { get; init; }

    public string? Family { get; init; }

    public DateOnly? ReleaseDate { get; init; }

    /// <summary>Knowledge cutoff as the source gives it: <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    public string? KnowledgeCutoff { get; init; }

    public LicenceClass? Licence { get; init; }

    /// <summary>SPDX id or the licence's own name (<c>apache-2.0</c>, <c>llama3.1</c>, <c>Proprietary</c>).</summary>
    public string? LicenceId { get; init; }

    public string? LicenceUrl { get; init; }

    /// <summary>Where the weights are, preferably the Hugging Face repo URL; the canonical identity of open weights.</summary>
    public string? WeightsUrl { get; init; }

    public ModelArchitecture? Architecture { get; init; }

    public long? TotalParameters { get; init; }

    public long? ActiveParameters { get; init; }

    /// <summary>The context window in tokens; never a billing tier.</summary>
    public int? ContextWindow { get; init; }

    public int? MaxInputTokens { get; init; }

    public int? MaxOutputTokens { get; init; }

    /// <summary>Lower-case modality names (<c>text</c>, <c>image</c>, <c>audio</c>, <c>video</c>, <c>pdf</c>).</summary>
    public IReadOnlyList<string>? InputModalities { get; init; }

    public IReadOnlyList<string>? OutputModalities { get; init; }

    public bool? Reasoning { get; init; }

    public bool? ToolCalling { get; init; }

    public ModelStatus? Status { get; init; }

    public DateOnly? DeprecatedOn { get; init; }

    public DateOnly? RetiredOn { get; init; }

    /// <summary>Every stated property as a (field, value) fact, values in the invariant form <see cref="ModelFields"/> describes.</summary>
    public IEnumerable<ModelFact> Facts() => ModelFields.FactsOf(this);
}

/// <summary>One fact about a model as a source states it: a field name from <see cref="ModelFields"/> and its invariant text.</summary>
public readonly record struct ModelFact(string Field, string Value);
