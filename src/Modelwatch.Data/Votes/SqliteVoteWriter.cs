using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Modelwatch.Data.Votes;

/// <summary>SQLite: one prepared <c>INSERT</c> with one parameter per column, re-bound and re-run for every vote.</summary>
internal sealed class SqliteVoteWriter : VoteBulkWriter
{
    public override void Write(ModelwatchDbContext db, VoteColumns columns, Action<long> rowsWritten, CancellationToken ct)
    {
        var transaction = (SqliteTransaction)RequireTransaction(db).GetDbTransaction();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var names = StoreNames.For<StoredVote>(db);
        var kinds = columns.Columns.ToArray();

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO {names.Table} ({string.Join(", ", kinds.Select(c => names.Column(c.ToString())))}) " +
            $"VALUES ({string.Join(", ", kinds.Select((_, k) => "$p" + k.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        var parameters = new SqliteParameter[kinds.Length];
        for (var k = 0; k < kinds.Length; k++)
        {
            parameters[k] = command.Parameters.Add("$p" + k.ToString(System.Globalization.CultureInfo.InvariantCulture), SqliteType.Integer);
        }

        command.Prepare();
        var row = default(VoteValues);
        for (var i = 0; i < columns.Count; i++)
        {
            columns.Row(i, ref row);
            for (var k = 0; k < kinds.Length; k++)
            {
                parameters[k].Value = row.Integer(kinds[k]) is { } value ? value : DBNull.Value;
            }

            command.ExecuteNonQuery();
            if ((i + 1) % ReportEvery == 0)
            {
                ct.ThrowIfCancellationRequested();
                rowsWritten(i + 1);
            }
        }

        rowsWritten(columns.Count);
    }
}
