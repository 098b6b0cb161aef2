using Modelwatch.Core.Votes;
using Modelwatch.Import.Votes;
using Parquet;
using Parquet.Schema;

namespace Modelwatch.Import.Tests.Votes;

/// <summary>Parquet shaped like the Hugging Face arena datasets: typed metadata columns and nested structs.</summary>
public class ParquetVoteFileTests
{
    private static readonly DataField<string> ModelA = new("model_a");
    private static readonly DataField<string> ModelB = new("model_b");
    private static readonly DataField<string> WinnerField = new("winner");
    private static readonly DataField<string> Judge = new("judge");
    private static readonly DataField<DateTime?> Timestamp = new("timestamp");
    private static readonly DataField<bool?> Anony = new("anony");
    private static readonly DataField<string> Language = new("language");
    private static readonly DataField<long?> Turn = new("turn");
    private static readonly DataField<bool?> IsCode = new("is_code");
    private static readonly DataField<int?> TokensA = new("sum_assistant_a_tokens");
    private static readonly DataField<int?> TokensB = new("sum_assistant_b_tokens");
    private static readonly DataField<long?>[] HeadersA = Enumerable.Range(1, 6).Select(i => new DataField<long?>($"h{i}")).ToArray();
    private static readonly DataField<long?> OrderedA = new("ordered");
    private static readonly DataField<long?> UnorderedA = new("unordered");
    private static readonly DataField<long?> BoldStarsA = new("**");
    private static readonly DataField<long?> BoldUnderscoresA = new("__");
    private static readonly DataField<bool?> HighFreq = new("high_freq");
    private static readonly DataField<bool?> Sampled = new("sampled");
    private static readonly DataField<bool?> Math = new("math");

    [Fact]
    public async Task Typed_columns_and_nested_structs_fill_the_vote_fields_across_row_groups()
    {
        var bytes = await WriteAsync(
        [
            new("gpt-4o", "claude-3-opus", "model_a", new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc), 1, true, 10, 20),
            new("claude-3-opus", "gpt-4o", "both_bad", new DateTime(2024, 6, 2, 0, 0, 0, DateTimeKind.Utc), 3, false, 0, 5),
        ],
        [
            new("gpt-4o", "llama-3-70b", "tie", null, 2, null, 7, 0),
        ]);

        var result = Votes.ReadBytes(bytes, "train-00000-of-00001.parquet");
        var votes = result.Votes;

        Assert.Equal(VoteFileFormat.Parquet, result.Format);
        Assert.Equal(3, result.RowsRead);
        Assert.Equal([1L, 2L, 3L], votes.SourceLines.ToArray());
        Assert.Equal(["gpt-4o", "claude-3-opus", "llama-3-70b"], votes.Models.Names);
        Assert.Equal([Winner.ModelA, Winner.BothBad, Winner.Tie], votes.Winners.ToArray());
        Assert.Equal(
            [new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), new DateTimeOffset(2024, 6, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), VoteTable.MissingTimestamp],
            votes.TimestampsMs.ToArray());
        Assert.Equal(["judge-1", "judge-3", "judge-2"], votes.JudgeIds.ToArray().Select(j => votes.Judges[j]));
        Assert.Equal([(short)1, (short)3, (short)2], votes.Turns.ToArray());
        Assert.Equal([(sbyte)1, (sbyte)1, (sbyte)1], votes.Anonymous.ToArray());
        Assert.Equal([(sbyte)1, (sbyte)0, (sbyte)-1], votes.DedupSampled.ToArray());

        // Headers h1..h6 = 1..6 → 21; lists 2 + 3; bold 4 + 0; tokens as given.
        Assert.Equal(new StyleCounts(10, 20, 21, 0, 5, 0, 4, 0), votes.Style[0]);
        Assert.Equal(new StyleCounts(0, 5, 21, 0, 5, 0, 4, 0), votes.Style[1]);
        Assert.Equal(["is_code", "math"], votes.TagNames.Order(StringComparer.Ordinal));
        Assert.Equal([true, false, false], Flags(votes, "is_code"));
        Assert.Equal([false, true, false], Flags(votes, "math"));
    }

    [Fact]
    public async Task A_bad_winner_is_reported_by_row_across_row_groups()
    {
        var bytes = await WriteAsync(
            [new("a", "b", "model_a", null, 1, true, 1, 1)],
            [new("a", "b", "tie", null, 1, true, 1, 1), new("a", "b", "draw", null, 1, true, 1, 1)]);

        var error = Votes.FailsBytes(bytes, "votes.parquet");

        Assert.Null(error.Line);
        Assert.Equal(3, error.Row);
        Assert.StartsWith("votes.parquet: row 3: column 'winner' is 'draw'; expected one of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_column_lists_the_columns_the_file_has()
    {
        using var stream = new MemoryStream();
        var left = new DataField<string>("model_x");
        var schema = new ParquetSchema(left, WinnerField);
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: TestContext.Current.CancellationToken))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(left, ["a"]);
            await group.WriteAsync(WinnerField, ["tie"]);
        }

        var error = Votes.FailsBytes(stream.ToArray(), "odd.parquet");

        Assert.Equal("model_a", error.Field);
        Assert.StartsWith("odd.parquet: missing required column 'model_a'; the file has 2 top-level columns: 'model_x', 'winner'", error.Message, StringComparison.Ordinal);
    }

    private static bool[] Flags(VoteTable votes, string tag)
    {
        var bit = votes.TagBit(tag);
        return votes.Tags.ToArray().Select(t => ((t >> bit) & 1) == 1).ToArray();
    }

    private static async Task<byte[]> WriteAsync(params Battle[][] rowGroups)
    {
        var schema = new ParquetSchema(
            ModelA,
            ModelB,
            WinnerField,
            Judge,
            Timestamp,
            Anony,
            Language,
            Turn,
            IsCode,
            new StructField(
                "conv_metadata",
                TokensA,
                TokensB,
                new StructField("header_count_a", HeadersA),
                new StructField("list_count_a", OrderedA, UnorderedA),
                new StructField("bold_count_a", BoldStarsA, BoldUnderscoresA)),
            new StructField("dedup_tag", HighFreq, Sampled),
            new StructField("category_tag", new StructField("math_v0.1", Math)));
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream))
        {
            foreach (var rows in rowGroups)
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(ModelA, rows.Select(r => r.A).ToArray());
                await group.WriteAsync(ModelB, rows.Select(r => r.B).ToArray());
                await group.WriteAsync(WinnerField, rows.Select(r => r.Winner).ToArray());
                await group.WriteAsync(Judge, rows.Select(r => $"judge-{r.Turn}").ToArray());
                await group.WriteAsync<DateTime>(Timestamp, rows.Select(r => r.Time).ToArray().AsMemory());
                await group.WriteAsync<bool>(Anony, rows.Select(_ => (bool?)true).ToArray().AsMemory());
                await group.WriteAsync(Language, rows.Select(_ => "English").ToArray());
                await group.WriteAsync<long>(Turn, rows.Select(r => (long?)r.Turn).ToArray().AsMemory());
                await group.WriteAsync<bool>(IsCode, rows.Select(r => (bool?)(r.Winner == "model_a")).ToArray().AsMemory());
                await group.WriteAsync<int>(TokensA, rows.Select(r => (int?)r.TokensA).ToArray().AsMemory());
                await group.WriteAsync<int>(TokensB, rows.Select(r => (int?)r.TokensB).ToArray().AsMemory());
                for (var h = 0; h < HeadersA.Length; h++)
                {
                    var value = h + 1L;
                    await group.WriteAsync<long>(HeadersA[h], rows.Select(_ => (long?)value).ToArray().AsMemory());
                }

                await group.WriteAsync<long>(OrderedA, rows.Select(_ => (long?)2).ToArray().AsMemory());
                await group.WriteAsync<long>(UnorderedA, rows.Select(_ => (long?)3).ToArray().AsMemory());
                await group.WriteAsync<long>(BoldStarsA, rows.Select(_ => (long?)4).ToArray().AsMemory());
                await group.WriteAsync<long>(BoldUnderscoresA, rows.Select(_ => (long?)0).ToArray().AsMemory());
                await group.WriteAsync<bool>(HighFreq, rows.Select(_ => (bool?)false).ToArray().AsMemory());
                await group.WriteAsync<bool>(Sampled, rows.Select(r => r.Sampled).ToArray().AsMemory());
                await group.WriteAsync<bool>(Math, rows.Select(r => (bool?)(r.Winner == "both_bad")).ToArray().AsMemory());
            }
        }

        return stream.ToArray();
    }

    private sealed record Battle(string A, string B, string Winner, DateTime? Time, int Turn, bool? Sampled, int TokensA, int TokensB);
}
