using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Modelwatch.Data;
using Modelwatch.Data.Arena;
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

/// <summary>What a battle needs to call one contestant: its provider's settings (timeouts) and a chat client.</summary>
public sealed record ContestantCall(ProviderOptions Options, IChatClient Client);

/// <summary>
/// Every contestant of every configured provider, with availability; the chat client for one; and per-provider
/// streaming slots so the arena never exceeds a provider's <see cref="ProviderOptions.MaxConcurrency"/>.
/// This first version knows configured providers and their configured models only.
/// </summary>
public sealed class ArenaContestants(ProviderRegistry registry, IDbContextFactory<ModelwatchDbContext> contexts, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _slots = new(StringComparer.Ordinal);

    /// <summary>Enabled contestants of enabled providers, each with <see cref="ContestantInfo.Available"/> as of now.</summary>
    public async Task<IReadOnlyList<ContestantInfo>> ListAsync(CancellationToken ct)
    {
        var rows = await SyncAsync(ct).ConfigureAwait(false);
        return [.. rows.Where(r => r.Enabled && registry.TryGetOptions(r.Provider, out _)).Select(Info)];
    }

    /// <summary>One contestant by id (also a disabled one: old battles show it), or null.</summary>
    public async Task<ContestantInfo?> FindAsync(int id, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.ArenaContestants.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct).ConfigureAwait(false);
            return row is null ? null : Info(row);
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

        var gate = _slots.GetOrAdd(provider, _ => new SemaphoreSlim(Math.Max(1, options.MaxConcurrency)));
        return gate.Wait(0) ? new Slot(gate) : null;
    }

    private ContestantInfo Info(ArenaContestant row)
    {
        string? why = null;
        if (!row.Enabled)
        {
            why = "disabled";
        }
        else if (!registry.TryGetOptions(row.Provider, out _))
        {
            why = "provider not configured";
        }
        else if (registry.Health(row.Provider).Circuit is CircuitState.Open or CircuitState.Isolated)
        {
            why = "provider failing (circuit open)";
        }

        return new ContestantInfo(row.Id, row.Provider, row.Model, row.BoardName, row.CatalogModelId, row.AcceptsImages,
            row.FirstSeen, why is null, why);
    }

    /// <summary>Adds a row for every configured model the table lacks; returns all rows.</summary>
    private async Task<List<ArenaContestant>> SyncAsync(CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.ArenaContestants.ToListAsync(ct).ConfigureAwait(false);
            var known = rows.Select(r => (r.Provider, r.Model)).ToHashSet();
            var added = false;
            foreach (var provider in registry.Providers)
            {
                foreach (var model in provider.Models.Where(m => !known.Contains((provider.Name, m))))
                {
                    var row = new ArenaContestant { Provider = provider.Name, Model = model, BoardName = $"{provider.Name}/{model}", FirstSeen = time.GetUtcNow() };
                    db.ArenaContestants.Add(row);
                    rows.Add(row);
                    known.Add((provider.Name, model));
                    added = true;
                }
            }

            if (added)
            {
                try
                {
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                }
                catch (DbUpdateException)
                {
                    // Another request (or instance) added the same models first: read what is there.
                    db.ChangeTracker.Clear();
                    return await db.ArenaContestants.ToListAsync(ct).ConfigureAwait(false);
                }
            }

            return rows;
        }
    }

    private sealed class Slot(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
