using System.Text;
using Modelwatch.Core.Votes;

namespace Modelwatch.Import.Tests.Votes;

/// <summary>RFC 4180 details of the CSV reader: quoting, line endings, physical line numbers, buffer boundaries.</summary>
public class CsvParsingTests
{
    [Fact]
    public void Quoted_fields_may_hold_commas_and_doubled_quotes()
    {
        var votes = Votes.ReadText("model_a,model_b,winner\n\"model, \"\"quoted\"\"\",\"plain\",\"tie\"\n").Votes;

        Assert.Equal(["model, \"quoted\"", "plain"], votes.Models.Names);
        Assert.Equal(Winner.Tie, votes.Winners[0]);
    }

    [Fact]
    public void A_quoted_newline_counts_as_a_physical_line()
    {
        const string csv = "model_a,model_b,winner\n\"two\nline name\",b,tie\nc,d,model_b\nc,d,draw\n";

        var votes = Votes.ReadText(csv, skipInvalid: true).Votes;
        var error = Votes.Fails(csv);

        Assert.Equal("two\nline name", votes.Models[votes.ModelA[0]]);
        Assert.Equal([2L, 4L], votes.SourceLines.ToArray());
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void Crlf_line_endings_blank_lines_and_a_missing_final_newline_are_fine()
    {
        var result = Votes.ReadText("\r\nmodel_a,model_b,winner\r\nx,y,model_a\r\n\r\n  y , z ,tie\r\nz,x,model_b");

        var votes = result.Votes;
        Assert.Equal(3, result.RowsRead);
        Assert.Equal(["x", "y", "z"], votes.Models.Names);
        Assert.Equal([Winner.ModelA, Winner.Tie, Winner.ModelB], votes.Winners.ToArray());
        Assert.Equal([3L, 5L, 6L], votes.SourceLines.ToArray());
    }

    [Fact]
    public void Header_names_match_case_insensitively_in_any_order()
    {
        var votes = Votes.ReadText("Winner,MODEL_B,Model_A\nmodel_a,y,x\n").Votes;

        Assert.Equal("x", votes.Models[votes.ModelA[0]]);
        Assert.Equal("y", votes.Models[votes.ModelB[0]]);
        Assert.Equal(Winner.ModelA, votes.Winners[0]);
    }

    [Fact]
    public void Records_that_straddle_buffer_refills_are_read_whole()
    {
        // Over 3 MiB with long quoted names, doubled quotes and newlines in fields, so records cross the 1 MiB
        // buffer boundary at every kind of position.
        var random = new Random(11);
        var names = Enumerable.Range(0, 40).Select(i => $"model {i} " + new string('x', random.Next(0, 3000)) + (i % 3 == 0 ? " \"q\"\nsecond line" : string.Empty)).ToArray();
        var csv = new StringBuilder("model_a,model_b,winner\n");
        var expected = new List<(string A, string B, Winner W)>();
        var winners = new[] { ("model_a", Winner.ModelA), ("model_b", Winner.ModelB), ("tie", Winner.Tie), ("both_bad", Winner.BothBad) };
        while (csv.Length < 3_500_000)
        {
            var a = names[random.Next(names.Length)];
            var b = names[random.Next(names.Length)];
            var (spelling, winner) = winners[random.Next(winners.Length)];
            csv.Append(Quote(a)).Append(',').Append(Quote(b)).Append(',').Append(spelling).Append('\n');
            expected.Add((a, b, winner));
        }

        var votes = Votes.ReadText(csv.ToString()).Votes;

        Assert.Equal(expected.Count, votes.Count);
        for (var i = 0; i < votes.Count; i++)
        {
            Assert.Equal(expected[i].A, votes.Models[votes.ModelA[i]]);
            Assert.Equal(expected[i].B, votes.Models[votes.ModelB[i]]);
            Assert.Equal(expected[i].W, votes.Winners[i]);
        }

        static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    [Fact]
    public void Multibyte_names_survive_buffer_boundaries_and_are_interned_once()
    {
        var csv = new StringBuilder("model_a,model_b,winner\n");
        var rows = 0;
        while (csv.Length < 2_500_000)
        {
            csv.Append("模型-α,Ünïcödé-β,model_a\n");
            rows++;
        }

        var votes = Votes.ReadText(csv.ToString()).Votes;

        Assert.Equal(rows, votes.Count);
        Assert.Equal(["模型-α", "Ünïcödé-β"], votes.Models.Names);
    }

    [Fact]
    public void Flat_metadata_columns_fill_the_optional_fields()
    {
        const string csv = """
            model_a,model_b,winner,judge,tstamp,anony,language,turn,dedup_sampled,sum_assistant_a_tokens,sum_assistant_b_tokens,header_count_a,header_count_b,list_count_a,list_count_b,bold_count_a,bold_count_b
            x,y,tie (bothbad),arena_user_1,1700000000.5,true,English,2,0,100,80,3,0,7,1,6,2
            y,x,model_a,,,,,,,,,,,,,,
            """;

        var votes = Votes.ReadText(csv).Votes;

        Assert.Equal(Winner.BothBad, votes.Winners[0]);
        Assert.Equal([1_700_000_000_500L, VoteTable.MissingTimestamp], votes.TimestampsMs.ToArray());
        Assert.Equal("arena_user_1", votes.Judges[votes.JudgeIds[0]]);
        Assert.Equal(-1, votes.JudgeIds[1]);
        Assert.Equal("English", votes.Languages[votes.LanguageIds[0]]);
        Assert.Equal([(sbyte)1, (sbyte)-1], votes.Anonymous.ToArray());
        Assert.Equal([(short)2, (short)0], votes.Turns.ToArray());
        Assert.Equal([(sbyte)0, (sbyte)-1], votes.DedupSampled.ToArray());
        Assert.Equal(new StyleCounts(100, 80, 3, 0, 7, 1, 6, 2), votes.Style[0]);
        Assert.Equal(StyleCounts.Unknown, votes.Style[1]); // a vote without metadata is unknown, not two empty answers
        Assert.Empty(votes.TagNames);
    }

    [Fact]
    public void Iso_and_numeric_timestamps_are_both_accepted()
    {
        var votes = Votes.ReadText("model_a,model_b,winner,timestamp\nx,y,tie,2025-04-01T12:00:00Z\nx,y,tie,2025-04-01 14:00:00+02:00\nx,y,tie,1743508800\n").Votes;

        var expected = new DateTimeOffset(2025, 4, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Equal([expected, expected, expected], votes.TimestampsMs.ToArray());
    }
}
