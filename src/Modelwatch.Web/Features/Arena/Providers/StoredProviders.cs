using Microsoft.EntityFrameworkCore;
using Modelwatch.Data;
using Modelwatch.Data.Arena;
using Modelwatch.Providers;

namespace Modelwatch.Web.Features.Arena.Providers;

/// <summary>Why a write to the stored providers was refused: field → problems, and the status to answer with.</summary>
public sealed record ProviderWriteError(int Status, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ProviderWriteError Field(string field, string problem) =>
        new(StatusCodes.Status400BadRequest, new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [problem] });
}

/// <summary>
/// Providers stored in the app (table <c>ArenaProviders</c>): reads them into the <see cref="ProviderRegistry"/> and
/// writes them for administrators. Several instances share the table, so each instance checks at most every
/// <see cref="CheckInterval"/> whether it changed (row count and newest <c>UpdatedAt</c>, one small query) and
/// reloads the registry when it did; writes made here reload at once.
/// </summary>
public sealed class StoredProviders(
    IDbContextFactory<ModelwatchDbContext> contexts, ProviderRegistry registry, ProviderKeys keys, TimeProvider time) : IDisposable
{
    /// <summary>How often another instance's change is looked for.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(3);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private long _checkedAt;
    private string? _stamp;
    private long _version;

    /// <summary>Raised by every reload that changed something (discovery and slots start over for the providers).</summary>
    public long Version => Interlocked.Read(ref _version);

    public void Dispose() => _reload.Dispose();

    /// <summary>Reloads when another instance (or this one) changed the table since the last look.</summary>
    public async Task EnsureFreshAsync(CancellationToken ct)
    {
        if (_stamp is not null && time.GetElapsedTime(Interlocked.Read(ref _checkedAt)) < CheckInterval)
        {
            return;
        }

        await _reload.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_stamp is not null && time.GetElapsedTime(Interlocked.Read(ref _checkedAt)) < CheckInterval)
            {
                return;
            }

            var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                // Client-side max: the table is small, and SQLite cannot aggregate DateTimeOffset.
                var stamps = await db.ArenaProviders.AsNoTracking().Select(p => p.UpdatedAt).ToListAsync(ct).ConfigureAwait(false);
                var stamp = $"{stamps.Count}:{(stamps.Count == 0 ? 0 : stamps.Max().UtcTicks)}";
                if (stamp != _stamp)
                {
                    var rows = await db.ArenaProviders.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
                    registry.SetStored([.. rows.Where(r => r.Enabled).Select(ToOptions)]);
                    _stamp = stamp;
                    Interlocked.Increment(ref _version);
                }

                Interlocked.Exchange(ref _checkedAt, time.GetTimestamp());
            }
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>Every stored provider, disabled ones included.</summary>
    public async Task<IReadOnlyList<ArenaProviderRow>> ListAsync(CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.ArenaProviders.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct).ConfigureAwait(false);
        }
    }

    public async Task<ArenaProviderRow?> FindAsync(string name, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.ArenaProviders.AsNoTracking().FirstOrDefaultAsync(p => p.Name == name, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Adds (<paramref name="existingName"/> null) or changes a stored provider; the error when refused.</summary>
    public async Task<(ArenaProviderRow? Row, ProviderWriteError? Error)> SaveAsync(string? existingName, ProviderInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return (null, new ProviderWriteError(StatusCodes.Status400BadRequest, errors));
        }

        var name = input.Name!.Trim();
        if (registry.IsConfiguredName(name))
        {
            return (null, ProviderWriteError.Field("name", $"'{name}' is a provider from configuration; choose another name."));
        }

        ArenaProviderRow? row = null;
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            if (existingName is not null)
            {
                row = await db.ArenaProviders.FirstOrDefaultAsync(p => p.Name == existingName, ct).ConfigureAwait(false);
                if (row is null)
                {
                    return (null, new ProviderWriteError(StatusCodes.Status404NotFound,
                        new Dictionary<string, string[]>(StringComparer.Ordinal) { ["name"] = [$"No stored provider '{existingName}'."] }));
                }
            }

            if ((row is null || row.Name != name) && await db.ArenaProviders.AnyAsync(p => p.Name == name, ct).ConfigureAwait(false))
            {
                return (null, ProviderWriteError.Field("name", $"A provider named '{name}' exists already; names must be unique."));
            }

            if (row is null)
            {
                row = new ArenaProviderRow { Name = name, BaseUrl = "" };
                db.ArenaProviders.Add(row);
            }

            input.ApplyTo(row);
            if (!string.IsNullOrEmpty(input.ApiKey))
            {
                row.ProtectedApiKey = keys.Protect(input.ApiKey.Trim());
            }
            else if (input.ClearKey)
            {
                row.ProtectedApiKey = null;
            }

            row.UpdatedAt = Later(time.GetUtcNow(), await NewestAsync(db, ct).ConfigureAwait(false));
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                return (null, ProviderWriteError.Field("name", $"A provider named '{name}' exists already; names must be unique."));
            }
        }

        await ReloadAsync(ct).ConfigureAwait(false);
        return (row, null);
    }

    /// <summary>Turns a stored provider on or off; false when there is none of that name.</summary>
    public async Task<bool> SetEnabledAsync(string name, bool enabled, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.ArenaProviders.FirstOrDefaultAsync(p => p.Name == name, ct).ConfigureAwait(false);
            if (row is null)
            {
                return false;
            }

            row.Enabled = enabled;
            row.UpdatedAt = Later(time.GetUtcNow(), await NewestAsync(db, ct).ConfigureAwait(false));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        await ReloadAsync(ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Deletes a stored provider (its contestants stay: old battles name them); false when there is none.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.ArenaProviders.FirstOrDefaultAsync(p => p.Name == name, ct).ConfigureAwait(false);
            if (row is null)
            {
                return false;
            }

            db.ArenaProviders.Remove(row);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        await ReloadAsync(ct).ConfigureAwait(false);
        return true;
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        _stamp = null;
        await EnsureFreshAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The newest stamp must move forward even when clocks of instances disagree, or others miss the change.</summary>
    private static DateTimeOffset Later(DateTimeOffset now, DateTimeOffset? newest) =>
        newest is { } n && n >= now ? n.AddTicks(TimeSpan.TicksPerMillisecond) : now;

    private static async Task<DateTimeOffset?> NewestAsync(ModelwatchDbContext db, CancellationToken ct)
    {
        var stamps = await db.ArenaProviders.AsNoTracking().Select(p => p.UpdatedAt).ToListAsync(ct).ConfigureAwait(false);
        return stamps.Count == 0 ? null : stamps.Max();
    }

    private ProviderOptions ToOptions(ArenaProviderRow row) => new()
    {
        Name = row.Name,
        Kind = row.Kind,
        BaseUrl = Uri.TryCreate(row.BaseUrl, UriKind.Absolute, out var url) ? url : null,
        ApiKey = keys.Unprotect(row.ProtectedApiKey, row.Name),
        ApiKeyVariable = row.ApiKeyVariable,
        Models = [.. row.Models],
        MaxConcurrency = row.MaxConcurrency,
        FirstTokenTimeout = TimeSpan.FromSeconds(row.FirstTokenTimeoutSeconds),
        TotalTimeout = TimeSpan.FromSeconds(row.TotalTimeoutSeconds),
        MaxRetries = row.MaxRetries,
    };
}
