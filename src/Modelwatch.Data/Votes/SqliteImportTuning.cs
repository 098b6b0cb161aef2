using Microsoft.EntityFrameworkCore;

namespace Modelwatch.Data.Votes;

/// <summary>
/// For the length of a bulk import on SQLite in write-ahead-log mode: <c>synchronous=NORMAL</c> instead of the default
/// <c>FULL</c>, put back afterwards. In WAL mode NORMAL cannot corrupt the database (SQLite's documentation); a power
/// cut right after the commit can lose the import, which is then simply run again. It saves the WAL syncs that a
/// million-row transaction otherwise pays as its pages spill and are checkpointed (measured in BENCHMARKS.md).
/// Other journal modes and PostgreSQL are left as they are.
/// </summary>
internal sealed class SqliteImportTuning : IAsyncDisposable
{
    private const int Normal = 1;

    private readonly ModelwatchDbContext _db;
    private readonly long? _restore;

    private SqliteImportTuning(ModelwatchDbContext db, long? restore)
    {
        _db = db;
        _restore = restore;
    }

    /// <summary>Applies the tuning on the context's open connection (outside any transaction: SQLite ignores the change inside one).</summary>
    public static async Task<SqliteImportTuning> ApplyAsync(ModelwatchDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return new SqliteImportTuning(db, null);
        }

        var journal = await ScalarAsync(db, "PRAGMA journal_mode;", ct).ConfigureAwait(false);
        var synchronous = await ScalarAsync(db, "PRAGMA synchronous;", ct).ConfigureAwait(false);
        if (!string.Equals(journal?.ToString(), "wal", StringComparison.OrdinalIgnoreCase) || synchronous is not long level || level <= Normal)
        {
            return new SqliteImportTuning(db, null);
        }

        await ExecuteAsync(db, $"PRAGMA synchronous={Normal};", ct).ConfigureAwait(false);
        return new SqliteImportTuning(db, level);
    }

    public async ValueTask DisposeAsync()
    {
        if (_restore is { } level)
        {
            await ExecuteAsync(_db, $"PRAGMA synchronous={level};", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<object?> ScalarAsync(ModelwatchDbContext db, string sql, CancellationToken ct)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(ModelwatchDbContext db, string sql, CancellationToken ct)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
