using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>
/// The smallest honest matcher: links an id only when it equals, ignoring case, a canonical id, a canonical id's
/// model part (when exactly one lab has it), or another source's linked alias. Everything else is unmatched; it never
/// guesses, so it never proposes candidates. For tests and tools that want letter-for-letter links only; imports use
/// <see cref="CatalogMatchers"/>.
/// </summary>
public sealed class ExactIdMatcher : ILearningModelMatcher
{
    private readonly Dictionary<string, (string ModelId, string? Variant)?> _names = new(StringComparer.OrdinalIgnoreCase);

    public ExactIdMatcher(CatalogIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        foreach (var model in index.Models)
        {
            AddModel(model.Id);
        }

        foreach (var alias in index.Aliases.Where(a => a.ModelId is not null && a.Review is not ReviewState.Rejected))
        {
            Add(alias.ExternalId, alias.ModelId!, alias.Variant);
        }
    }

    public IdentityMatch Match(string source, string externalId, MatchHints hints)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        return _names.GetValueOrDefault(externalId) is { } hit
            ? new IdentityMatch(hit.ModelId, hit.Variant, MatchKind.Exact, 1, null, $"'{externalId}' is the id or an alias of {hit.ModelId}")
            : IdentityMatch.None($"no model or alias is named '{externalId}'");
    }

    public void Learn(string modelId, string source, string externalId, string? variant, MatchHints hints)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(externalId);
        AddModel(modelId);
        Add(externalId, modelId, variant);
    }

    private void AddModel(string modelId)
    {
        Add(modelId, modelId, null);
        Add(modelId[(modelId.IndexOf('/', StringComparison.Ordinal) + 1)..], modelId, null);
    }

    /// <summary>A name two models claim is ambiguous: it maps to nothing rather than to either.</summary>
    private void Add(string name, string modelId, string? variant)
    {
        if (!_names.TryGetValue(name, out var existing))
        {
            _names[name] = (modelId, variant);
        }
        else if (existing is { } e && (e.ModelId != modelId || e.Variant != variant))
        {
            _names[name] = null;
        }
    }
}
