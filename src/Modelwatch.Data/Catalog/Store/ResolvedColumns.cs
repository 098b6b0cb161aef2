using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>
/// Fills a model's columns from its facts: per field the claim <see cref="FactPrecedence"/> picks. A field no source
/// states any more goes back to empty. Used after every import for the models whose facts moved.
/// </summary>
internal static class ResolvedColumns
{
    /// <summary>Every field's resolution for one model's facts; claims made under a variant's id rank after the model's own.</summary>
    /// <param name="facts">The model's fact rows, from every source.</param>
    /// <param name="variantIds">(source, external id) pairs whose alias names a variant of the model.</param>
    public static List<FactResolution> Resolve(IEnumerable<ModelFactRow> facts, IReadOnlySet<(string Source, string ExternalId)> variantIds) =>
        facts
            .GroupBy(f => f.Field, StringComparer.Ordinal)
            .Select(g => FactPrecedence.Resolve(g.Key, g.Select(f => new FactClaim(f.Source, f.ExternalId, f.Value)
            {
                AboutVariant = variantIds.Contains((f.Source, f.ExternalId)),
                AboutCanonicalRecord = string.Equals(f.ExternalId, f.ModelId, StringComparison.OrdinalIgnoreCase),
            }))!)
            .OrderBy(r => FieldOrder(r.Field))
            .ToList();

    /// <summary>Recomputes the columns of <paramref name="modelIds"/>; returns the ids of those that changed.</summary>
    public static async Task<HashSet<string>> UpdateAsync(ModelwatchDbContext db, IReadOnlyCollection<string> modelIds, DateTimeOffset now, CancellationToken ct)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        if (modelIds.Count == 0)
        {
            return changed;
        }

        var ids = modelIds.ToList();
        var facts = await db.Facts.AsNoTracking().Where(f => ids.Contains(f.ModelId)).ToListAsync(ct).ConfigureAwait(false);
        var variantIds = (await db.Aliases.AsNoTracking()
                .Where(a => a.ModelId != null && a.Variant != null && ids.Contains(a.ModelId))
                .Select(a => new { a.Source, a.ExternalId })
                .ToListAsync(ct).ConfigureAwait(false))
            .Select(a => (a.Source, a.ExternalId)).ToHashSet();
        var byModel = facts.ToLookup(f => f.ModelId, StringComparer.Ordinal);
        var models = await db.Models.Where(m => ids.Contains(m.Id)).ToListAsync(ct).ConfigureAwait(false);
        foreach (var model in models)
        {
            if (Apply(model, Resolve(byModel[model.Id], variantIds)))
            {
                model.UpdatedAt = now;
                changed.Add(model.Id);
            }
        }

        return changed;
    }

    /// <summary>Sets every resolved column of <paramref name="model"/>; true when any changed.</summary>
    public static bool Apply(CatalogModel model, IEnumerable<FactResolution> resolutions)
    {
        var v = resolutions.ToDictionary(r => r.Field, r => r.Winner.Value, StringComparer.Ordinal);
        var before = Snapshot(model);
        model.DisplayName = v.GetValueOrDefault(ModelFields.DisplayName);
        model.Organisation = v.GetValueOrDefault(ModelFields.Organisation);
        model.Family = v.GetValueOrDefault(ModelFields.Family);
        model.ReleaseDate = Date(v.GetValueOrDefault(ModelFields.ReleaseDate));
        model.KnowledgeCutoff = v.GetValueOrDefault(ModelFields.KnowledgeCutoff);
        model.Licence = Enum.TryParse<LicenceClass>(v.GetValueOrDefault(ModelFields.Licence), out var licence) ? licence : LicenceClass.Unknown;
        model.LicenceId = v.GetValueOrDefault(ModelFields.LicenceId);
        model.LicenceUrl = v.GetValueOrDefault(ModelFields.LicenceUrl);
        model.WeightsUrl = v.GetValueOrDefault(ModelFields.WeightsUrl);
        model.Architecture = Enum.TryParse<ModelArchitecture>(v.GetValueOrDefault(ModelFields.Architecture), out var architecture) ? architecture : ModelArchitecture.Unknown;
        model.TotalParameters = Long(v.GetValueOrDefault(ModelFields.TotalParameters));
        model.ActiveParameters = Long(v.GetValueOrDefault(ModelFields.ActiveParameters));
        model.ContextWindow = Int(v.GetValueOrDefault(ModelFields.ContextWindow));
        model.MaxInputTokens = Int(v.GetValueOrDefault(ModelFields.MaxInputTokens));
        model.MaxOutputTokens = Int(v.GetValueOrDefault(ModelFields.MaxOutputTokens));
        model.InputModalities = v.GetValueOrDefault(ModelFields.InputModalities);
        model.OutputModalities = v.GetValueOrDefault(ModelFields.OutputModalities);
        model.Reasoning = Bool(v.GetValueOrDefault(ModelFields.Reasoning));
        model.ToolCalling = Bool(v.GetValueOrDefault(ModelFields.ToolCalling));
        model.Status = Enum.TryParse<ModelStatus>(v.GetValueOrDefault(ModelFields.Status), out var status) ? status : ModelStatus.Active;
        model.DeprecatedOn = Date(v.GetValueOrDefault(ModelFields.DeprecatedOn));
        model.RetiredOn = Date(v.GetValueOrDefault(ModelFields.RetiredOn));
        return !before.SequenceEqual(Snapshot(model));
    }

    private static int FieldOrder(string field)
    {
        var i = ModelFields.All.ToList().IndexOf(field);
        return i < 0 ? int.MaxValue : i;
    }

    private static object?[] Snapshot(CatalogModel m) =>
    [
        m.DisplayName, m.Organisation, m.Family, m.ReleaseDate, m.KnowledgeCutoff, m.Licence, m.LicenceId, m.LicenceUrl, m.WeightsUrl,
        m.Architecture, m.TotalParameters, m.ActiveParameters, m.ContextWindow, m.MaxInputTokens, m.MaxOutputTokens,
        m.InputModalities, m.OutputModalities, m.Reasoning, m.ToolCalling, m.Status, m.DeprecatedOn, m.RetiredOn,
    ];

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static long? Long(string? text) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static bool? Bool(string? text) => text switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
