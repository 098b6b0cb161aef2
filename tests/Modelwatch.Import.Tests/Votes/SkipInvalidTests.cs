using System.Text;
using Modelwatch.Import.Votes;

namespace Modelwatch.Import.Tests.Votes;

/// <summary>With SkipInvalid, bad rows are counted by a stable reason and left out; good rows are kept in order.</summary>
public class SkipInvalidTests
{
    [Fact]
    public void Bad_csv_rows_are_counted_by_reason_and_skipped()
    {
        var csv = new StringBuilder("model_a,model_b,winner,turn\n")
            .Append("a,b,model_a,1\n")
            .Append("a,b,draw,1\n") // unknown winner
            .Append("a,,tie,1\n") // missing model
            .Append("phantom,b,,1\n") // missing winner
            .Append("a,b\n") // wrong field count
            .Append("a,b,tie,1,extra\n") // wrong field count
            .Append("\"a\"x,b,tie,1\n") // bad quoting
            .Append("a,b,tie,many\n") // invalid number
            .Append("c,a,right,2\n")
            .ToString();
        var bytes = Encoding.UTF8.GetBytes(csv).Concat(Encoding.UTF8.GetBytes("a,b")).Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes(",tie,1\nb,c,tie,3\n")).ToArray();

        var result = Votes.ReadBytes(bytes, "mixed.csv", skipInvalid: true);

        Assert.Equal(11, result.RowsRead);
        Assert.Equal(8, result.RowsSkipped);
        Assert.Equal(
            new Dictionary<string, long>
            {
                [SkipReasons.UnknownWinner] = 1,
                [SkipReasons.MissingModel] = 1,
                [SkipReasons.MissingWinner] = 1,
                [SkipReasons.WrongFieldCount] = 2,
                [SkipReasons.BadQuoting] = 1,
                [SkipReasons.InvalidNumber] = 1,
                [SkipReasons.InvalidUtf8] = 1,
            },
            result.SkippedByReason);
        var votes = result.Votes;
        Assert.Equal(3, votes.Count);
        Assert.Equal([2L, 10L, 12L], votes.SourceLines.ToArray());
        Assert.Equal(["a", "b", "c"], votes.Models.Names); // no model only seen in a skipped row
        Assert.Equal([1, 2, 3], votes.Turns.ToArray().Select(t => (int)t));
    }

    [Fact]
    public void Bad_json_objects_are_counted_by_reason_and_skipped()
    {
        const string jsonl = """
            {"model_a": "a", "model_b": "b", "winner": "model_b", "anony": true}
            {"model_a": "a", "model_b": "b", "winner": "model_c"}
            {"model_a": "a", "winner": "tie"}
            {"model_a": "a", "model_b": "b"}
            [1, 2]
            {"model_a": "a", "model_b": "b", "winner": "tie", "anony": "perhaps"}
            {"model_a": "a", "model_b": "b", "winner": "tie", "tstamp": "yesterday"}
            {"model_a": "b", "model_b": "a", "winner": "tie (bothbad)", "anony": false}
            """;

        var result = Votes.ReadText(jsonl, "mixed.jsonl", skipInvalid: true);

        Assert.Equal(8, result.RowsRead);
        Assert.Equal(
            new Dictionary<string, long>
            {
                [SkipReasons.UnknownWinner] = 1,
                [SkipReasons.MissingModel] = 1,
                [SkipReasons.MissingWinner] = 1,
                [SkipReasons.NotAnObject] = 1,
                [SkipReasons.InvalidBoolean] = 1,
                [SkipReasons.InvalidTimestamp] = 1,
            },
            result.SkippedByReason);
        Assert.Equal([1L, 8L], result.Votes.SourceLines.ToArray());
        Assert.Equal([(sbyte)1, (sbyte)0], result.Votes.Anonymous.ToArray());
    }

    [Fact]
    public void Without_skipping_the_first_bad_row_fails()
    {
        var error = Votes.Fails("model_a,model_b,winner\na,b,tie\na,b,draw\na,,tie\n");

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_self_vote_is_a_valid_vote_for_the_reader()
    {
        var result = Votes.ReadText("model_a,model_b,winner\na,a,tie\na,b,model_a\n", skipInvalid: true);

        Assert.Equal(0, result.RowsSkipped);
        Assert.Equal(2, result.Votes.Count);
        Assert.Equal(result.Votes.ModelA[0], result.Votes.ModelB[0]);
    }
}
