using Microsoft.EntityFrameworkCore;

namespace Modelwatch.Data;

/// <summary>Makes contexts on an opened (migrated) database; from <see cref="ModelwatchDatabase.OpenAsync"/>.</summary>
public sealed class ModelwatchContextFactory : IDbContextFactory<ModelwatchDbContext>
{
    internal ModelwatchContextFactory(DatabaseOptions database, DbContextOptions<ModelwatchDbContext> options)
    {
        Database = database;
        Options = options;
    }

    /// <summary>The database this factory opens (show it with <see cref="DatabaseOptions.Describe"/>).</summary>
    public DatabaseOptions Database { get; }

    /// <summary>The options every context gets.</summary>
    public DbContextOptions<ModelwatchDbContext> Options { get; }

    /// <summary>A new context; the caller disposes it.</summary>
    public ModelwatchDbContext CreateDbContext() => new(Options);
}
