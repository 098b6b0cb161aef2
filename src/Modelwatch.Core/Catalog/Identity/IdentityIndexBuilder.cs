namespace Modelwatch.Core.Catalog.Identity;

/// <summary>A name a catalog source uses, with the canonical model when the source states it (models.dev's <c>base_model</c>).</summary>
/// <param name="Source">The source, as finely as aliases should be kept apart (<c>litellm</c>, <c>models.dev/amazon-bedrock</c>).</param>
/// <param name="ExternalId">The source's id.</param>
public sealed record CatalogName(string Source, string ExternalId)
{
    /// <summary>The canonical model the source says this is, if it says.</summary>
    public string? CanonicalId { get; init; }

    /// <summary>The lab the source says made it, if it says.</summary>
    public string? Lab { get; init; }

    /// <summary>The source's display name for it, if it gives one.</summary>
    public string? DisplayName { get; init; }
}

/// <summary>
/// Builds an identity index from a source's names the way an import would: stated links become aliases, every other
/// name is matched against what is there (sure links only: exact or normalised) and otherwise becomes a provisional
/// model of its own (<c>~litellm/claude-opus-4-5</c>), which later names with the same normalised key join.
/// Plain names go before variant names, so a snapshot joins its model rather than founding one.
/// </summary>
public static class IdentityIndexBuilder
{
    /// <summary>The prefix of provisional canonical ids: a model only one source's names vouch for.</summary>
    public const string ProvisionalPrefix = "~";

    /// <param name="models">Canonical models (models.dev's lab models), with any aliases they already have.</param>
    /// <param name="names">Names to place: with <see cref="CatalogName.CanonicalId"/> they become aliases, otherwise they are matched.</param>
    public static ModelIdentityIndex Build(IEnumerable<KnownModel> models, IEnumerable<CatalogName> names)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(names);
        var index = new ModelIdentityIndex();
        foreach (var model in models)
        {
            index.Add(model);
        }

        var unplaced = new List<(CatalogName Name, NormalizedName Normalized)>();
        foreach (var name in names)
        {
            if (name.CanonicalId is not null && index.Contains(name.CanonicalId))
            {
                index.AddAlias(name.CanonicalId, new KnownAlias(name.Source, name.ExternalId) { Lab = name.Lab, DisplayName = name.DisplayName });
            }
            else
            {
                unplaced.Add((name, ModelNameNormalizer.Normalize(name.ExternalId)));
            }
        }

        var matcher = new ModelIdentityMatcher(index) { ProposeCandidates = false };
        var order = unplaced
            .OrderBy(u => u.Normalized.VariantParts.Count)
            .ThenBy(u => u.Name.ExternalId, StringComparer.Ordinal)
            .ThenBy(u => u.Name.Source, StringComparer.Ordinal);
        foreach (var (name, normalized) in order)
        {
            if (normalized.IsEmpty)
            {
                continue;
            }

            var match = matcher.Match(name.Source, name.ExternalId, new MatchHints { Lab = name.Lab, DisplayName = name.DisplayName });
            if (match.IsLinked && match.Kind is MatchKind.Exact or MatchKind.Normalised)
            {
                index.AddAlias(match.ModelId!, new KnownAlias(name.Source, name.ExternalId) { Variant = match.Variant, Lab = name.Lab, DisplayName = name.DisplayName });
                continue;
            }

            var id = ProvisionalId(index, name.Source, normalized);
            index.Add(new KnownModel(id)
            {
                Lab = NameVocabulary.LabOf(name.Lab) ?? normalized.LabHint,
                PrimaryName = name.ExternalId,
                DisplayName = name.DisplayName,
                Aliases = [new KnownAlias(name.Source, name.ExternalId) { Lab = name.Lab, DisplayName = name.DisplayName }],
            });
        }

        return index;
    }

    private static string ProvisionalId(ModelIdentityIndex index, string source, NormalizedName name)
    {
        var slash = source.IndexOf('/', StringComparison.Ordinal);
        var root = slash > 0 ? source[..slash] : source;
        var stem = $"{ProvisionalPrefix}{root}/{name.Name}{(name.Variant is null ? "" : "-" + name.Variant.Replace('+', '-'))}";
        var id = stem;
        for (var n = 2; index.Contains(id); n++)
        {
            id = $"{stem}#{n}";
        }

        return id;
    }
}
