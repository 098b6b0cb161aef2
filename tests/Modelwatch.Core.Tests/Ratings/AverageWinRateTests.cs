using Modelwatch.Core.Ratings;

namespace Modelwatch.Core.Tests.Ratings;

public class AverageWinRateTests
{
    public static TheoryData<string> LlmfaoFiles => ["llmfao", "simple", "food"];

    [Theory]
    [MemberData(nameof(LlmfaoFiles))]
    public void Win_rates_match_the_evalica_golden(string name)
    {
        var counts = TestVotes.Counts(TestVotes.Load($"data/arena/llmfao/{name}.csv"));
        var golden = ReferenceTables.Golden($"data/arena/llmfao/{name}-golden.csv", "average_win_rate");

        var rates = AverageWinRate.Compute(counts);

        Assert.Equal(golden.Count, rates.Length);
        for (var i = 0; i < rates.Length; i++)
        {
            Assert.Equal(golden[counts.Models[i]], rates[i], 1e-12);
        }
    }

    [Fact]
    public void Every_opponent_counts_once_whatever_its_number_of_votes()
    {
        // x beat y in 9 of 10 votes and tied z once: (0.9 + 0.5) / 2.
        var counts = PairwiseCounts.FromRows(["x", "y", "z"], [(0, 1, 2, 9), (0, 1, 0, 1), (0, 2, 1, 1)]);

        var rates = AverageWinRate.Compute(counts);

        Assert.Equal(0.7, rates[0], 1e-12);
        Assert.Equal(0.1, rates[1], 1e-12);
        Assert.Equal(0.5, rates[2], 1e-12);
    }
}
