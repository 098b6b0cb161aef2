using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>
/// Model names as votes carry them (arena keys such as <c>gpt-4o-2024-05-13</c>) → catalog models, through the aliases
/// the identity matcher stored at import: the one rule the leaderboard's cards and the advisor's boards share.
/// </summary>
public static class VoteNameLinks
{
    /// <summary>
    /// The catalog model of each name that links to one: automatic or accepted aliases only (an unsure match links
    /// nothing), LMArena's own alias first, then any source's alias with that id (by source name, so the choice is stable).
    /// </summary>
    /// <param name="db">The context to read with.</param>
    /// <param name="names">Vote names.</param>
    /// <param name="ct">Cancels the query.</param>
    public static async Task<Dictionary<string, string>> ModelIdsAsync(ModelwatchDbContext db, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(names);
        var aliases = await db.Aliases.AsNoTracking()
            .Where(a => a.ModelId != null && (a.Review == ReviewState.Automatic || a.Review == ReviewState.Accepted))
            .Where(a => names.Contains(a.ExternalId))
            .Select(a => new { a.ExternalId, a.Source, ModelId = a.ModelId! })
            .ToListAsync(ct).ConfigureAwait(false);
        return aliases
            .GroupBy(a => a.ExternalId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(a => a.Source == CatalogSources.LmArena ? 0 : 1).ThenBy(a => a.Source, StringComparer.Ordinal).First().ModelId,
                StringComparer.Ordinal);
    }

    /// <summary>
    /// A token that changes whenever these links (or any catalog fact) may have changed: a new import run or a reviewed
    /// alias. Caches keyed by it are right until it moves.
    /// </summary>
    /// <param name="db">The context to read with.</param>
    /// <param name="ct">Cancels the queries.</param>
    public static async Task<string> CatalogVersionAsync(ModelwatchDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lastRun = await db.ImportRuns.MaxAsync(r => (long?)r.Id, ct).ConfigureAwait(false);
        var reviewed = await db.Aliases.CountAsync(a => a.ReviewedAt != null, ct).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"{lastRun}:{reviewed}");
    }
}
