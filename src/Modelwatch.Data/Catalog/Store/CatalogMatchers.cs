using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>
/// Builds the matcher imports and name resolution use, from the stored catalog. One place, so the CLI and the web app
/// use the same one: today the <see cref="ExactIdMatcher"/>; the identity matcher replaces it here.
/// </summary>
public static class CatalogMatchers
{
    public static async Task<IModelMatcher> CreateAsync(ModelwatchDbContext db, CancellationToken ct = default)
    {
        var index = await CatalogIndexLoader.LoadAsync(db, ct).ConfigureAwait(false);
        return new ExactIdMatcher(index);
    }
}
