using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace Modelwatch.Import.Tests.Votes;

/// <summary>
/// Writes the 140k source records in the other layouts the reader accepts, with Utf8JsonWriter and Parquet.Net,
/// the way real files spell them: FastChat's nested <c>category_tag</c> (JSON array, Parquet structs) and flat
/// columns (JSON Lines, flat Parquet).
/// </summary>
internal static class ArenaWriters
{
    /// <summary>A pretty-printed FastChat array: objects over several lines, tags nested as in <c>clean_battle_*.json</c>.</summary>
    public static void JsonArrayNested(ArenaRecords records, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var row in records.Rows)
        {
            json.WriteStartObject();
            json.WriteString("question_id", row[records.Column("row")]);
            json.WriteString("model_a", row[records.Column("model_a")]);
            json.WriteString("model_b", row[records.Column("model_b")]);
            json.WriteString("winner", row[records.Column("winner")]);
            json.WriteStartObject("category_tag");
            json.WriteStartObject("criteria_v0.1");
            foreach (var name in ArenaRecords.TagColumns.Take(7))
            {
                json.WriteBoolean(name, row[records.Column(name)] == "1");
            }

            json.WriteEndObject();
            json.WriteStartObject("if_v0.1");
            json.WriteBoolean("if", row[records.Column("if")] == "1");
            if (ParseScore(row[records.Column("if_score")]) is { } score)
            {
                json.WriteNumber("score", score);
            }
            else
            {
                json.WriteNull("score");
            }

            json.WriteEndObject();
            json.WriteStartObject("math_v0.1");
            json.WriteBoolean("math", row[records.Column("math")] == "1");
            json.WriteEndObject();
            json.WriteStartObject("creative_writing_v0.1");
            json.WriteBoolean("creative_writing", row[records.Column("creative_writing")] == "1");
            json.WriteString("score", "no");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>JSON Lines with the CSV's columns as flat fields, numbers as numbers.</summary>
    public static void JsonLinesFlat(ArenaRecords records, Stream output)
    {
        var buffer = new MemoryStream();
        foreach (var row in records.Rows)
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                for (var c = 0; c < records.Header.Length; c++)
                {
                    if (int.TryParse(row[c], System.Globalization.CultureInfo.InvariantCulture, out var number))
                    {
                        json.WriteNumber(records.Header[c], number);
                    }
                    else
                    {
                        json.WriteString(records.Header[c], row[c]);
                    }
                }

                json.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            output.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }

    /// <summary>Flat Parquet: strings for names, int32 for the numbers, booleans for the tags; several row groups.</summary>
    public static async Task ParquetFlat(ArenaRecords records, Stream output, int rowGroupSize = 50_000)
    {
        var fields = records.Header.Select(name =>
            name is "model_a" or "model_b" or "winner" ? (DataField)new DataField<string>(name)
            : ArenaRecords.TagColumns.Contains(name) ? new DataField<bool>(name)
            : new DataField<int?>(name)).ToArray();
        var schema = new ParquetSchema(fields);
        await using var writer = await ParquetWriter.CreateAsync(schema, output);
        foreach (var chunk in records.Rows.Chunk(rowGroupSize))
        {
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < fields.Length; c++)
            {
                var column = c;
                switch (fields[c])
                {
                    case DataField<string> text:
                        await group.WriteAsync(text, chunk.Select(r => r[column]).ToArray());
                        break;
                    case DataField<bool> flag:
                        await group.WriteAsync<bool>(flag, chunk.Select(r => r[column] == "1").ToArray().AsMemory());
                        break;
                    default:
                        await group.WriteAsync<int>(fields[c], chunk.Select(r => ParseScore(r[column])).ToArray().AsMemory());
                        break;
                }
            }
        }
    }

    /// <summary>Parquet shaped like the Hugging Face arena datasets: a <c>category_tag</c> struct of structs.</summary>
    public static async Task ParquetNested(ArenaRecords records, Stream output)
    {
        var modelA = new DataField<string>("model_a");
        var modelB = new DataField<string>("model_b");
        var winner = new DataField<string>("winner");
        var criteria = ArenaRecords.TagColumns.Take(7).Select(n => new DataField<bool?>(n)).ToArray();
        var ifFlag = new DataField<bool?>("if");
        var ifScore = new DataField<int?>("score");
        var math = new DataField<bool?>("math");
        var creative = new DataField<bool?>("creative_writing");
        var schema = new ParquetSchema(
            modelA,
            modelB,
            winner,
            new StructField(
                "category_tag",
                new StructField("criteria_v0.1", criteria),
                new StructField("if_v0.1", ifFlag, ifScore),
                new StructField("math_v0.1", math),
                new StructField("creative_writing_v0.1", creative)));
        await using var writer = await ParquetWriter.CreateAsync(schema, output);
        using var group = writer.CreateRowGroup();
        var rows = records.Rows;
        await group.WriteAsync(modelA, rows.Select(r => r[records.Column("model_a")]).ToArray());
        await group.WriteAsync(modelB, rows.Select(r => r[records.Column("model_b")]).ToArray());
        await group.WriteAsync(winner, rows.Select(r => r[records.Column("winner")]).ToArray());
        foreach (var field in criteria)
        {
            await WriteFlag(field, field.Name);
        }

        await WriteFlag(ifFlag, "if");
        await group.WriteAsync<int>(ifScore, rows.Select(r => ParseScore(r[records.Column("if_score")])).ToArray().AsMemory());
        await WriteFlag(math, "math");
        await WriteFlag(creative, "creative_writing");

        Task WriteFlag(DataField field, string column) =>
            group.WriteAsync<bool>(field, rows.Select(r => (bool?)(r[records.Column(column)] == "1")).ToArray().AsMemory());
    }

    /// <summary>The file's numbers, null where it leaves them empty (two rows have no if_score).</summary>
    private static int? ParseScore(string text) => text.Length == 0 ? null : int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public static void Csv(ArenaRecords records, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        writer.Write(string.Join(',', records.Header));
        writer.Write('\n');
        foreach (var row in records.Rows)
        {
            writer.Write(string.Join(',', row));
            writer.Write('\n');
        }
    }
}
