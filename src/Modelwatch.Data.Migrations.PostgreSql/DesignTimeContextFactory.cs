using Microsoft.EntityFrameworkCore.Design;

namespace Modelwatch.Data.Migrations.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef</c> build the context with the PostgreSQL provider. Adding a migration only reads the model and
/// connects to nothing; <c>MODELWATCH_DESIGN_POSTGRES</c> names a server for commands that do connect.
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<ModelwatchDbContext>
{
    public ModelwatchDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("MODELWATCH_DESIGN_POSTGRES");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = "Host=127.0.0.1;Port=5432;Username=postgres;Database=modelwatch_design";
        }

        return new(ModelwatchDatabase.BuildOptions(new DatabaseOptions(DatabaseProvider.PostgreSql, connectionString)));
    }
}
