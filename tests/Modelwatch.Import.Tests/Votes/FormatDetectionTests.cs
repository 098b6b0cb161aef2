using System.Text;
using Modelwatch.Import.Votes;
using Modelwatch.Testing;

namespace Modelwatch.Import.Tests.Votes;

/// <summary>Compression and layout come from the bytes, never from the file name.</summary>
public class FormatDetectionTests
{
    private const string Csv = "model_a,model_b,winner\nx,y,model_a\ny,z,tie\n";
    private const string JsonArray = "[{\"model_a\":\"x\",\"model_b\":\"y\",\"winner\":\"model_a\"},{\"model_a\":\"y\",\"model_b\":\"z\",\"winner\":\"tie\"}]";
    private const string JsonLines = "{\"model_a\":\"x\",\"model_b\":\"y\",\"winner\":\"model_a\"}\n{\"model_a\":\"y\",\"model_b\":\"z\",\"winner\":\"tie\"}\n";

    [Theory]
    [InlineData(Csv, VoteFileFormat.Csv)]
    [InlineData(JsonArray, VoteFileFormat.JsonArray)]
    [InlineData("  \n\t" + JsonArray, VoteFileFormat.JsonArray)]
    [InlineData(JsonLines, VoteFileFormat.JsonLines)]
    [InlineData("\uFEFF" + Csv, VoteFileFormat.Csv)]
    [InlineData("\uFEFF" + JsonArray, VoteFileFormat.JsonArray)]
    [InlineData("\uFEFF" + JsonLines, VoteFileFormat.JsonLines)]
    public void The_layout_is_detected_from_the_content(string content, VoteFileFormat expected)
    {
        using var temp = new TempDirectory();
        var path = temp.File("votes.csv"); // the extension lies for the JSON cases
        File.WriteAllText(path, content, new UTF8Encoding(false));

        var result = Votes.Read(path);

        Assert.Equal(expected, result.Format);
        Assert.False(result.Gzipped);
        AssertTwoVotes(result);
    }

    [Theory]
    [InlineData(Csv, VoteFileFormat.Csv)]
    [InlineData(JsonArray, VoteFileFormat.JsonArray)]
    [InlineData(JsonLines, VoteFileFormat.JsonLines)]
    public void Gzip_is_detected_without_an_extension(string content, VoteFileFormat expected)
    {
        using var temp = new TempDirectory();
        var path = temp.File("votes");
        File.WriteAllBytes(path, Votes.Gzip(Encoding.UTF8.GetBytes(content)));

        var result = Votes.Read(path);

        Assert.True(result.Gzipped);
        Assert.Equal(expected, result.Format);
        AssertTwoVotes(result);
    }

    [Fact]
    public void A_gz_extension_on_plain_text_does_not_matter()
    {
        using var temp = new TempDirectory();
        var path = temp.File("votes.csv.gz");
        File.WriteAllText(path, Csv);

        var result = Votes.Read(path);

        Assert.False(result.Gzipped);
        AssertTwoVotes(result);
    }

    [Fact]
    public void Concatenated_gzip_members_are_read_as_one_file()
    {
        var first = Votes.Gzip(Encoding.UTF8.GetBytes("model_a,model_b,winner\nx,y,model_a\n"));
        var second = Votes.Gzip(Encoding.UTF8.GetBytes("y,z,tie\n"));

        var result = Votes.ReadBytes([.. first, .. second], "members.csv.gz");

        AssertTwoVotes(result);
    }

    [Fact]
    public void A_forced_format_wins_over_detection()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(JsonLines));

        var error = Assert.Throws<VoteFileException>(() =>
            VoteFileReader.Read(stream, "votes.jsonl", new VoteReadOptions { Format = VoteFileFormat.Csv }, null, TestContext.Current.CancellationToken));

        Assert.Contains("missing required column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_is_read_from_its_current_position_and_left_open()
    {
        var bytes = Encoding.UTF8.GetBytes("garbage before the votes" + Csv);
        using var stream = new MemoryStream(bytes);
        stream.Position = "garbage before the votes".Length;

        var result = VoteFileReader.Read(stream, "offset.csv", ct: TestContext.Current.CancellationToken);

        AssertTwoVotes(result);
        Assert.True(stream.CanRead);
    }

    private static void AssertTwoVotes(VoteReadResult result)
    {
        var votes = result.Votes;
        Assert.Equal(2, votes.Count);
        Assert.Equal(["x", "y", "z"], votes.Models.Names);
        Assert.Equal([Core.Votes.Winner.ModelA, Core.Votes.Winner.Tie], votes.Winners.ToArray());
    }
}
