using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Modelwatch.Data;

/// <summary>
/// Which database to use and how to reach it. Built by <see cref="Parse"/> from what a person types (a setting, an
/// environment variable, a command-line option). The connection string may hold a password: show people
/// <see cref="Describe"/> (also <see cref="ToString"/>), which never does.
/// </summary>
public sealed record DatabaseOptions
{
    /// <summary>The SQLite file name used when no database is given.</summary>
    public const string DefaultFileName = "modelwatch.db";

    private const string Masked = "***";

    public DatabaseOptions(DatabaseProvider provider, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Provider = provider;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The provider's connection string, secrets included: never log or show it.</summary>
    public string ConnectionString { get; }

    /// <summary>The SQLite database file (full path), or null for PostgreSQL.</summary>
    public string? SqliteFile => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : null;

    /// <summary>An SQLite database in <paramref name="path"/> (made absolute against the current directory).</summary>
    public static DatabaseOptions Sqlite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new DatabaseOptions(
            DatabaseProvider.Sqlite,
            new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path) }.ConnectionString);
    }

    /// <summary>
    /// Reads a database setting. Null or blank: the SQLite file <c>modelwatch.db</c> in
    /// <paramref name="defaultDataDirectory"/> (created when the database is opened, not here).
    /// <c>Host=…</c> (a connection string with a <c>Host</c> or <c>Server</c> key), <c>postgres://…</c> or
    /// <c>postgresql://…</c>: PostgreSQL. <c>Data Source=…</c>: an SQLite connection string. Anything else: the path
    /// of an SQLite file.
    /// </summary>
    /// <param name="value">The setting as typed.</param>
    /// <param name="defaultDataDirectory">Where the SQLite file goes when <paramref name="value"/> is empty
    /// (usually <see cref="DataDirectory.Default"/>).</param>
    /// <exception cref="FormatException">The value is a URL or connection string that cannot be read; the message
    /// says why, without the password.</exception>
    public static DatabaseOptions Parse(string? value, string defaultDataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultDataDirectory);
        if (string.IsNullOrWhiteSpace(value))
        {
            return Sqlite(Path.Combine(defaultDataDirectory, DefaultFileName));
        }

        var text = value.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseOptions(DatabaseProvider.PostgreSql, PostgresUrl.ToConnectionString(text));
        }

        if (text.Contains('=', StringComparison.Ordinal) && TryReadKeys(text) is { } keys)
        {
            if (keys.ContainsKey("host") || keys.ContainsKey("server"))
            {
                return new DatabaseOptions(DatabaseProvider.PostgreSql, NormalisePostgres(text));
            }

            if (keys.ContainsKey("data source") || keys.ContainsKey("datasource") || keys.ContainsKey("filename"))
            {
                return new DatabaseOptions(DatabaseProvider.Sqlite, NormaliseSqlite(text));
            }
        }

        return Sqlite(text);
    }

    /// <summary>What to show a person: the provider and where the database is, with any password replaced by <c>***</c>.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new SqliteConnectionStringBuilder(ConnectionString);
            return string.IsNullOrEmpty(sqlite.Password)
                ? $"SQLite {sqlite.DataSource}"
                : $"SQLite {sqlite.DataSource} (password {Masked})";
        }

        var postgres = new NpgsqlConnectionStringBuilder(ConnectionString);
        var shown = new DbConnectionStringBuilder();
        foreach (string key in postgres.Keys)
        {
            if (!postgres.ShouldSerialize(key) || postgres[key] is not { } keyValue)
            {
                continue;
            }

            shown[key] = key.Contains("password", StringComparison.OrdinalIgnoreCase)
                ? Masked
                : Convert.ToString(keyValue, CultureInfo.InvariantCulture);
        }

        return $"PostgreSQL {shown.ConnectionString}";
    }

    /// <summary>Same as <see cref="Describe"/>: a record's generated text would print the password.</summary>
    public override string ToString() => Describe();

    private static Dictionary<string, string>? TryReadKeys(string text)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = text };
            var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string key in builder.Keys)
            {
                keys[key] = Convert.ToString(builder[key], CultureInfo.InvariantCulture) ?? "";
            }

            return keys;
        }
        catch (ArgumentException)
        {
            // Not a connection string (a path with '=' in it): treated as a path.
            return null;
        }
    }

    private static string NormalisePostgres(string text)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text).ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new FormatException($"The PostgreSQL connection string cannot be read: {e.Message}", e);
        }
    }

    private static string NormaliseSqlite(string text)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new FormatException($"The SQLite connection string cannot be read: {e.Message}", e);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource)
            || builder.Mode == SqliteOpenMode.Memory
            || builder.DataSource.Equals(":memory:", StringComparison.Ordinal))
        {
            throw new FormatException(
                "The SQLite connection string names no database file; an in-memory database would vanish between connections. Give a file path.");
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource);
        return builder.ConnectionString;
    }
}
