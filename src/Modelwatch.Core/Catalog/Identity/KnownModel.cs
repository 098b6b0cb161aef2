namespace Modelwatch.Core.Catalog.Identity;

/// <summary>A canonical model the matcher can link to, with the names sources are already known to use for it.</summary>
/// <param name="CanonicalId"><c>&lt;lab&gt;/&lt;model&gt;</c> (models.dev's <c>models/</c> namespace).</param>
public sealed record KnownModel(string CanonicalId)
{
    /// <summary>The lab's slug; defaults to the part of <see cref="CanonicalId"/> before the slash when that is a known lab.</summary>
    public string? Lab { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>
    /// The name to match the model by when the model part of <see cref="CanonicalId"/> is not one (a provisional id
    /// such as <c>~litellm/gpt-4o#2</c>); defaults to that model part.
    /// </summary>
    public string? PrimaryName { get; init; }

    /// <summary>Names sources use for this model (models.dev offerings with <c>base_model</c>, accepted reviews, …).</summary>
    public IReadOnlyList<KnownAlias> Aliases { get; init; } = [];
}

/// <summary>A source's name for a known model.</summary>
/// <param name="Source">One of <see cref="CatalogSources"/> (or a finer name such as <c>models.dev:amazon-bedrock</c>).</param>
/// <param name="ExternalId">The source's id, as the source spells it.</param>
public sealed record KnownAlias(string Source, string ExternalId)
{
    /// <summary>The variant of the model this name stands for, when known (<c>2025-09-29</c>, <c>thinking</c>).</summary>
    public string? Variant { get; init; }

    /// <summary>The lab the source says made it, when it says (a hint; contradicting labs never link).</summary>
    public string? Lab { get; init; }

    /// <summary>
    /// The source's display name for it (<c>Mistral Medium 3.1</c>), when it gives one: a version it states that a
    /// query does not (<c>mistral-medium</c>, the 2023 model) rules the name out — labs reuse names across generations.
    /// </summary>
    public string? DisplayName { get; init; }
}

/// <summary>A hand-kept decision from the overrides file: link an id to a model, or never link it to one.</summary>
/// <param name="Kind">Link or never.</param>
/// <param name="Source">The source the id comes from (one of <see cref="CatalogSources"/>), or <c>*</c> for any source.</param>
/// <param name="ExternalId">The source's id, compared without regard to case.</param>
/// <param name="ModelId">The canonical model (<c>openai/gpt-4o</c>).</param>
public sealed record IdentityOverride(OverrideKind Kind, string Source, string ExternalId, string ModelId)
{
    /// <summary>For links: the variant the id names (<c>2025-03-26</c>).</summary>
    public string? Variant { get; init; }

    /// <summary>Where the decision is written (<c>catalog/identity-overrides.toml:12</c>), for explanations and messages.</summary>
    public string? Origin { get; init; }

    /// <summary>Whether this override is about <paramref name="source"/>'s <paramref name="externalId"/>.</summary>
    public bool Covers(string source, string externalId) =>
        (Source == "*" || string.Equals(Source, source, StringComparison.OrdinalIgnoreCase)) &&
        string.Equals(ExternalId, externalId, StringComparison.OrdinalIgnoreCase);
}

/// <summary>What an override says.</summary>
public enum OverrideKind
{
    /// <summary>The id names this model (and variant).</summary>
    Link,

    /// <summary>The id must never be linked to this model, whatever the rules think.</summary>
    Never,
}
