using Modelwatch.Data;

namespace Modelwatch.Web.Hosting;

/// <summary>
/// The database the app uses: <c>Modelwatch:Database</c> in configuration (or the <c>MODELWATCH_DATABASE</c>
/// variable, as the CLI reads it), else the embedded SQLite file in the data directory. Migrated before the server
/// starts listening.
/// </summary>
public static class DatabaseSetup
{
    /// <summary>The configuration key naming the database.</summary>
    public const string ConfigurationKey = "Modelwatch:Database";

    /// <summary>Registers <see cref="DatabaseOptions"/>, a context factory (and scoped contexts) and the migrator.</summary>
    /// <param name="builder">The web application builder.</param>
    public static WebApplicationBuilder AddModelwatchDatabase(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = Environment.GetEnvironmentVariable("MODELWATCH_DATABASE");
        }

        var database = DatabaseOptions.Parse(configured, DataDirectory.Default());
        builder.Services.AddSingleton(database);
        builder.Services.AddDbContextFactory<ModelwatchDbContext>(o => ModelwatchDatabase.Configure(o, database));
        builder.Services.AddHostedService<DatabaseMigrator>();
        return builder;
    }
}

/// <summary>
/// Applies pending migrations (and creates the SQLite folder, turns on WAL) before any other hosted service or the
/// server starts, so the first request finds the schema in place.
/// </summary>
internal sealed partial class DatabaseMigrator(DatabaseOptions database, ILogger<DatabaseMigrator> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await ModelwatchDatabase.OpenAsync(database, cancellationToken).ConfigureAwait(false);
        LogOpened(logger, database.Describe());
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready: {Database}")]
    private static partial void LogOpened(ILogger logger, string database);
}
