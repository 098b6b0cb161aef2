using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Modelwatch.Data.Votes;

/// <summary>Fills the values of one row, one per column in the order given to <see cref="BulkInserter.Insert{TEntity}"/>.</summary>
internal delegate void RowFiller(int row, Span<BulkValue> values);

/// <summary>
/// Inserts many rows into an entity's table inside the context's open transaction, by the fastest route each
/// database offers: on SQLite one prepared <c>INSERT</c> bound and stepped per row through the native API (the ADO.NET
/// layer costs more than SQLite itself at millions of rows), on PostgreSQL binary <c>COPY … FROM STDIN</c>. Change
/// tracking is bypassed. Table and column names come from the model (<see cref="StoreNames"/>).
/// </summary>
internal abstract class BulkInserter
{
    /// <summary>Rows between progress reports and cancellation checks.</summary>
    protected const int ReportEvery = 1 << 15;

    public static BulkInserter For(ModelwatchDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            return new SqliteBulkInserter();
        }

        if (db.Database.IsNpgsql())
        {
            return new PostgresBulkInserter();
        }

        throw new NotSupportedException($"Bulk inserts run on SQLite or PostgreSQL; this context uses {db.Database.ProviderName}.");
    }

    /// <summary>Inserts <paramref name="rows"/> rows; <paramref name="rowsWritten"/> hears the running total now and then and at the end.</summary>
    /// <exception cref="InvalidOperationException">No transaction is open on the context.</exception>
    public abstract void Insert<TEntity>(ModelwatchDbContext db, IReadOnlyList<string> properties, int rows, RowFiller fill, Action<long>? rowsWritten, CancellationToken ct);

    protected static IDbContextTransaction RequireTransaction(ModelwatchDbContext db) =>
        db.Database.CurrentTransaction ?? throw new InvalidOperationException("Bulk inserts run inside a transaction, so a failure leaves nothing behind; none is open.");
}

/// <summary>A column value for <see cref="BulkInserter"/>: null, a whole number (booleans as 0/1) or text.</summary>
internal readonly struct BulkValue
{
    private BulkValue(long number, string? text, bool isNull)
    {
        Number = number;
        Text = text;
        IsNull = isNull;
    }

    public static BulkValue Null => new(0, null, true);

    public long Number { get; }

    public string? Text { get; }

    public bool IsNull { get; }

    public bool IsText => Text is not null;

    public static BulkValue Of(long number) => new(number, null, false);

    public static BulkValue Of(long? number) => number is { } n ? new(n, null, false) : Null;

    public static BulkValue Of(string text) => new(0, text, false);
}
