using Modelwatch.Core.Votes;
using Modelwatch.Testing;

namespace Modelwatch.Import.Tests.Votes;

/// <summary>LLMFAO: model names in <c>left</c>/<c>right</c>, winner left/right/tie, and numeric id columns beside them.</summary>
public class LlmfaoVoteFileTests
{
    private const string RelativePath = "data/arena/llmfao/llmfao.csv";

    [Fact]
    public void Names_come_from_left_and_right_and_every_vote_matches_its_line()
    {
        var path = SharedData.File(RelativePath);
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        int left = Array.IndexOf(header, "left"), right = Array.IndexOf(header, "right"), winner = Array.IndexOf(header, "winner");

        var result = Votes.Read(path);
        var votes = result.Votes;

        Assert.Equal(8_931, votes.Count);
        Assert.Equal(lines.Length - 1, votes.Count);
        for (var i = 0; i < votes.Count; i++)
        {
            var fields = lines[i + 1].Split(',');
            Assert.Equal(fields[left], votes.Models[votes.ModelA[i]]);
            Assert.Equal(fields[right], votes.Models[votes.ModelB[i]]);
            var expected = fields[winner] switch
            {
                "left" => Winner.ModelA,
                "right" => Winner.ModelB,
                "tie" => Winner.Tie,
                var other => throw new InvalidDataException($"unexpected winner {other}"),
            };
            Assert.Equal(expected, votes.Winners[i]);
        }
    }

    [Fact]
    public void Id_and_worker_columns_are_neither_tags_nor_judges()
    {
        var result = Votes.Read(SharedData.File(RelativePath));

        Assert.Empty(result.Votes.TagNames);
        Assert.False(result.Votes.HasTags);
        Assert.False(result.Votes.HasJudges);
        Assert.Empty(result.Notes);
    }
}
