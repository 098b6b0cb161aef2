using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Modelwatch.Data.Votes;

/// <summary>PostgreSQL: binary <c>COPY … FROM STDIN</c>, which runs in the connection's open transaction.</summary>
internal sealed class PostgresVoteWriter : VoteBulkWriter
{
    public override void Write(ModelwatchDbContext db, VoteColumns columns, Action<long> rowsWritten, CancellationToken ct)
    {
        RequireTransaction(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var names = StoreNames.For<StoredVote>(db);
        var kinds = columns.Columns.ToArray();
        var copy = $"COPY {names.Table} ({string.Join(", ", kinds.Select(c => names.Column(c.ToString())))}) FROM STDIN (FORMAT BINARY)";

        using var importer = connection.BeginBinaryImport(copy);
        var row = default(VoteValues);
        for (var i = 0; i < columns.Count; i++)
        {
            columns.Row(i, ref row);
            importer.StartRow();
            foreach (var kind in kinds)
            {
                WriteValue(importer, in row, kind);
            }

            if ((i + 1) % ReportEvery == 0)
            {
                ct.ThrowIfCancellationRequested();
                rowsWritten(i + 1);
            }
        }

        importer.Complete();
        rowsWritten(columns.Count);
    }

    /// <summary>Each column in its column type (bigint, integer, smallint, boolean), so COPY needs no conversion.</summary>
    private static void WriteValue(NpgsqlBinaryImporter importer, in VoteValues row, VoteColumn kind)
    {
        switch (kind)
        {
            case VoteColumn.Id:
                importer.Write(row.Id, NpgsqlDbType.Bigint);
                break;
            case VoteColumn.ModelA:
                importer.Write(row.ModelA, NpgsqlDbType.Integer);
                break;
            case VoteColumn.ModelB:
                importer.Write(row.ModelB, NpgsqlDbType.Integer);
                break;
            case VoteColumn.Winner:
                importer.Write(row.Winner, NpgsqlDbType.Smallint);
                break;
            case VoteColumn.Categories:
                importer.Write(row.Categories, NpgsqlDbType.Bigint);
                break;
            case VoteColumn.TimestampMs:
                Nullable(importer, row.TimestampMs, NpgsqlDbType.Bigint);
                break;
            case VoteColumn.JudgeHash:
                Nullable(importer, row.JudgeHash, NpgsqlDbType.Bigint);
                break;
            case VoteColumn.Language:
                Nullable(importer, row.Language, NpgsqlDbType.Smallint);
                break;
            case VoteColumn.Anonymous:
                Nullable(importer, row.Anonymous, NpgsqlDbType.Boolean);
                break;
            case VoteColumn.Turn:
                Nullable(importer, row.Turn, NpgsqlDbType.Smallint);
                break;
            case VoteColumn.DedupSampled:
                Nullable(importer, row.DedupSampled, NpgsqlDbType.Boolean);
                break;
            default:
                Nullable<int>(importer, row.Integer(kind) is { } counter ? (int)counter : null, NpgsqlDbType.Integer);
                break;
        }
    }

    private static void Nullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } present)
        {
            importer.Write(present, type);
        }
        else
        {
            importer.WriteNull();
        }
    }
}
