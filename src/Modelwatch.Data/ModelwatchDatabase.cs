using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Modelwatch.Data;

/// <summary>
/// Opens the Modelwatch database: options for the chosen provider, the SQLite file's folder, migrations applied.
/// </summary>
/// <remarks>
/// Migrations live in one project per provider (<see cref="SqliteMigrationsAssembly"/>,
/// <see cref="PostgreSqlMigrationsAssembly"/>) that reference this one, so this project names them instead of
/// referencing them (no cycle). Apps — CLI, web, tests — reference both migrations projects.
/// </remarks>
public static class ModelwatchDatabase
{
    /// <summary>The assembly holding the SQLite migrations.</summary>
    public const string SqliteMigrationsAssembly = "Modelwatch.Data.Migrations.Sqlite";

    /// <summary>The assembly holding the PostgreSQL migrations.</summary>
    public const string PostgreSqlMigrationsAssembly = "Modelwatch.Data.Migrations.PostgreSql";

    private static readonly ConcurrentDictionary<string, bool> LoadableAssemblies = new(StringComparer.Ordinal);

    /// <summary>The migrations assembly of <paramref name="provider"/>.</summary>
    public static string MigrationsAssemblyOf(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => SqliteMigrationsAssembly,
        DatabaseProvider.PostgreSql => PostgreSqlMigrationsAssembly,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    /// <summary>Context options for <paramref name="database"/>; checks its migrations assembly can be loaded.</summary>
    /// <param name="database">Provider and connection string.</param>
    /// <exception cref="InvalidOperationException">The app does not ship the provider's migrations project.</exception>
    public static DbContextOptions<ModelwatchDbContext> BuildOptions(DatabaseOptions database)
    {
        var builder = new DbContextOptionsBuilder<ModelwatchDbContext>();
        Configure(builder, database);
        return builder.Options;
    }

    /// <summary>
    /// Configures <paramref name="builder"/> for <paramref name="database"/> (for <c>AddDbContextFactory</c> in the web
    /// app). SQLite connections enforce foreign keys and commit without waiting for the disk
    /// (<see cref="SqliteConnectionSettings"/>).
    /// </summary>
    /// <param name="builder">The options builder to configure.</param>
    /// <param name="database">Provider and connection string.</param>
    /// <exception cref="InvalidOperationException">The app does not ship the provider's migrations project.</exception>
    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        var migrations = MigrationsAssemblyOf(database.Provider);
        RequireAssembly(migrations, database.Provider);
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(SqliteConnectionString(database), o => o.MigrationsAssembly(migrations))
                    .AddInterceptors(SqliteConnectionSettings.Instance, SqliteWriteGateInterceptor.Instance);
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly(migrations));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(database), database.Provider, "Unknown database provider.");
        }
    }

    /// <summary>
    /// Opens the database: creates the SQLite file's folder, applies pending migrations, turns on SQLite's
    /// write-ahead log (readers do not block the writer), and returns a factory for contexts.
    /// </summary>
    /// <param name="database">Provider and connection string.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <exception cref="InvalidOperationException">The app does not ship the provider's migrations project.</exception>
    public static async Task<ModelwatchContextFactory> OpenAsync(DatabaseOptions database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var options = BuildOptions(database);
        if (database.SqliteFile is { } file && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var context = new ModelwatchDbContext(options);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // Persistent in the file: set once, every later connection uses the write-ahead log.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return new ModelwatchContextFactory(database, options);
    }

    /// <summary>The connection string EF uses for an SQLite database: the given one with foreign keys enforced.</summary>
    internal static string SqliteConnectionString(DatabaseOptions database) =>
        new SqliteConnectionStringBuilder(database.ConnectionString) { ForeignKeys = true }.ConnectionString;

    /// <summary>Fails with a message naming the missing project instead of EF's bare "could not load assembly".</summary>
    internal static void RequireAssembly(string assemblyName, DatabaseProvider provider)
    {
        var loadable = LoadableAssemblies.GetOrAdd(assemblyName, static name =>
        {
            try
            {
                Assembly.Load(new AssemblyName(name));
                return true;
            }
            catch (FileNotFoundException)
            {
                return false;
            }
        });
        if (!loadable)
        {
            throw new InvalidOperationException(
                $"The {provider} migrations (assembly {assemblyName}) are not part of this app. An app that opens the Modelwatch database must reference src/{assemblyName}/{assemblyName}.csproj.");
        }
    }
}
