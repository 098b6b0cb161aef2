using Microsoft.Data.Sqlite;
using Npgsql;

namespace Modelwatch.Data;

/// <summary>Recognises constraint violations the same way on SQLite and PostgreSQL (for upserts and clear messages).</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintForeignKey = 787;

    /// <summary>True when <paramref name="error"/> (or an inner exception) is a unique index or primary key violation.</summary>
    /// <param name="error">Usually a <c>DbUpdateException</c>.</param>
    public static bool IsUniqueViolation(Exception error) =>
        Find(error, static e => e switch
        {
            SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
            PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
            _ => false,
        });

    /// <summary>True when <paramref name="error"/> (or an inner exception) is a foreign key violation.</summary>
    /// <param name="error">Usually a <c>DbUpdateException</c>.</param>
    public static bool IsForeignKeyViolation(Exception error) =>
        Find(error, static e => e switch
        {
            // A violation found when a statement ends (a DELETE whose children remain) comes with the extended code of
            // a trigger constraint, not a foreign key one; its message is the same.
            SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintForeignKey
                || (sqlite.SqliteErrorCode == SqliteConstraint && sqlite.Message.Contains("FOREIGN KEY constraint failed", StringComparison.Ordinal)),
            PostgresException postgres => postgres.SqlState == PostgresErrorCodes.ForeignKeyViolation,
            _ => false,
        });

    /// <summary>
    /// True when PostgreSQL aborted the transaction to break a deadlock (or a serialization failure): the whole
    /// transaction may be run again. SQLite has one writer at a time and reports neither.
    /// </summary>
    /// <param name="error">Usually a <c>DbUpdateException</c> or a <c>PostgresException</c>.</param>
    public static bool IsRetryableConflict(Exception error) =>
        Find(error, static e => e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure });

    private static bool Find(Exception error, Func<Exception, bool> test)
    {
        ArgumentNullException.ThrowIfNull(error);
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (test(e))
            {
                return true;
            }
        }

        return false;
    }
}
