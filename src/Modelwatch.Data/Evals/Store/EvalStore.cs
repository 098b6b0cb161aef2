using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Evals;

namespace Modelwatch.Data.Evals.Store;

/// <summary>
/// The user's own evaluations in the database: prompt sets, runs with their models, answers (one per model and
/// prompt: the unique index, not the caller, guarantees it), verdicts, the run lease, results and the drill-down.
/// Each call opens its own context, so the runner's concurrent answers can record at once. This part: prompt sets.
/// </summary>
/// <param name="contexts">Makes contexts on the opened database.</param>
/// <param name="time">Clock for creation, answer and verdict times.</param>
public sealed partial class EvalStore(IDbContextFactory<ModelwatchDbContext> contexts, TimeProvider time)
{
    /// <summary>Creates an empty set; an existing name is refused (field <c>name</c>).</summary>
    public async Task<EvalSetSummary> CreateSetAsync(string name, string? description, CancellationToken ct = default) =>
        await ImportSetAsync(name, description, [], ct).ConfigureAwait(false);

    /// <summary>
    /// Creates a set holding <paramref name="records"/> (file order), in one transaction: an existing set name, two
    /// prompts with one key, an empty text or an over-long key is refused naming it, and then nothing is written.
    /// </summary>
    public async Task<EvalSetSummary> ImportSetAsync(string name, string? description, IReadOnlyList<PromptRecord> records, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var trimmed = ValidName(name, EvalPromptSet.MaxNameLength);
        var prompts = ValidPrompts(records, existingKeys: []);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginWriteAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (await db.EvalPromptSets.AnyAsync(s => s.Name == trimmed, ct).ConfigureAwait(false))
                {
                    throw new EvalStoreException("name", $"A prompt set named \"{trimmed}\" exists already; choose another name.");
                }

                var set = new EvalPromptSet { Name = trimmed, Description = Blank(description), CreatedAt = time.GetUtcNow() };
                for (var i = 0; i < prompts.Count; i++)
                {
                    prompts[i].Position = i;
                    set.Prompts.Add(prompts[i]);
                }

                db.EvalPromptSets.Add(set);
                try
                {
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                }
                catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
                {
                    throw new EvalStoreException("name", $"A prompt set named \"{trimmed}\" exists already; choose another name.");
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return Summary(set.Id, set.Name, set.Description, set.CreatedAt, set.Prompts);
            }
        }
    }

    /// <summary>Adds prompts to an existing set (after its last one), in one transaction; keys already in the set are refused.</summary>
    public async Task<EvalSetSummary> AddPromptsAsync(int setId, IReadOnlyList<PromptRecord> records, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginWriteAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var set = await db.EvalPromptSets.Include(s => s.Prompts).SingleOrDefaultAsync(s => s.Id == setId, ct).ConfigureAwait(false)
                    ?? throw new EvalStoreException("set", $"There is no prompt set {setId}.");
                var prompts = ValidPrompts(records, set.Prompts.Select(p => p.Key));
                var next = set.Prompts.Count == 0 ? 0 : set.Prompts.Max(p => p.Position) + 1;
                foreach (var prompt in prompts)
                {
                    prompt.Position = next++;
                    set.Prompts.Add(prompt);
                }

                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return Summary(set.Id, set.Name, set.Description, set.CreatedAt, set.Prompts);
            }
        }
    }

    /// <summary>Adds one prompt written in the app; a blank key becomes the next free number.</summary>
    public async Task<EvalPromptView> AddPromptAsync(int setId, string? key, string text, string? reference, IReadOnlyList<string> tags, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginWriteAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (!await db.EvalPromptSets.AnyAsync(s => s.Id == setId, ct).ConfigureAwait(false))
                {
                    throw new EvalStoreException("set", $"There is no prompt set {setId}.");
                }

                var existing = await db.EvalPrompts.Where(p => p.SetId == setId).Select(p => new { p.Key, p.Position }).ToListAsync(ct).ConfigureAwait(false);
                var keys = existing.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
                var chosen = string.IsNullOrWhiteSpace(key) ? NextFreeKey(keys) : key.Trim();
                var prompt = ValidPrompts([new PromptRecord(chosen, text, reference, tags)], keys)[0];
                prompt.SetId = setId;
                prompt.Position = existing.Count == 0 ? 0 : existing.Max(p => p.Position) + 1;
                db.EvalPrompts.Add(prompt);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return View(prompt);
            }
        }
    }

    /// <summary>Changes a prompt's key, text, reference and tags (answers already given stay with it).</summary>
    public async Task<EvalPromptView> EditPromptAsync(long promptId, string key, string text, string? reference, IReadOnlyList<string> tags, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginWriteAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var prompt = await db.EvalPrompts.SingleOrDefaultAsync(p => p.Id == promptId, ct).ConfigureAwait(false)
                    ?? throw new EvalStoreException("prompt", $"There is no prompt {promptId}.");
                var others = await db.EvalPrompts.Where(p => p.SetId == prompt.SetId && p.Id != promptId).Select(p => p.Key).ToListAsync(ct).ConfigureAwait(false);
                var valid = ValidPrompts([new PromptRecord(key, text, reference, tags)], others)[0];
                prompt.Key = valid.Key;
                prompt.Text = valid.Text;
                prompt.Reference = valid.Reference;
                prompt.Tags = valid.Tags;
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return View(prompt);
            }
        }
    }

    /// <summary>Deletes a prompt; refused (field <c>prompt</c>) once a run has answered it, since its answers and verdicts would lose their prompt.</summary>
    public async Task<bool> DeletePromptAsync(long promptId, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            if (await db.EvalAnswers.AnyAsync(a => a.PromptId == promptId, ct).ConfigureAwait(false))
            {
                throw new EvalStoreException("prompt", $"Prompt {promptId} has answers in a run; it cannot be deleted (make a new set instead).");
            }

            return await db.EvalPrompts.Where(p => p.Id == promptId).ExecuteDeleteAsync(ct).ConfigureAwait(false) == 1;
        }
    }

    /// <summary>Every set, newest first, with prompt and tag counts.</summary>
    public async Task<IReadOnlyList<EvalSetSummary>> ListSetsAsync(CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var sets = await db.EvalPromptSets.AsNoTracking().Include(s => s.Prompts).ToListAsync(ct).ConfigureAwait(false);
            return [.. sets.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Select(s => Summary(s.Id, s.Name, s.Description, s.CreatedAt, s.Prompts))];
        }
    }

    /// <summary>A set with its prompts in order; null when there is none.</summary>
    public async Task<EvalSetDetail?> GetSetAsync(int setId, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var set = await db.EvalPromptSets.AsNoTracking().Include(s => s.Prompts).SingleOrDefaultAsync(s => s.Id == setId, ct).ConfigureAwait(false);
            return set is null ? null : new EvalSetDetail(
                Summary(set.Id, set.Name, set.Description, set.CreatedAt, set.Prompts),
                [.. set.Prompts.OrderBy(p => p.Position).ThenBy(p => p.Id).Select(View)]);
        }
    }

    internal static EvalPromptView View(EvalPrompt p) => new(p.Id, p.Key, p.Text, p.Reference, p.Tags, p.Position);

    internal static IReadOnlyList<EvalTagCount> TagCounts(IEnumerable<IReadOnlyList<string>> tagsPerPrompt) =>
        [.. tagsPerPrompt.SelectMany(t => t.Distinct(StringComparer.Ordinal)).GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => new EvalTagCount(g.Key, g.Count())).OrderBy(t => t.Tag, StringComparer.Ordinal)];

    private static EvalSetSummary Summary(int id, string name, string? description, DateTimeOffset created, IReadOnlyCollection<EvalPrompt> prompts) =>
        new(id, name, description, created, prompts.Count, TagCounts(prompts.Select(p => (IReadOnlyList<string>)p.Tags)));

    private static List<EvalPrompt> ValidPrompts(IReadOnlyList<PromptRecord> records, IEnumerable<string> existingKeys)
    {
        var keys = existingKeys.ToHashSet(StringComparer.Ordinal);
        var prompts = new List<EvalPrompt>(records.Count);
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record);
            var key = record.Key?.Trim() ?? "";
            if (key.Length == 0)
            {
                throw new EvalStoreException("key", $"Prompt {prompts.Count + 1} has no key; every prompt needs one (its id, or its line number).");
            }

            if (key.Length > EvalPrompt.MaxKeyLength)
            {
                throw new EvalStoreException("key", $"The key \"{key[..20]}…\" is {key.Length} characters long; at most {EvalPrompt.MaxKeyLength} are allowed.");
            }

            if (!keys.Add(key))
            {
                throw new EvalStoreException("key", $"The key \"{key}\" is used by two prompts of the set; keys must be unique.");
            }

            if (string.IsNullOrWhiteSpace(record.Text))
            {
                throw new EvalStoreException("text", $"The prompt \"{key}\" has no text.");
            }

            prompts.Add(new EvalPrompt { Key = key, Text = record.Text, Reference = Blank(record.Reference), Tags = [.. PromptRecord.NormaliseTags(record.Tags)] });
        }

        return prompts;
    }

    private static string NextFreeKey(HashSet<string> keys)
    {
        var n = keys.Count + 1;
        while (keys.Contains(n.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            n++;
        }

        return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string ValidName(string? name, int max)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new EvalStoreException("name", "A name is needed.");
        }

        return trimmed.Length > max
            ? throw new EvalStoreException("name", $"The name is {trimmed.Length} characters long; at most {max} are allowed.")
            : trimmed;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
