using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>The model records of a batch: link each, upsert its facts, then recompute the touched models' columns.</summary>
internal static class ModelStep
{
    public static async Task<(KindCounts Models, KindCounts Facts)> RunAsync(ImportContext context, ModelLinker linker, IReadOnlyList<SourceModel> models, CancellationToken ct)
    {
        var facts = await FactWriter.LoadAsync(context, ct).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var linked = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < models.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var m = models[i];
            context.Report("models", i + 1, models.Count);
            if (!seen.Add(m.ExternalId))
            {
                context.Problems.Add(new RecordProblem($"models[{i}] {m.ExternalId}", "a second model with the same id; the first one was kept"));
                continue;
            }

            if (linker.Link(m.ExternalId, m.CanonicalId, m.Variant, ModelLinker.HintsFor(m), describesModel: true) is { } link)
            {
                facts.Write(m.ExternalId, link.ModelId, m.Facts());
                linked.Add(link.ModelId);
            }
        }

        await context.SaveAsync(ct).ConfigureAwait(false);
        var recompute = context.TouchedModels.Union(linker.Created, StringComparer.Ordinal).ToList();
        var changed = await ResolvedColumns.UpdateAsync(context.Db, recompute, context.Now, ct).ConfigureAwait(false);
        await context.SaveAsync(ct).ConfigureAwait(false);

        var added = linker.Created.Count;
        var changedExisting = changed.Count(id => !linker.Created.Contains(id));
        var unchanged = linked.Count(id => !linker.Created.Contains(id) && !changed.Contains(id));
        return (new KindCounts(added, changedExisting, unchanged), facts.Facts.ToCounts());
    }
}
