using System.Text;
using Modelwatch.Import.Votes;
using Modelwatch.Testing;

namespace Modelwatch.Import.Tests.Votes;

/// <summary>Bad input fails with a message naming the file, the place, the field, what was found and what was expected.</summary>
public class VoteFileErrorTests
{
    private const string Header = "model_a,model_b,winner\n";

    [Fact]
    public void A_missing_required_column_is_named_beside_the_columns_that_exist()
    {
        var error = Votes.Fails("row,model_a,model_b,result\n1,x,y,model_a\n", "battles.csv");

        Assert.Equal("winner", error.Field);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("battles.csv:1: missing required column 'winner'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'row', 'model_a', 'model_b', 'result'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_model_columns_says_left_and_right_would_do()
    {
        var error = Votes.Fails("first,second,winner\nx,y,tie\n");

        Assert.Equal("model_a", error.Field);
        Assert.Contains("missing required column 'model_a' (or 'left')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_winner_names_file_line_column_value_and_the_accepted_spellings()
    {
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 15; i++)
        {
            csv.Append("x,y,model_a\n");
        }

        csv.Append("x,y,draw\n");

        var error = Votes.Fails(csv.ToString(), "battles.csv");

        Assert.Equal("battles.csv", error.Source);
        Assert.Equal(17, error.Line);
        Assert.Equal("winner", error.Field);
        Assert.StartsWith("battles.csv:17: column 'winner' is 'draw'; expected one of model_a, model_b, tie, tie (bothbad), both_bad, left, right", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_gzip_file_fails_instead_of_ending_early()
    {
        var whole = File.ReadAllBytes(SharedData.File(ArenaRecords.RelativePath));
        using var temp = new TempDirectory();
        foreach (var cut in new[] { whole.Length / 2, whole.Length - 4 })
        {
            var path = temp.File($"cut-{cut}.csv.gz");
            File.WriteAllBytes(path, whole[..cut]);

            foreach (var skip in new[] { false, true })
            {
                var error = Assert.Throws<VoteFileException>(() => Votes.Read(path, skipInvalid: skip));
                Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
                Assert.StartsWith($"cut-{cut}.csv.gz: ", error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_small_truncated_gzip_fails_too()
    {
        var gzip = Votes.Gzip(Encoding.UTF8.GetBytes(Header + "x,y,tie\nx,z,model_b\n"));

        var error = Votes.FailsBytes(gzip[..^6], "small.csv.gz");

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_gzip_data_fails_naming_the_file()
    {
        var gzip = Votes.Gzip(Encoding.UTF8.GetBytes(Header + string.Concat(Enumerable.Repeat("model-x,model-y,tie\n", 200))));
        gzip[gzip.Length / 2] ^= 0xFF;
        gzip[(gzip.Length / 2) + 1] ^= 0xFF;

        var error = Votes.FailsBytes(gzip, "damaged.csv.gz");

        Assert.StartsWith("damaged.csv.gz: gzip data is", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\r\n\t ")]
    public void An_empty_file_fails(string content)
    {
        var error = Votes.Fails(content, "empty.csv");

        Assert.StartsWith("empty.csv: the file is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_gzip_file_fails_saying_it_is_empty_after_decompression()
    {
        // What `gzip < /dev/null` writes (.NET's GZipStream writes nothing at all for empty input).
        byte[] emptyGzip = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];

        var error = Votes.FailsBytes(emptyGzip, "empty.csv.gz");

        Assert.Contains("empty (0 bytes after decompression)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_without_votes_is_an_empty_table_with_a_note()
    {
        var result = Votes.ReadText(Header);

        Assert.Equal(0, result.Votes.Count);
        Assert.Contains(result.Notes, n => n.Contains("no votes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_byte_that_is_not_utf8_is_reported_with_line_and_offset()
    {
        var content = Encoding.UTF8.GetBytes(Header + "x,y,tie\ncaf").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes(",y,tie\n")).ToArray();
        var offset = Array.IndexOf(content, (byte)0xE9);

        var error = Votes.FailsBytes(content, "latin1.csv");

        Assert.Equal(3, error.Line);
        Assert.Equal(offset, error.ByteOffset);
        Assert.StartsWith($"latin1.csv:3: byte 0xE9 at byte offset {offset} (byte 4 of the line) is not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_byte_in_json_lines_is_reported_with_its_line()
    {
        var content = Encoding.UTF8.GetBytes("{\"model_a\":\"x\",\"model_b\":\"y\",\"winner\":\"tie\"}\n{\"model_a\":\"caf")
            .Concat(new byte[] { 0xE9 })
            .Concat(Encoding.UTF8.GetBytes("\",\"model_b\":\"y\",\"winner\":\"tie\"}\n"))
            .ToArray();

        var error = Votes.FailsBytes(content, "votes.jsonl");

        Assert.Equal(2, error.Line);
        Assert.Contains("byte 0xE9", error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ragged_row_says_how_many_fields_it_has_and_how_many_were_expected()
    {
        var error = Votes.Fails(Header + "x,y,tie\nx,y\n", "ragged.csv");

        Assert.Equal(3, error.Line);
        Assert.StartsWith("ragged.csv:3: the record has 2 fields; expected 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_model_name_is_a_missing_model()
    {
        var error = Votes.Fails(Header + "x,,tie\n");

        Assert.Equal("model_b", error.Field);
        Assert.Contains("column 'model_b' is empty; expected a model name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_that_never_closes_fails_even_when_skipping()
    {
        foreach (var skip in new[] { false, true })
        {
            var error = Votes.Fails(Header + "x,y,tie\n\"x,y,tie\nx,y,tie\n", "quotes.csv", skip);

            Assert.Equal(3, error.Line);
            Assert.Contains("never ends", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Malformed_json_in_an_array_fails_with_its_line_even_when_skipping(bool skip)
    {
        const string json = "[\n{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"tie\"},\n{\"model_a\": \"x\" \"model_b\": \"y\"}\n]";

        var error = Votes.Fails(json, "battles.json", skip);

        Assert.Equal(3, error.Line);
        Assert.StartsWith("battles.json:3: malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_far_into_a_big_array_is_reported_on_its_physical_line()
    {
        var json = new StringBuilder("[\n");
        const int objects = 40_000; // about 2.4 MB, so the error lies several buffer refills in
        for (var i = 0; i < objects; i++)
        {
            json.Append("{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"tie\"},\n");
        }

        json.Append("{\"model_a\": \"x\",\n \"model_b\": \"y\",\n \"winner\": tie}\n]");

        var error = Votes.Fails(json.ToString(), "big.json");

        Assert.Equal(objects + 4, error.Line);
        Assert.StartsWith($"big.json:{objects + 4}: malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_byte_in_a_json_array_is_reported_with_line_and_offset()
    {
        var content = Encoding.UTF8.GetBytes("[\n{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"tie\"},\n{\"model_a\": \"caf")
            .Concat(new byte[] { 0xE9 })
            .Concat(Encoding.UTF8.GetBytes("\", \"model_b\": \"y\", \"winner\": \"tie\"}\n]"))
            .ToArray();
        var offset = Array.IndexOf(content, (byte)0xE9);

        var error = Votes.FailsBytes(content, "latin1.json");
        var skipped = Votes.ReadBytes(content, "latin1.json", skipInvalid: true);

        Assert.Equal(3, error.Line);
        Assert.Equal(offset, error.ByteOffset);
        Assert.StartsWith($"latin1.json:3: byte 0xE9 at byte offset {offset} (byte 17 of the line) is not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, skipped.Votes.Count);
        Assert.Equal(1, skipped.SkippedByReason[SkipReasons.InvalidUtf8]);
    }

    [Fact]
    public void A_json_array_that_stops_early_is_reported_as_truncated()
    {
        const string json = "[\n{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"tie\"},\n{\"model_a\": \"x\", \"mod";

        var error = Votes.Fails(json, "battles.json", skipInvalid: true);

        Assert.Contains("malformed JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Malformed_json_lines_fail_with_their_line_even_when_skipping(bool skip)
    {
        const string jsonl = "{\"model_a\":\"x\",\"model_b\":\"y\",\"winner\":\"tie\"}\n\n{\"model_a\":\"x\",\"model_b\":\"y\",\"winner\":tie}\n";

        var error = Votes.Fails(jsonl, "votes.jsonl", skip);

        Assert.Equal(3, error.Line);
        Assert.StartsWith("votes.jsonl:3: malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_file_that_only_starts_like_parquet_fails_even_when_skipping(bool skip)
    {
        var content = Encoding.ASCII.GetBytes("PAR1 this is not really a parquet file at all");

        var error = Votes.FailsBytes(content, "fake.parquet", skip);

        Assert.StartsWith("fake.parquet: is not a readable Parquet file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_json_winner_names_the_field_and_line()
    {
        var error = Votes.Fails("[{\"model_a\":\"x\",\"model_b\":\"y\",\"winner\":\"tie\"},\n {\"model_a\":\"x\",\"model_b\":\"y\",\"winner\":\"draw\"}]", "b.json");

        Assert.Equal(2, error.Line);
        Assert.StartsWith("b.json:2: field 'winner' is 'draw'; expected one of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_object_without_a_winner_says_it_is_missing()
    {
        var error = Votes.Fails("{\"model_a\":\"x\",\"model_b\":\"y\"}\n", "v.jsonl");

        Assert.Equal("winner", error.Field);
        Assert.StartsWith("v.jsonl:1: field 'winner' is missing", error.Message, StringComparison.Ordinal);
    }
}
