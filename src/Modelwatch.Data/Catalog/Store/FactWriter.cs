using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>
/// Upserts one source's facts, keyed by (external id, field): an unchanged value leaves its row alone (so a re-import
/// writes nothing), a changed one takes the new value and this import as its provenance, a field the source no
/// longer states is removed. Models whose facts moved are noted for <see cref="ResolvedColumns"/>.
/// </summary>
internal sealed class FactWriter
{
    private readonly ImportContext _context;
    private readonly Dictionary<string, Dictionary<string, ModelFactRow>> _existing;

    private FactWriter(ImportContext context, Dictionary<string, Dictionary<string, ModelFactRow>> existing)
    {
        _context = context;
        _existing = existing;
    }

    public KindCounter Facts { get; } = new();

    public static async Task<FactWriter> LoadAsync(ImportContext context, CancellationToken ct)
    {
        var rows = await context.Db.Facts.AsNoTracking().Where(f => f.Source == context.Source).ToListAsync(ct).ConfigureAwait(false);
        var existing = rows
            .GroupBy(r => r.ExternalId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(r => r.Field, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.First(), StringComparer.Ordinal), StringComparer.Ordinal);
        return new FactWriter(context, existing);
    }

    public void Write(string externalId, string modelId, IEnumerable<ModelFact> facts)
    {
        var existing = _existing.GetValueOrDefault(externalId) ?? new Dictionary<string, ModelFactRow>(StringComparer.Ordinal);
        var stated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            if (!stated.Add(fact.Field))
            {
                continue;
            }

            if (!existing.TryGetValue(fact.Field, out var row))
            {
                _context.Db.Facts.Add(new ModelFactRow
                {
                    ModelId = modelId,
                    Field = fact.Field,
                    Value = fact.Value,
                    Source = _context.Source,
                    ExternalId = externalId,
                    ImportRunId = _context.Run.Id,
                    ObservedAt = _context.Now,
                });
                _context.TouchedModels.Add(modelId);
                Facts.Added++;
            }
            else if (row.Value == fact.Value && row.ModelId == modelId)
            {
                Facts.Unchanged++;
            }
            else
            {
                _context.Track(row);
                _context.TouchedModels.Add(row.ModelId);
                _context.TouchedModels.Add(modelId);
                row.ModelId = modelId;
                row.Value = fact.Value;
                row.ImportRunId = _context.Run.Id;
                row.ObservedAt = _context.Now;
                Facts.Changed++;
            }
        }

        foreach (var gone in existing.Values.Where(r => !stated.Contains(r.Field)))
        {
            _context.Track(gone);
            _context.Db.Facts.Remove(gone);
            _context.TouchedModels.Add(gone.ModelId);
            Facts.Removed++;
        }
    }
}
