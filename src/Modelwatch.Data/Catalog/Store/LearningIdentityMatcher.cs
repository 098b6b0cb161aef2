using Modelwatch.Core.Catalog;
using Modelwatch.Core.Catalog.Identity;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>
/// The identity matcher over an index built from the stored catalog, taught the models and aliases an import adds as
/// it goes (so a model one record created is found by the next record of the same batch).
/// </summary>
public sealed class LearningIdentityMatcher : ILearningModelMatcher
{
    private readonly ModelIdentityIndex _index;
    private readonly ModelIdentityMatcher _matcher;

    /// <param name="catalog">The stored models and aliases (rejected and unlinked aliases teach nothing).</param>
    /// <param name="overrides">The hand-kept overrides file's entries.</param>
    /// <param name="rules">Match rules a source publishes (genai-prices).</param>
    public LearningIdentityMatcher(CatalogIndex catalog, IEnumerable<IdentityOverride>? overrides = null, IEnumerable<SourceMatchRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _index = new ModelIdentityIndex();
        var aliases = catalog.Aliases
            .Where(a => a.ModelId is not null && a.Review is not ReviewState.Rejected)
            .ToLookup(a => a.ModelId!, StringComparer.Ordinal);
        foreach (var model in catalog.Models)
        {
            _index.Add(new KnownModel(model.Id)
            {
                DisplayName = model.DisplayName,
                Aliases = aliases[model.Id].Select(a => new KnownAlias(a.Source, a.ExternalId) { Variant = a.Variant }).ToList(),
            });
        }

        _matcher = new ModelIdentityMatcher(_index, overrides, rules);
    }

    public IdentityMatch Match(string source, string externalId, MatchHints hints) => _matcher.Match(source, externalId, hints);

    public void Learn(string modelId, string source, string externalId, string? variant, MatchHints hints)
    {
        ArgumentNullException.ThrowIfNull(hints);
        if (!_index.Contains(modelId))
        {
            _index.Add(new KnownModel(modelId) { DisplayName = hints.DisplayName, Lab = hints.Lab });
        }

        if (_index.ModelOf(source, externalId) is null)
        {
            _index.AddAlias(modelId, new KnownAlias(source, externalId) { Variant = variant, Lab = hints.Lab, DisplayName = hints.DisplayName });
        }
    }
}
