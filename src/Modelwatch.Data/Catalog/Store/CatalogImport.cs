using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>
/// Stores an importer's batch the one way every caller does (CLI, web app, tests): a matcher over the catalog as it
/// is, with the hand-kept identity overrides and the batch's own match rules, then <see cref="CatalogStore.ApplyAsync"/>
/// in one transaction.
/// </summary>
public static class CatalogImport
{
    /// <summary>Links and stores <paramref name="batch"/>.</summary>
    /// <param name="db">The context to store with.</param>
    /// <param name="time">The clock for import runs and price periods.</param>
    /// <param name="batch">What an importer read.</param>
    /// <param name="progress">Progress of the store's steps.</param>
    /// <param name="ct">Cancels the import; nothing is stored then.</param>
    public static async Task<ImportSummary> ApplyAsync(ModelwatchDbContext db, TimeProvider time, CatalogBatch batch, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(batch);
        var matcher = await CatalogMatchers.CreateAsync(db, IdentityOverridesFile.LoadEmbedded(), batch.MatchRules, ct).ConfigureAwait(false);
        return await new CatalogStore(db, time).ApplyAsync(batch, matcher, progress, ct).ConfigureAwait(false);
    }
}
