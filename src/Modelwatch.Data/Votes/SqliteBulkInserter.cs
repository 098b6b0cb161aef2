using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Modelwatch.Data.Votes;

/// <summary>
/// SQLite: a multi-row <c>INSERT … VALUES (…), (…), …</c> prepared once on the connection's native handle, then bound
/// by index, stepped and reset for every batch of rows (a one-row statement for the tail). It runs inside the
/// transaction the context holds (same connection), so a rollback takes it back.
/// </summary>
internal sealed class SqliteBulkInserter : BulkInserter
{
    /// <summary>Rows per statement: fewer statement executions, far below SQLite's 32,766 parameters.</summary>
    private const int RowsPerStatement = 64;

    public override void Insert<TEntity>(ModelwatchDbContext db, IReadOnlyList<string> properties, int rows, RowFiller fill, Action<long>? rowsWritten, CancellationToken ct)
    {
        RequireTransaction(db);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var names = StoreNames.For<TEntity>(db);
        const int batch = RowsPerStatement;
        var columns = properties.Count;
        Check(handle, raw.sqlite3_prepare_v2(handle, Sql(names, properties, batch), out var many));
        Check(handle, raw.sqlite3_prepare_v2(handle, Sql(names, properties, 1), out var one));
        using (many)
        using (one)
        {
            var values = new BulkValue[columns];
            var row = 0;
            var nextReport = ReportEvery;
            while (row < rows)
            {
                var statement = rows - row >= batch ? many : one;
                var count = statement == many ? batch : 1;
                for (var r = 0; r < count; r++, row++)
                {
                    fill(row, values);
                    for (var k = 0; k < columns; k++)
                    {
                        Bind(handle, statement, (r * columns) + k + 1, values[k]);
                    }
                }

                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE)
                {
                    Check(handle, step);
                }

                Check(handle, raw.sqlite3_reset(statement));
                if (row >= nextReport)
                {
                    ct.ThrowIfCancellationRequested();
                    rowsWritten?.Invoke(row);
                    nextReport += ReportEvery;
                }
            }
        }

        rowsWritten?.Invoke(rows);
    }

    private static string Sql(StoreNames names, IReadOnlyList<string> properties, int rows)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(names.Table).Append(" (")
            .AppendJoin(", ", properties.Select(names.Column)).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var k = 0; k < properties.Count; k++)
            {
                sql.Append(k == 0 ? "?" : ", ?");
            }

            sql.Append(')');
        }

        return sql.ToString();
    }

    private static void Bind(sqlite3 handle, sqlite3_stmt statement, int index, BulkValue value)
    {
        var rc = value.IsNull ? raw.sqlite3_bind_null(statement, index)
            : value.Text is { } text ? raw.sqlite3_bind_text(statement, index, text)
            : raw.sqlite3_bind_int64(statement, index, value.Number);
        Check(handle, rc);
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc is not raw.SQLITE_OK and not raw.SQLITE_DONE and not raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }
}
