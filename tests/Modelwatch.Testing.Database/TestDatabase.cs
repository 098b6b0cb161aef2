using Microsoft.Data.Sqlite;
using Npgsql;

namespace Modelwatch.Testing.Database;

/// <summary>
/// A fresh, migrated database for one test, deleted on dispose: an SQLite file in a temp folder, or a randomly named
/// database on the PostgreSQL server that <c>MODELWATCH_TEST_POSTGRES</c> names (<c>scripts/test.sh</c> starts one
/// and sets it). Migrations are applied by <see cref="ModelwatchDatabase.OpenAsync"/>, the same code the apps run.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The variable holding the PostgreSQL server's admin connection string.</summary>
    public const string PostgresVariable = "MODELWATCH_TEST_POSTGRES";

    private readonly TempDirectory? _folder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseOptions options, TempDirectory? folder, string? postgresAdmin, string? postgresName)
    {
        Options = options;
        _folder = folder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider => Options.Provider;

    /// <summary>How to reach the database (to open it again, as an app would).</summary>
    public DatabaseOptions Options { get; }

    /// <summary>Makes contexts on the migrated database.</summary>
    public ModelwatchContextFactory Contexts { get; private set; } = null!;

    /// <summary>
    /// Makes and migrates a fresh database. Skips the calling test, saying why, when <paramref name="provider"/> is
    /// PostgreSQL and <c>MODELWATCH_TEST_POSTGRES</c> is not set.
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, CancellationToken cancellationToken = default)
    {
        var database = await CreateEmptyAsync(provider, fromTemplate: true, cancellationToken);
        try
        {
            database.Contexts = await ModelwatchDatabase.OpenAsync(database.Options, cancellationToken);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>As <see cref="CreateAsync"/>, holding the 140k votes and the catalog fixtures (<see cref="SeededData"/>).</summary>
    public static async Task<TestDatabase> CreateSeededAsync(DatabaseProvider provider, CancellationToken cancellationToken = default)
    {
        var database = await CreateEmptyAsync(provider, fromTemplate: true, cancellationToken, seeded: true);
        try
        {
            database.Contexts = await ModelwatchDatabase.OpenAsync(database.Options, cancellationToken);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>An empty database (no tables yet), for tests of opening and migrating.</summary>
    public static Task<TestDatabase> CreateUnmigratedAsync(DatabaseProvider provider, CancellationToken cancellationToken = default) =>
        CreateEmptyAsync(provider, fromTemplate: false, cancellationToken);

    /// <summary>The server's admin connection string, or a skip of the calling test when there is none.</summary>
    public static string PostgresAdminConnectionString()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.Skip($"{PostgresVariable} is not set; run scripts/test.sh, which starts a throwaway PostgreSQL.");
        }

        return admin;
    }

    /// <summary>A new database: a copy of the migrated template, or truly empty.</summary>
    private static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider, bool fromTemplate, CancellationToken cancellationToken, bool seeded = false)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = new TempDirectory();
            var file = folder.File("test.db");
            if (fromTemplate)
            {
                File.Copy(await (seeded ? DatabaseTemplates.SeededSqliteAsync(cancellationToken) : DatabaseTemplates.SqliteAsync(cancellationToken)), file);
            }

            return new TestDatabase(DatabaseOptions.Sqlite(file), folder, null, null);
        }

        var admin = PostgresAdminConnectionString();
        var name = "modelwatch_test_" + Guid.NewGuid().ToString("N");
        var template = fromTemplate ? $" TEMPLATE \"{await (seeded ? DatabaseTemplates.SeededPostgresAsync(admin, cancellationToken) : DatabaseTemplates.PostgresAsync(admin, cancellationToken))}\"" : "";
        await PostgresAdmin.ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"{template}", cancellationToken);
        var options = new DatabaseOptions(
            DatabaseProvider.PostgreSql,
            new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
        return new TestDatabase(options, null, admin, name);
    }

    /// <summary>A new context; the caller disposes it.</summary>
    public ModelwatchDbContext CreateContext() => Contexts.CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            // Pooled connections keep the file (and its -wal, -shm) open.
            using (var pooled = new SqliteConnection(ModelwatchDatabase.SqliteConnectionString(Options)))
            {
                SqliteConnection.ClearPool(pooled);
            }

            _folder.Dispose();
        }

        if (_postgresAdmin is not null && _postgresName is not null)
        {
            using (var pooled = new NpgsqlConnection(Options.ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await PostgresAdmin.DropAsync(_postgresAdmin, _postgresName);
        }
    }
}
