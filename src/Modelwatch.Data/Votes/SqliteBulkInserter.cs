using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Modelwatch.Data.Votes;

/// <summary>
/// SQLite: one <c>INSERT</c> prepared once on the connection's native handle, then bound by index, stepped and reset
/// for every row. It runs inside the transaction the context holds (same connection), so a rollback takes it back.
/// </summary>
internal sealed class SqliteBulkInserter : BulkInserter
{
    public override void Insert<TEntity>(ModelwatchDbContext db, IReadOnlyList<string> properties, int rows, RowFiller fill, Action<long>? rowsWritten, CancellationToken ct)
    {
        RequireTransaction(db);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var names = StoreNames.For<TEntity>(db);
        var sql =
            $"INSERT INTO {names.Table} ({string.Join(", ", properties.Select(names.Column))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, k) => "?" + (k + 1).ToString(CultureInfo.InvariantCulture)))})";
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            var values = new BulkValue[properties.Count];
            for (var row = 0; row < rows; row++)
            {
                fill(row, values);
                for (var k = 0; k < values.Length; k++)
                {
                    var value = values[k];
                    var rc = value.IsNull ? raw.sqlite3_bind_null(statement, k + 1)
                        : value.Text is { } text ? raw.sqlite3_bind_text(statement, k + 1, text)
                        : raw.sqlite3_bind_int64(statement, k + 1, value.Number);
                    Check(handle, rc);
                }

                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE)
                {
                    Check(handle, step);
                }

                Check(handle, raw.sqlite3_reset(statement));
                if ((row + 1) % ReportEvery == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    rowsWritten?.Invoke(row + 1);
                }
            }
        }

        rowsWritten?.Invoke(rows);
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc is not raw.SQLITE_OK and not raw.SQLITE_DONE and not raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }
}
