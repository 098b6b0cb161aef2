using Microsoft.EntityFrameworkCore.Design;

namespace Modelwatch.Data.Migrations.Sqlite;

/// <summary>
/// Lets <c>dotnet ef</c> build the context with the SQLite provider. Adding a migration only reads the model; the
/// file named here is touched only by <c>dotnet ef database update</c>.
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<ModelwatchDbContext>
{
    public ModelwatchDbContext CreateDbContext(string[] args) =>
        new(ModelwatchDatabase.BuildOptions(DatabaseOptions.Sqlite(Path.Combine(Path.GetTempPath(), "modelwatch-design.db"))));
}
