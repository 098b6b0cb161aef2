using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Modelwatch.Data.Votes;

/// <summary>PostgreSQL: binary <c>COPY … FROM STDIN</c>, which runs in the connection's open transaction.</summary>
internal sealed class PostgresBulkInserter : BulkInserter
{
    public override void Insert<TEntity>(ModelwatchDbContext db, IReadOnlyList<string> properties, int rows, RowFiller fill, Action<long>? rowsWritten, CancellationToken ct)
    {
        RequireTransaction(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var names = StoreNames.For<TEntity>(db);
        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        var types = properties.Select(p => ColumnType(entity.FindProperty(p)!)).ToArray();
        var copy = $"COPY {names.Table} ({string.Join(", ", properties.Select(names.Column))}) FROM STDIN (FORMAT BINARY)";

        using var importer = connection.BeginBinaryImport(copy);
        var values = new BulkValue[properties.Count];
        for (var row = 0; row < rows; row++)
        {
            fill(row, values);
            importer.StartRow();
            for (var k = 0; k < values.Length; k++)
            {
                Write(importer, values[k], types[k]);
            }

            if ((row + 1) % ReportEvery == 0)
            {
                ct.ThrowIfCancellationRequested();
                rowsWritten?.Invoke(row + 1);
            }
        }

        importer.Complete();
        rowsWritten?.Invoke(rows);
    }

    /// <summary>Each value in its column's own type, so COPY needs no conversion (binary COPY does none).</summary>
    private static void Write(NpgsqlBinaryImporter importer, BulkValue value, NpgsqlDbType type)
    {
        if (value.IsNull)
        {
            importer.WriteNull();
            return;
        }

        switch (type)
        {
            case NpgsqlDbType.Bigint:
                importer.Write(value.Number, type);
                break;
            case NpgsqlDbType.Integer:
                importer.Write(checked((int)value.Number), type);
                break;
            case NpgsqlDbType.Smallint:
                importer.Write(checked((short)value.Number), type);
                break;
            case NpgsqlDbType.Boolean:
                importer.Write(value.Number != 0, type);
                break;
            default:
                importer.Write(value.Text ?? throw new InvalidOperationException("A text column was given a number."), type);
                break;
        }
    }

    /// <summary>The PostgreSQL type a property's values are written as, from its provider CLR type.</summary>
    private static NpgsqlDbType ColumnType(IProperty property)
    {
        var clr = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
        clr = Nullable.GetUnderlyingType(clr) ?? clr;
        return clr switch
        {
            _ when clr == typeof(long) => NpgsqlDbType.Bigint,
            _ when clr == typeof(int) => NpgsqlDbType.Integer,
            _ when clr == typeof(short) => NpgsqlDbType.Smallint,
            _ when clr == typeof(bool) => NpgsqlDbType.Boolean,
            _ when clr == typeof(string) => NpgsqlDbType.Varchar,
            _ => throw new NotSupportedException($"Bulk insert of {property.DeclaringType.DisplayName()}.{property.Name} ({clr.Name}) is not supported."),
        };
    }
}
