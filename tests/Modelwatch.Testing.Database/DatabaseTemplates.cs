using Microsoft.Data.Sqlite;
using Npgsql;

namespace Modelwatch.Testing.Database;

/// <summary>
/// One migrated database per provider and test run, copied for each test instead of migrating every time
/// (a copy takes milliseconds; migrating took 0.3 s on SQLite and 0.5–0.8 s on PostgreSQL per test). Made on first
/// use, deleted when the run ends (xunit assembly fixture). Each test still opens its copy through
/// <see cref="ModelwatchDatabase.OpenAsync"/>, which finds nothing left to apply.
/// </summary>
public sealed class DatabaseTemplates : IAsyncDisposable
{
    private static readonly Template Migrated = new(seeded: false);
    private static readonly Template Seeded = new(seeded: true);

    /// <summary>A migrated SQLite file to copy (checkpointed: everything is in the main file).</summary>
    public static Task<string> SqliteAsync(CancellationToken cancellationToken) => Migrated.SqliteAsync(cancellationToken);

    /// <summary>The name of a migrated PostgreSQL database to use as <c>CREATE DATABASE … TEMPLATE</c>.</summary>
    public static Task<string> PostgresAsync(string admin, CancellationToken cancellationToken) => Migrated.PostgresAsync(admin, cancellationToken);

    /// <summary>As <see cref="SqliteAsync"/>, holding <see cref="SeededData"/> (made once per run: about half a minute).</summary>
    public static Task<string> SeededSqliteAsync(CancellationToken cancellationToken) => Seeded.SqliteAsync(cancellationToken);

    /// <summary>As <see cref="PostgresAsync"/>, holding <see cref="SeededData"/>.</summary>
    public static Task<string> SeededPostgresAsync(string admin, CancellationToken cancellationToken) => Seeded.PostgresAsync(admin, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Migrated.DisposeAsync();
        await Seeded.DisposeAsync();
    }

    /// <summary>One template per provider, made on first use.</summary>
    private sealed class Template(bool seeded) : IAsyncDisposable
    {
        private readonly SemaphoreSlim _sqliteGate = new(1, 1);
        private readonly SemaphoreSlim _postgresGate = new(1, 1);
        private TempDirectory? _sqliteFolder;
        private string? _sqliteFile;
        private string? _postgresName;
        private string? _postgresAdmin;

        public async Task<string> SqliteAsync(CancellationToken cancellationToken)
        {
            await _sqliteGate.WaitAsync(cancellationToken);
            try
            {
                if (_sqliteFile is null)
                {
                    var folder = new TempDirectory();
                    var options = DatabaseOptions.Sqlite(folder.File("template.db"));
                    var contexts = await ModelwatchDatabase.OpenAsync(options, cancellationToken);
                    if (seeded)
                    {
                        await SeededData.ImportAllAsync(contexts, TimeProvider.System, cancellationToken);
                    }

                    await using (var connection = new SqliteConnection(ModelwatchDatabase.SqliteConnectionString(options)))
                    {
                        await connection.OpenAsync(cancellationToken);
                        await using var checkpoint = connection.CreateCommand();
                        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                        await checkpoint.ExecuteNonQueryAsync(cancellationToken);
                        SqliteConnection.ClearPool(connection);
                    }

                    _sqliteFolder = folder;
                    _sqliteFile = contexts.Database.SqliteFile!;
                }

                return _sqliteFile;
            }
            finally
            {
                _sqliteGate.Release();
            }
        }

        public async Task<string> PostgresAsync(string admin, CancellationToken cancellationToken)
        {
            await _postgresGate.WaitAsync(cancellationToken);
            try
            {
                if (_postgresName is null)
                {
                    var name = (seeded ? "modelwatch_seeded_" : "modelwatch_template_") + Guid.NewGuid().ToString("N");
                    await PostgresAdmin.ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"", cancellationToken);
                    _postgresAdmin = admin;
                    _postgresName = name;
                    var options = new DatabaseOptions(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
                    var contexts = await ModelwatchDatabase.OpenAsync(options, cancellationToken);
                    if (seeded)
                    {
                        await SeededData.ImportAllAsync(contexts, TimeProvider.System, cancellationToken);
                    }

                    // A template must have no open connections, pooled ones included.
                    using var pooled = new NpgsqlConnection(options.ConnectionString);
                    NpgsqlConnection.ClearPool(pooled);
                }

                return _postgresName;
            }
            finally
            {
                _postgresGate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_sqliteFolder is not null)
            {
                _sqliteFolder.Dispose();
                _sqliteFolder = null;
                _sqliteFile = null;
            }

            if (_postgresAdmin is not null && _postgresName is not null)
            {
                await PostgresAdmin.DropAsync(_postgresAdmin, _postgresName);
                _postgresName = null;
            }
        }
    }
}

/// <summary>Statements run on the PostgreSQL server's admin database.</summary>
public static class PostgresAdmin
{
    public static async Task ExecuteAsync(string admin, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static Task DropAsync(string admin, string name) =>
        ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
}
