using System.CommandLine;
using Modelwatch.Data;

namespace Modelwatch.Cli.Commands;

/// <summary>
/// The <c>--database</c> option shared by commands that use the database, and how its value is found: the option,
/// else <c>MODELWATCH_DATABASE</c>, else the SQLite file <c>modelwatch.db</c> in the data directory.
/// </summary>
internal static class DatabaseArgument
{
    /// <summary>The environment variable naming the database when <c>--database</c> is not given.</summary>
    public const string EnvironmentVariable = "MODELWATCH_DATABASE";

    public static Option<string?> CreateOption() => new("--database")
    {
        HelpName = "CONN",
        Description = "Database: an SQLite file path, a PostgreSQL connection string (Host=…;Database=…) or URL (postgres://…). " +
            $"Default: ${EnvironmentVariable}, else {DatabaseOptions.DefaultFileName} in the data directory (${DataDirectory.EnvironmentVariable}, else ~/.local/share/modelwatch).",
    };

    /// <summary>The database to open for an option value (null or blank: the environment, then the default).</summary>
    /// <exception cref="FormatException">The value cannot be read as a database (the message holds no password).</exception>
    public static DatabaseOptions Resolve(string? value)
    {
        var setting = string.IsNullOrWhiteSpace(value) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : value;
        return DatabaseOptions.Parse(setting, DataDirectory.Default());
    }

    /// <summary>"database (SQLite /path/modelwatch.db): why" for an error, never with a password.</summary>
    public static string DescribeError(DatabaseOptions? database, Exception error) =>
        $"database{(database is null ? string.Empty : $" ({database.Describe()})")}: {error.GetBaseException().Message}";
}
