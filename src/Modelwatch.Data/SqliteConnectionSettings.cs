using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Modelwatch.Data;

/// <summary>
/// Sets <c>PRAGMA synchronous=NORMAL</c> on every SQLite connection EF opens. With the write-ahead log this is SQLite's
/// recommended setting: a commit no longer waits for an fsync (the log is synced at checkpoints), the database cannot be
/// corrupted, and only the last commits before a power loss (not an app crash) can be lost. Under FULL every vote,
/// battle and import commit waited for the disk, and concurrent writers queued behind each other's fsyncs.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
