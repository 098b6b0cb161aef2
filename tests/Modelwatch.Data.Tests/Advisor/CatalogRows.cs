using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Tests.Advisor;

/// <summary>
/// A model's catalog row and its open price periods, read straight from the tables — not through the advisor's
/// loader — so the constraint checks of these tests are independent of the code under test.
/// </summary>
internal sealed record CatalogRow(string Id, LicenceClass Licence, string? LicenceId, int? ContextWindow, string[] InputModalities, bool? ToolCalling, IReadOnlyList<OpenPrice> Prices)
{
    public static async Task<Dictionary<string, CatalogRow>> LoadAsync(ModelwatchDbContext db, IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        var models = await db.Models.AsNoTracking().Where(m => wanted.Contains(m.Id)).ToListAsync(ct);
        var prices = await (from p in db.Prices.AsNoTracking()
                            join o in db.Offerings.AsNoTracking() on p.OfferingId equals o.Id
                            where p.EffectiveTo == null && o.ModelId != null && wanted.Contains(o.ModelId)
                            select new { ModelId = o.ModelId!, o.Provider, o.Variant, p.InputPerMillion, p.OutputPerMillion }).ToListAsync(ct);
        return models.ToDictionary(
            m => m.Id,
            m => new CatalogRow(
                m.Id,
                m.Licence,
                m.LicenceId,
                m.ContextWindow,
                m.InputModalities?.Split(',', StringSplitOptions.TrimEntries) ?? [],
                m.ToolCalling,
                [.. prices.Where(p => p.ModelId == m.Id).Select(p => new OpenPrice(p.Provider, p.Variant, p.InputPerMillion, p.OutputPerMillion))]),
            StringComparer.Ordinal);
    }
}

/// <summary>A price in effect now at one provider.</summary>
internal sealed record OpenPrice(string Provider, string? Variant, decimal? Input, decimal? Output);
