using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Modelwatch.Data;
using Modelwatch.Data.Arena;
using Modelwatch.Data.Catalog.Store;
using Modelwatch.Providers;
using Polly.CircuitBreaker;

namespace Modelwatch.Web.Features.Arena.Providers;

/// <summary>A contestant as the draw and the battle see it, with whether it can be called right now and why not.</summary>
/// <param name="Id">The <c>ArenaContestant</c> row id (what battles and votes store).</param>
/// <param name="Provider">The provider's name.</param>
/// <param name="Model">The model id the provider is called with.</param>
/// <param name="BoardName">Its name on the arena board (<c>{provider}/{model}</c>).</param>
/// <param name="CatalogModelId">The linked catalog model, if any.</param>
/// <param name="AcceptsImages">Whether image prompts may be sent to it.</param>
/// <param name="FirstSeen">When the arena first saw it.</param>
/// <param name="Available">Provider configured and enabled, circuit not open, contestant enabled.</param>
/// <param name="Unavailable">Why not, for people (null when available).</param>
public sealed record ContestantInfo(
    int Id, string Provider, string Model, string BoardName, string? CatalogModelId, bool AcceptsImages,
    DateTimeOffset FirstSeen, bool Available, string? Unavailable);

/// <summary>A contestant with whether an administrator left it in the draw (the providers page and <c>?all=true</c>).</summary>
public sealed record ContestantEntry(ContestantInfo Contestant, bool Enabled);

/// <summary>What a battle needs to call one contestant: its provider's settings (timeouts) and a chat client.</summary>
public sealed record ContestantCall(ProviderOptions Options, IChatClient Client);

/// <summary>
/// CONTRACT (owned by the providers work): every contestant of every configured or stored provider, with availability;
/// the chat client for one; and per-provider streaming slots so the arena never exceeds a provider's
/// <see cref="ProviderOptions.MaxConcurrency"/>.
/// <para>
/// Contestants are the configured models plus the models each provider lists (<see cref="ModelDiscovery"/>, cached
/// for <see cref="DiscoveryInterval"/> and redone when the provider changes). New ones are stored in
/// <c>ArenaContestants</c> the first time they are seen, linked to a catalog model by name (canonical id or alias),
/// with <c>AcceptsImages</c> from the catalog's input modalities; an administrator may change both afterwards.
/// </para>
/// </summary>
public sealed class ArenaContestants(
    IDbContextFactory<ModelwatchDbContext> contexts, ProviderRegistry registry, StoredProviders stored,
    ProviderHealthTracker health, TimeProvider time, ILogger<ArenaContestants> log)
{
    /// <summary>How long a provider's model listing is trusted.</summary>
    public static readonly TimeSpan DiscoveryInterval = TimeSpan.FromMinutes(5);

    /// <summary>Longest wait for a listing; a provider that does not answer lists its configured models.</summary>
    public static readonly TimeSpan DiscoveryTimeout = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, Listing> _listings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SlotPool> _slots = new(StringComparer.Ordinal);

    /// <summary>Enabled contestants of enabled providers, each with <see cref="ContestantInfo.Available"/> as of now.</summary>
    public async Task<IReadOnlyList<ContestantInfo>> ListAsync(CancellationToken ct)
    {
        var lists = await ModelListsAsync(ct).ConfigureAwait(false);
        var wanted = lists.SelectMany(p => p.Value.Models.Select(m => (p.Key, m))).ToHashSet();
        var rows = await SyncAsync(wanted, ct).ConfigureAwait(false);
        return [.. rows.Where(r => r.Enabled && wanted.Contains((r.Provider, r.Model)))
            .OrderBy(r => r.BoardName, StringComparer.Ordinal)
            .Select(Info)];
    }

    /// <summary>Every stored contestant (disabled ones and those of removed providers too), for administrators.</summary>
    public async Task<IReadOnlyList<ContestantEntry>> ListAllAsync(CancellationToken ct)
    {
        var lists = await ModelListsAsync(ct).ConfigureAwait(false);
        var wanted = lists.SelectMany(p => p.Value.Models.Select(m => (p.Key, m))).ToHashSet();
        var rows = await SyncAsync(wanted, ct).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.BoardName, StringComparer.Ordinal).Select(r => new ContestantEntry(Info(r), r.Enabled))];
    }

    /// <summary>One contestant by id (also a disabled one: old battles show it), or null.</summary>
    public async Task<ContestantInfo?> FindAsync(int id, CancellationToken ct)
    {
        await stored.EnsureFreshAsync(ct).ConfigureAwait(false);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.ArenaContestants.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct).ConfigureAwait(false);
            return row is null ? null : Info(row);
        }
    }

    /// <summary>
    /// An administrator's change to a contestant: in or out of the draw, and the catalog model it is (empty unlinks;
    /// the link also decides <c>AcceptsImages</c>). Null when there is no such contestant; an error for an unknown model.
    /// </summary>
    public async Task<(ContestantInfo? Contestant, string? Error)> UpdateAsync(int id, bool? enabled, string? catalogModelId, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.ArenaContestants.FirstOrDefaultAsync(c => c.Id == id, ct).ConfigureAwait(false);
            if (row is null)
            {
                return (null, null);
            }

            if (catalogModelId is not null)
            {
                var linked = catalogModelId.Trim();
                if (linked.Length == 0)
                {
                    row.CatalogModelId = null;
                    row.AcceptsImages = false;
                }
                else
                {
                    var lower = linked.ToLowerInvariant();
                    if (!await db.Models.AnyAsync(m => m.Id == lower, ct).ConfigureAwait(false))
                    {
                        return (null, $"No catalog model '{linked}'; give a catalog id such as 'openai/gpt-4o' (see /models), or nothing to unlink.");
                    }

                    row.CatalogModelId = lower;
                    row.AcceptsImages = await AcceptsImagesAsync(db, lower, ct).ConfigureAwait(false);
                }
            }

            row.Enabled = enabled ?? row.Enabled;
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return (Info(row), null);
        }
    }

    /// <summary>The client for a contestant; null when its provider is gone or not configured.</summary>
    public ContestantCall? Call(ContestantInfo contestant)
    {
        ArgumentNullException.ThrowIfNull(contestant);
        return registry.TryGetOptions(contestant.Provider, out var options)
               && registry.GetChatClient(contestant.Provider, contestant.Model) is { } client
            ? new ContestantCall(options, client)
            : null;
    }

    /// <summary>One streaming slot of a provider, released on dispose; null when all its slots are taken.</summary>
    public IDisposable? TryAcquireSlot(string provider)
    {
        if (!registry.TryGetOptions(provider, out var options))
        {
            return null;
        }

        var max = Math.Max(1, options.MaxConcurrency);
        // A changed limit starts a new pool; slots held in the old one are released into it and then forgotten.
        var pool = _slots.AddOrUpdate(provider, _ => new SlotPool(max), (_, p) => p.Max == max ? p : new SlotPool(max));
        return pool.Semaphore.Wait(0) ? new Slot(pool) : null;
    }

    /// <summary>Slots of a provider in use now.</summary>
    public int SlotsInUse(string provider) => _slots.TryGetValue(provider, out var pool) ? pool.Max - pool.Semaphore.CurrentCount : 0;

    /// <summary>The model list of each provider that could be called or shown, discovery failures as their problem.</summary>
    public async Task<IReadOnlyDictionary<string, ModelList>> ModelListsAsync(CancellationToken ct)
    {
        await stored.EnsureFreshAsync(ct).ConfigureAwait(false);
        var callable = registry.Providers;
        var tasks = callable.ToDictionary(p => p.Name, p => ListingFor(p).Task, StringComparer.Ordinal);
        await Task.WhenAll(tasks.Values).WaitAsync(ct).ConfigureAwait(false);
        var lists = tasks.ToDictionary(t => t.Key, t => t.Value.Result, StringComparer.Ordinal);
        foreach (var options in registry.Configured.Where(o => !lists.ContainsKey(o.Name)))
        {
            lists[options.Name] = new ModelList([.. options.Models], ModelListSource.Configured, "not callable: base URL or key missing");
        }

        return lists;
    }

    /// <summary>Lists again at the next request (after an administrator changed a provider).</summary>
    public void Forget(string provider) => _listings.TryRemove(provider, out _);

    private Listing ListingFor(ProviderOptions options)
    {
        var now = time.GetTimestamp();
        return _listings.AddOrUpdate(
            options.Name,
            _ => new Listing(options, now, DiscoverAsync(options)),
            (_, old) => ReferenceEquals(old.Options, options) && time.GetElapsedTime(old.Started) < DiscoveryInterval
                ? old
                : new Listing(options, now, DiscoverAsync(options)));
    }

    private async Task<ModelList> DiscoverAsync(ProviderOptions options)
    {
        // Shared by every request waiting on it, so no request's cancellation may end it; the timeout bounds it.
        await Task.Yield();
        using var timeout = new CancellationTokenSource(DiscoveryTimeout, time);
        try
        {
            return await ModelDiscovery.ListAsync(registry, options.Name, Environment.GetEnvironmentVariable, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogInformation("Listing the models of provider {Provider} failed: {Error}", options.Name, e.GetType().Name);
            return new ModelList([.. options.Models], ModelListSource.Configured, e.GetType().Name);
        }
    }

    /// <summary>Stores contestants not seen before; returns every contestant row.</summary>
    private async Task<List<ArenaContestant>> SyncAsync(HashSet<(string Provider, string Model)> wanted, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.ArenaContestants.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
            var known = rows.Select(r => (r.Provider, r.Model)).ToHashSet();
            var missing = wanted.Where(w => !known.Contains(w)).ToList();
            if (missing.Count == 0)
            {
                return rows;
            }

            var catalog = new CatalogQueries(db);
            foreach (var (provider, model) in missing)
            {
                var (modelId, images) = await LinkAsync(db, catalog, model, ct).ConfigureAwait(false);
                db.ArenaContestants.Add(new ArenaContestant
                {
                    Provider = provider,
                    Model = model,
                    BoardName = $"{provider}/{model}",
                    CatalogModelId = modelId,
                    AcceptsImages = images,
                    FirstSeen = time.GetUtcNow(),
                });
            }

            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // Another instance stored some of them first; theirs stand.
                db.ChangeTracker.Clear();
            }

            return await db.ArenaContestants.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The catalog model a provider's model id names: the id itself, then its last path segment
    /// (<c>openai/gpt-4o</c> → <c>gpt-4o</c>), each as a canonical id or an alias some source uses.
    /// </summary>
    internal static async Task<(string? ModelId, bool AcceptsImages)> LinkAsync(ModelwatchDbContext db, CatalogQueries catalog, string model, CancellationToken ct)
    {
        var last = model.Split('/')[^1];
        foreach (var name in new[] { model, last }.Distinct(StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            if (await catalog.ResolveAsync(name, null, ct).ConfigureAwait(false) is { } resolved)
            {
                return (resolved.ModelId, await AcceptsImagesAsync(db, resolved.ModelId, ct).ConfigureAwait(false));
            }
        }

        return (null, false);
    }

    internal static async Task<bool> AcceptsImagesAsync(ModelwatchDbContext db, string modelId, CancellationToken ct)
    {
        var modalities = await db.Models.AsNoTracking().Where(m => m.Id == modelId).Select(m => m.InputModalities)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return modalities?.Split(',').Any(m => m.Trim().Equals("image", StringComparison.OrdinalIgnoreCase)) == true;
    }

    private ContestantInfo Info(ArenaContestant row)
    {
        string? why = null;
        if (!registry.TryGetOptions(row.Provider, out _))
        {
            why = "provider not configured, disabled or removed";
        }
        else if (health.Snapshot(row.Provider).Circuit is CircuitState.Open or CircuitState.Isolated)
        {
            why = "provider's circuit is open after repeated failures";
        }
        else if (!row.Enabled)
        {
            why = "disabled by an administrator";
        }

        return new ContestantInfo(row.Id, row.Provider, row.Model, row.BoardName, row.CatalogModelId, row.AcceptsImages,
            row.FirstSeen, why is null, why);
    }

    private sealed record Listing(ProviderOptions Options, long Started, Task<ModelList> Task);

    private sealed class SlotPool(int max)
    {
        public int Max { get; } = max;
        public SemaphoreSlim Semaphore { get; } = new(max, max);
    }

    private sealed class Slot(SlotPool pool) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                pool.Semaphore.Release();
            }
        }
    }
}
