namespace Modelwatch.Data;

/// <summary>The databases Modelwatch runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file: the default, nothing to set up.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, when a connection string or URL is given.</summary>
    PostgreSql,
}
