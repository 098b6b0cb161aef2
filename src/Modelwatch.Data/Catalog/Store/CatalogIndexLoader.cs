using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>Reads the <see cref="CatalogIndex"/> a matcher is built from: two queries, no tracking.</summary>
public static class CatalogIndexLoader
{
    public static async Task<CatalogIndex> LoadAsync(ModelwatchDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var models = await db.Models.AsNoTracking()
            .OrderBy(m => m.Id)
            .Select(m => new IndexedModel(m.Id, m.Lab, m.DisplayName, m.Organisation, m.WeightsUrl))
            .ToListAsync(ct).ConfigureAwait(false);
        var aliases = await db.Aliases.AsNoTracking()
            .OrderBy(a => a.Id)
            .Select(a => new IndexedAlias(a.Source, a.ExternalId, a.ModelId, a.Variant, a.Kind, a.Review, a.CandidateModelId))
            .ToListAsync(ct).ConfigureAwait(false);
        return new CatalogIndex(models, aliases);
    }
}
