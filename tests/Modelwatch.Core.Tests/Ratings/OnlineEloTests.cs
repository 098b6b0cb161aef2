using Modelwatch.Core.Ratings;
using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Tests.Ratings;

public class OnlineEloTests
{
    public static TheoryData<string> LlmfaoFiles => ["llmfao", "simple", "food"];

    /// <summary>evalica's golden Elo: K = 4, init 1000, base 10, scale 400, tie = ½, votes in file order.</summary>
    [Theory]
    [MemberData(nameof(LlmfaoFiles))]
    public void Ratings_match_the_evalica_golden_in_file_order(string name)
    {
        var votes = TestVotes.Load($"data/arena/llmfao/{name}.csv");
        var golden = ReferenceTables.Golden($"data/arena/llmfao/{name}-golden.csv", "elo");

        var ratings = OnlineElo.Compute(votes.Models.Count, votes.ModelA, votes.ModelB, votes.Winners);

        Assert.Equal(golden.Count, ratings.Length);
        foreach (var (model, expected) in golden)
        {
            Assert.True(votes.Models.TryGetId(model, out var id), model);
            Assert.Equal(expected, ratings[id], 1e-6);
        }
    }

    [Fact]
    public void One_vote_moves_both_sides_by_the_same_amount()
    {
        // Equal ratings: p = ½, so a win moves K·½ = 2 points; the second vote starts from 1002 vs 998.
        var ratings = OnlineElo.Compute(2, [0, 0], [1, 1], [Winner.ModelA, Winner.Tie]);

        var p = 1 / (1 + Math.Pow(10, (998.0 - 1002.0) / 400));
        Assert.Equal(1002 + (4 * (0.5 - p)), ratings[0], 1e-12);
        Assert.Equal(998 - (4 * (0.5 - p)), ratings[1], 1e-12);
    }

    [Fact]
    public void The_order_of_the_votes_matters()
    {
        var forward = OnlineElo.Compute(2, [0, 0], [1, 1], [Winner.ModelA, Winner.ModelB]);
        var backward = OnlineElo.Compute(2, [0, 0], [1, 1], [Winner.ModelB, Winner.ModelA]);

        Assert.NotEqual(forward[0], backward[0], 1e-9);
    }

    [Fact]
    public void A_self_vote_or_a_bad_id_is_refused_with_its_index()
    {
        var self = Assert.Throws<ArgumentException>(() => OnlineElo.Compute(3, [0, 2], [1, 2], [Winner.ModelA, Winner.Tie]));
        Assert.Contains("Vote 1", self.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => OnlineElo.Compute(2, [0], [5], [Winner.ModelA]));
        Assert.Throws<ArgumentException>(() => OnlineElo.Compute(2, [0], [1], []));
    }
}
