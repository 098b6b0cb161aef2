using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Modelwatch.Data.Votes;

/// <summary>
/// Writes a dataset's votes inside the context's open transaction, by the fastest route each database offers:
/// one prepared, parameterised <c>INSERT</c> reused for every row on SQLite, binary <c>COPY</c> on PostgreSQL.
/// Change tracking is bypassed: at millions of rows it would cost more than the database does.
/// </summary>
internal abstract class VoteBulkWriter
{
    /// <summary>Rows between progress reports and cancellation checks.</summary>
    protected const int ReportEvery = 1 << 15;

    public static VoteBulkWriter For(ModelwatchDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            return new SqliteVoteWriter();
        }

        if (db.Database.IsNpgsql())
        {
            return new PostgresVoteWriter();
        }

        throw new NotSupportedException($"Votes are stored on SQLite or PostgreSQL; this context uses {db.Database.ProviderName}.");
    }

    /// <summary>Writes every vote; <paramref name="rowsWritten"/> hears the running total now and then and at the end.</summary>
    /// <exception cref="InvalidOperationException">No transaction is open on the context.</exception>
    public abstract void Write(ModelwatchDbContext db, VoteColumns columns, Action<long> rowsWritten, CancellationToken ct);

    protected static IDbContextTransaction RequireTransaction(ModelwatchDbContext db) =>
        db.Database.CurrentTransaction ?? throw new InvalidOperationException("Votes are written inside a transaction, so a failure leaves nothing behind; none is open.");
}
