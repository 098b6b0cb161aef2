using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News.Processing;

namespace Modelwatch.Data.News.Store;

/// <summary>The names an item may call a catalog model or lab by: display names, canonical ids and every linked source id.</summary>
public static class NewsEntityAliases
{
    /// <summary>Reads the catalog's names as linker aliases (models by canonical id, labs by the catalog's lab name).</summary>
    /// <param name="db">The context to read with.</param>
    /// <param name="ct">Cancels the read.</param>
    public static async Task<IReadOnlyList<EntityAlias>> LoadAsync(ModelwatchDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var models = await db.Models.AsNoTracking().Select(m => new { m.Id, m.Lab, m.DisplayName, m.Organisation }).ToListAsync(ct).ConfigureAwait(false);
        var linked = await db.Aliases.AsNoTracking().Where(a => a.ModelId != null).Select(a => new { a.ExternalId, ModelId = a.ModelId! }).ToListAsync(ct).ConfigureAwait(false);
        var aliases = new HashSet<EntityAlias>();
        foreach (var m in models)
        {
            Add(aliases, m.DisplayName, EntityKindCode.Model, m.Id);
            Add(aliases, LastSegment(m.Id), EntityKindCode.Model, m.Id);
            Add(aliases, m.Lab, EntityKindCode.Lab, m.Lab);
            Add(aliases, m.Organisation, EntityKindCode.Lab, m.Lab);
        }

        // Sources write "openai/gpt-4o" or "gpt-4o"; a title writes the model's own name, so the provider prefix goes.
        foreach (var a in linked)
        {
            Add(aliases, LastSegment(a.ExternalId), EntityKindCode.Model, a.ModelId);
        }

        return [.. aliases];
    }

    private static void Add(HashSet<EntityAlias> aliases, string? text, EntityKindCode kind, string id)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            aliases.Add(new EntityAlias(text.Trim(), kind, id));
        }
    }

    private static string LastSegment(string id) => id[(id.LastIndexOf('/') + 1)..];
}
