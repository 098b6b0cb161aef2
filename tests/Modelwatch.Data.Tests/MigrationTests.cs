using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests;

public sealed class MigrationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Open_applies_every_migration_to_an_empty_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateUnmigratedAsync(provider, Cancel);

        var contexts = await ModelwatchDatabase.OpenAsync(database.Options, Cancel);

        await using var context = contexts.CreateDbContext();
        var known = context.Database.GetMigrations().ToList();
        var applied = (await context.Database.GetAppliedMigrationsAsync(Cancel)).ToList();
        Assert.NotEmpty(known);
        Assert.Equal(known, applied);
        Assert.Empty(await context.Database.GetPendingMigrationsAsync(Cancel));
        Assert.Equal(0, await context.Models.CountAsync(Cancel));
    }

    [Theory, BothDatabases]
    public async Task Opening_a_migrated_database_again_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);

        var again = await ModelwatchDatabase.OpenAsync(database.Options, Cancel);

        await using var context = again.CreateDbContext();
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync(Cancel));
    }

    /// <summary>
    /// Fails when the model has changes that no migration covers, for either provider: run
    /// <c>scripts/add-migration.sh NAME</c>. No server needed: the comparison is between the model and the snapshot.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void Every_model_change_is_covered_by_a_migration(DatabaseProvider provider)
    {
        var options = provider == DatabaseProvider.Sqlite
            ? DatabaseOptions.Sqlite(Path.Combine(Path.GetTempPath(), "never-opened.db"))
            : new DatabaseOptions(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Port=1;Database=never_opened");
        using var context = new ModelwatchDbContext(ModelwatchDatabase.BuildOptions(options));

        var migrationsAssembly = context.GetService<IMigrationsAssembly>();
        Assert.Equal(ModelwatchDatabase.MigrationsAssemblyOf(provider), migrationsAssembly.Assembly.GetName().Name);
        Assert.NotNull(migrationsAssembly.ModelSnapshot);
        Assert.False(
            context.Database.HasPendingModelChanges(),
            $"The model has changes no {provider} migration covers; run scripts/add-migration.sh NAME (adds it for both providers).");
    }

    [Fact]
    public void A_missing_migrations_assembly_is_named_in_the_error()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => ModelwatchDatabase.RequireAssembly("Modelwatch.Data.Migrations.Nowhere", DatabaseProvider.PostgreSql));

        Assert.Contains("Modelwatch.Data.Migrations.Nowhere", error.Message, StringComparison.Ordinal);
        Assert.Contains("must reference", error.Message, StringComparison.Ordinal);
    }
}
