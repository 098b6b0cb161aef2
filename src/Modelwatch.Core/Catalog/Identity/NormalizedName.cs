namespace Modelwatch.Core.Catalog.Identity;

/// <summary>One part of what makes a variant: its kind and its stable name (<c>2025-09-29</c>, <c>thinking-32k</c>, <c>high</c>, <c>fp8</c>).</summary>
public readonly record struct VariantPart(VariantKind Kind, string Value);

/// <summary>
/// A model name taken apart by <see cref="ModelNameNormalizer"/>: the words that name the model (<see cref="Tokens"/>,
/// in their original order) and the parts that name a variant of it (<see cref="VariantParts"/>). Two names with the
/// same <see cref="BaseKey"/> name the same model, possibly in different word order; with the same
/// <see cref="FullKey"/> also the same variant.
/// </summary>
public sealed record NormalizedName
{
    internal NormalizedName(string externalId, IReadOnlyList<string> tokens, IReadOnlyList<VariantPart> variantParts, IReadOnlyList<string> experts, string? labHint)
    {
        ExternalId = externalId;
        Tokens = tokens;
        VariantParts = variantParts;
        Experts = experts;
        LabHint = labHint;
        Name = string.Join('-', tokens);
        BaseKey = string.Join(' ', tokens.Order(StringComparer.Ordinal));
        Variant = variantParts.Count == 0 ? null : string.Join('+', variantParts.Select(p => p.Value));
        FullKey = Variant is null ? BaseKey : $"{BaseKey}|{Variant}";
    }

    /// <summary>The id as the source gave it.</summary>
    public string ExternalId { get; }

    /// <summary>The words that name the model, lower-case, in source order (<c>claude</c>, <c>3.5</c>, <c>sonnet</c>).</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Snapshot, thinking, effort and quantisation parts, in that order.</summary>
    public IReadOnlyList<VariantPart> VariantParts { get; }

    /// <summary>Expert counts (<c>128e</c>), kept out of the keys (sources often omit them) but checked when both sides state one.</summary>
    public IReadOnlyList<string> Experts { get; }

    /// <summary>The lab a prefix named (<c>anthropic.</c>, <c>meta-llama/</c>, <c>amazon-</c>), as a lab slug; null when none did.</summary>
    public string? LabHint { get; }

    /// <summary>The model words joined by dashes in source order: the name to show (<c>claude-3.5-sonnet</c>).</summary>
    public string Name { get; }

    /// <summary>The model words sorted and joined by spaces: equal for <c>claude-3-5-sonnet</c> and <c>claude-sonnet-3.5</c>.</summary>
    public string BaseKey { get; }

    /// <summary>The variant's stable name, parts joined by <c>+</c> (<c>2025-11-01+thinking-32k</c>); null for the model itself.</summary>
    public string? Variant { get; }

    /// <summary><see cref="BaseKey"/> and <see cref="Variant"/> together.</summary>
    public string FullKey { get; }

    /// <summary>Whether nothing was left that names a model (<c>openrouter/auto</c> has one word; <c>:free</c> alone has none).</summary>
    public bool IsEmpty => Tokens.Count == 0;

    /// <summary>The key of the same base with only the given variant parts.</summary>
    internal string KeyWith(IReadOnlyList<VariantPart> parts) =>
        parts.Count == 0 ? BaseKey : $"{BaseKey}|{string.Join('+', parts.Select(p => p.Value))}";

    public override string ToString() => Variant is null ? Name : $"{Name} [{Variant}]";
}
