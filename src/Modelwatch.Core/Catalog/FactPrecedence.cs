namespace Modelwatch.Core.Catalog;

/// <summary>
/// Which source wins when sources disagree about a field of a model: the one place the precedence is written down.
/// The hand-kept overrides always come first; then, per field, the source known to be best for it (LLMStats and
/// models.dev for licences and sizes, models.dev for limits and names, …); sources not listed for a field come last,
/// in <see cref="CatalogSources.All"/> order. Every claim is kept: <see cref="Resolve"/> returns the winner and the
/// claims that disagree with it, so <c>catalog show</c> can show both.
/// </summary>
public static class FactPrecedence
{
    private static readonly string[] LicenceAndSize = [CatalogSources.LlmStats, CatalogSources.ModelsDev, CatalogSources.OpenRouter, CatalogSources.LmArena];
    private static readonly string[] Limits = [CatalogSources.ModelsDev, CatalogSources.OpenRouter, CatalogSources.LiteLlm, CatalogSources.LlmStats];
    private static readonly string[] Names = [CatalogSources.ModelsDev, CatalogSources.OpenRouter, CatalogSources.LmArena, CatalogSources.LlmStats];
    private static readonly string[] Organisation = [CatalogSources.ModelsDev, CatalogSources.LmArena, CatalogSources.LlmStats, CatalogSources.OpenRouter];
    private static readonly string[] Dates = [CatalogSources.ModelsDev, CatalogSources.LlmStats, CatalogSources.OpenRouter];
    private static readonly string[] Capabilities = [CatalogSources.ModelsDev, CatalogSources.OpenRouter, CatalogSources.LiteLlm, CatalogSources.LlmStats];

    private static readonly Dictionary<string, string[]> ByField = new(StringComparer.Ordinal)
    {
        [ModelFields.DisplayName] = Names,
        [ModelFields.Family] = Names,
        [ModelFields.Organisation] = Organisation,
        [ModelFields.Licence] = LicenceAndSize,
        [ModelFields.LicenceId] = LicenceAndSize,
        [ModelFields.LicenceUrl] = LicenceAndSize,
        [ModelFields.WeightsUrl] = LicenceAndSize,
        [ModelFields.Architecture] = LicenceAndSize,
        [ModelFields.TotalParameters] = LicenceAndSize,
        [ModelFields.ActiveParameters] = LicenceAndSize,
        [ModelFields.ContextWindow] = Limits,
        [ModelFields.MaxInputTokens] = Limits,
        [ModelFields.MaxOutputTokens] = Limits,
        [ModelFields.ReleaseDate] = Dates,
        [ModelFields.KnowledgeCutoff] = Dates,
        [ModelFields.InputModalities] = Capabilities,
        [ModelFields.OutputModalities] = Capabilities,
        [ModelFields.Reasoning] = Capabilities,
        [ModelFields.ToolCalling] = Capabilities,
        [ModelFields.Status] = Capabilities,
        [ModelFields.DeprecatedOn] = Capabilities,
        [ModelFields.RetiredOn] = Capabilities,
    };

    /// <summary>The sources in the order they win for <paramref name="field"/>: overrides, the field's list, then the rest.</summary>
    public static IReadOnlyList<string> OrderFor(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var listed = ByField.GetValueOrDefault(field, []);
        return [CatalogSources.Overrides, .. listed, .. CatalogSources.All.Where(s => !listed.Contains(s, StringComparer.Ordinal))];
    }

    /// <summary>
    /// The winning claim for <paramref name="field"/> and the claims whose value differs from it. A source not known
    /// at all ranks after every known one. Of two claims of one source (two of its ids linked to the model), the one
    /// made under the canonical id itself (models.dev's lab record) beats a provider's listing, and one made about the
    /// model itself beats one made about a variant (a snapshot's or thinking mode's name is not the
    /// model's); then external ids in order, so the answer never depends on row order.
    /// </summary>
    /// <returns>Null when there are no claims.</returns>
    public static FactResolution? Resolve(string field, IEnumerable<FactClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var order = OrderFor(field);
        var ranked = claims
            .OrderBy(c => Rank(order, c.Source))
            .ThenBy(c => c.Source, StringComparer.Ordinal)
            .ThenBy(c => !c.AboutCanonicalRecord)
            .ThenBy(c => c.AboutVariant)
            .ThenBy(c => c.ExternalId, StringComparer.Ordinal)
            .ToList();
        if (ranked.Count == 0)
        {
            return null;
        }

        var winner = ranked[0];
        var conflicts = ranked.Skip(1).Where(c => !string.Equals(c.Value, winner.Value, StringComparison.Ordinal)).ToList();
        return new FactResolution(field, winner, conflicts);
    }

    private static int Rank(IReadOnlyList<string> order, string source)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], source, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return order.Count;
    }
}

/// <summary>One source's value for one field, under that source's id for the model.</summary>
public sealed record FactClaim(string Source, string ExternalId, string Value)
{
    /// <summary>True when the source's id names a variant of the model (a snapshot, a thinking mode), not the model itself.</summary>
    public bool AboutVariant { get; init; }

    /// <summary>True when the source's id is the canonical id itself (models.dev's lab record), not a provider's listing of it.</summary>
    public bool AboutCanonicalRecord { get; init; }
}

/// <summary>What <see cref="FactPrecedence.Resolve"/> chose for one field.</summary>
/// <param name="Field">A <see cref="ModelFields"/> name.</param>
/// <param name="Winner">The claim the model's resolved column shows.</param>
/// <param name="Conflicts">Claims of lower precedence whose value differs from the winner's; empty when all agree.</param>
public sealed record FactResolution(string Field, FactClaim Winner, IReadOnlyList<FactClaim> Conflicts);
