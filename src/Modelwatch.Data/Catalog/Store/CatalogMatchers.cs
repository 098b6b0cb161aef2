using Modelwatch.Core.Catalog;
using Modelwatch.Core.Catalog.Identity;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>
/// Builds the matcher imports and name resolution use, from the stored catalog: the identity matcher
/// (<see cref="LearningIdentityMatcher"/>) with the overrides file and any match rules. One place, so the CLI and the
/// web app use the same one.
/// </summary>
public static class CatalogMatchers
{
    /// <param name="db">The catalog to index.</param>
    /// <param name="overrides">The overrides file's entries (Import's <c>IdentityOverridesFile.LoadEmbedded()</c>).</param>
    /// <param name="rules">Match rules of the batch being imported (genai-prices), if any.</param>
    /// <param name="ct">Cancels the queries.</param>
    public static async Task<ILearningModelMatcher> CreateAsync(ModelwatchDbContext db, IEnumerable<IdentityOverride>? overrides = null, IEnumerable<SourceMatchRule>? rules = null, CancellationToken ct = default)
    {
        var index = await CatalogIndexLoader.LoadAsync(db, ct).ConfigureAwait(false);
        return new LearningIdentityMatcher(index, overrides, rules);
    }
}
