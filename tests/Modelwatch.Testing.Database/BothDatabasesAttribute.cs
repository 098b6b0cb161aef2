using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Modelwatch.Testing.Database;

/// <summary>
/// Runs a <c>[Theory]</c> once on SQLite and once on PostgreSQL: the test takes a <see cref="DatabaseProvider"/> and
/// opens it with <see cref="TestDatabase.CreateAsync"/>. The PostgreSQL case skips, saying why, when
/// <c>MODELWATCH_TEST_POSTGRES</c> is not set.
/// </summary>
/// <example><code>
/// [Theory, BothDatabases]
/// public async Task Something_works(DatabaseProvider provider)
/// {
///     await using var database = await TestDatabase.CreateAsync(provider);
///     await using var context = database.CreateContext();
///     …
/// }
/// </code></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new(Databases.Both.ToList());

    public override bool SupportsDiscoveryEnumeration() => true;
}

/// <summary>The providers as theory data, for <c>[MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]</c>.</summary>
public static class Databases
{
    public static TheoryData<DatabaseProvider> Both => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);
}
