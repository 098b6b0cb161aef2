using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Modelwatch.Data;

/// <summary>
/// One writer at a time per SQLite file inside this process, waited for asynchronously. SQLite allows one writer;
/// Microsoft.Data.Sqlite waits for a busy database by putting the thread to sleep and trying again in steps of up to
/// 150 ms, so under many concurrent writes (200 arena voters) thread-pool threads slept in BEGIN and a vote took
/// seconds. Queued here instead, a write waits only for the writes ahead of it. Other processes writing the same
/// file still meet SQLite's own lock. PostgreSQL writes are not gated.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Begins a write transaction: on SQLite after this process's earlier writers finish.</summary>
    /// <param name="db">The context.</param>
    /// <param name="ct">Cancels the wait and the BEGIN.</param>
    public static async Task<WriteTransaction> BeginWriteAsync(this DatabaseFacade db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var gate = GateOf(db);
        if (gate is not null)
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
        }

        try
        {
            return new WriteTransaction(await db.BeginTransactionAsync(ct).ConfigureAwait(false), gate);
        }
        catch
        {
            gate?.Release();
            throw;
        }
    }

    internal static SemaphoreSlim? GateOf(DatabaseFacade db) =>
        db.IsSqlite() ? Gates.GetOrAdd(db.GetDbConnection().DataSource, static _ => new SemaphoreSlim(1, 1)) : null;
}

/// <summary>A transaction begun by <see cref="SqliteWriteGate.BeginWriteAsync"/>; disposing it releases the gate.</summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;
    private SemaphoreSlim? _gate;

    internal WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim? gate)
    {
        _transaction = transaction;
        _gate = gate;
    }

    public Task CommitAsync(CancellationToken ct) => _transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync().ConfigureAwait(false);
        Interlocked.Exchange(ref _gate, null)?.Release();
    }
}

/// <summary>
/// Gates <c>SaveChanges</c> calls that run outside an explicit transaction (EF begins one of its own for them); inside
/// a <see cref="WriteTransaction"/> the gate is already held.
/// </summary>
internal sealed class SqliteWriteGateInterceptor : SaveChangesInterceptor
{
    public static readonly SqliteWriteGateInterceptor Instance = new();

    private readonly ConditionalWeakTable<DbContext, SemaphoreSlim> _held = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Gate(eventData.Context) is { } gate)
        {
            gate.Wait();
            _held.AddOrUpdate(eventData.Context!, gate);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Gate(eventData.Context) is { } gate)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            _held.AddOrUpdate(eventData.Context!, gate);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData?.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData?.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData?.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData?.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData?.Context);
        return Task.CompletedTask;
    }

    private static SemaphoreSlim? Gate(DbContext? context) =>
        context is not null && context.Database.CurrentTransaction is null ? SqliteWriteGate.GateOf(context.Database) : null;

    private void Release(DbContext? context)
    {
        if (context is not null && _held.TryGetValue(context, out var gate) && _held.Remove(context))
        {
            gate.Release();
        }
    }
}
