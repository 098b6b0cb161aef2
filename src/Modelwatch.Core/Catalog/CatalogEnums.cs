namespace Modelwatch.Core.Catalog;

/// <summary>How freely a model can be used: the filter people ask every catalog for.</summary>
public enum LicenceClass
{
    /// <summary>No source said.</summary>
    Unknown,

    /// <summary>Reachable only through an API or product; weights not published.</summary>
    Proprietary,

    /// <summary>Weights downloadable, under a licence that is not OSI-approved (Llama, Gemma, …) or not stated.</summary>
    OpenWeights,

    /// <summary>Weights under an OSI-approved licence (Apache-2.0, MIT, …).</summary>
    OpenSource,
}

/// <summary>Dense or mixture-of-experts; MoE models have active parameters below their total.</summary>
public enum ModelArchitecture
{
    /// <summary>No source said.</summary>
    Unknown,

    /// <summary>Every parameter takes part in every token.</summary>
    Dense,

    /// <summary>Mixture of experts: a router picks a few experts per token.</summary>
    MixtureOfExperts,
}

/// <summary>Where a model is in its life; retired is distinct from deprecated (users asked for both dates).</summary>
public enum ModelStatus
{
    /// <summary>Served and supported.</summary>
    Active,

    /// <summary>Still served, with a retirement announced or expected.</summary>
    Deprecated,

    /// <summary>No longer served.</summary>
    Retired,
}

/// <summary>What makes a variant differ from its model.</summary>
public enum VariantKind
{
    /// <summary>A dated snapshot (<c>-20250929</c>, <c>-2507</c>, <c>@20240620</c>).</summary>
    Snapshot,

    /// <summary>A reasoning-effort setting (<c>-high</c>, <c>-low</c>, <c>-minimal</c>).</summary>
    ReasoningEffort,

    /// <summary>A thinking mode or budget (<c>-thinking-32k</c>, <c>-no-thinking</c>).</summary>
    Thinking,

    /// <summary>A weight quantisation or precision (<c>-fp8</c>, <c>-bf16</c>, <c>q4_K_M</c>).</summary>
    Quantisation,

    /// <summary>Anything else a source names as a separate entry of the same model (preview, chat mode, …).</summary>
    Other,
}

/// <summary>How an external id was tied to a canonical model.</summary>
public enum MatchKind
{
    /// <summary>The source uses the canonical namespace itself (models.dev <c>models/&lt;lab&gt;/&lt;id&gt;</c>, <c>base_model</c>).</summary>
    Canonical,

    /// <summary>Equal to a canonical id or known alias, letter for letter.</summary>
    Exact,

    /// <summary>Equal after normalisation (prefixes, regions, <c>:free</c>, dates, <c>.</c> vs <c>-</c>, word order).</summary>
    Normalised,

    /// <summary>A match rule (genai-prices style: equals, starts-with, contains, regex).</summary>
    Rule,

    /// <summary>The hand-kept overrides file.</summary>
    Override,

    /// <summary>A person accepted it in <c>catalog review</c>.</summary>
    Reviewed,

    /// <summary>Similar, not certain: waits in the review queue and links nothing until accepted.</summary>
    Candidate,

    /// <summary>No model found; the id is kept so nothing is silently priced at $0.</summary>
    Unmatched,
}

/// <summary>Where an alias stands in the review queue.</summary>
public enum ReviewState
{
    /// <summary>Decided by rules sure enough to need no person.</summary>
    Automatic,

    /// <summary>Waiting for a person.</summary>
    Pending,

    /// <summary>A person said yes.</summary>
    Accepted,

    /// <summary>A person said no; the matcher must not propose it again.</summary>
    Rejected,
}
