using Modelwatch.Core.News.Summaries;

namespace Modelwatch.Core.Tests.News.Summaries;

public sealed class TextRankTests
{
    [Fact]
    public void Defaults_are_the_papers()
    {
        Assert.Equal(0.85, TextRankOptions.Default.Damping);
        Assert.Equal(1e-4, TextRankOptions.Default.Tolerance);
    }

    [Theory]
    [InlineData(0.85)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void Scores_satisfy_the_weighted_pagerank_equation(double damping)
    {
        var weights = RandomGraph(12, seed: 7);
        var result = TextRank.Rank(weights, new TextRankOptions(damping, 1e-10, 10_000));

        Assert.Equal(TextRankExit.Converged, result.ExitReason);
        Assert.True(result.Iterations > 1);
        for (var i = 0; i < 12; i++)
        {
            // Eq. 3 evaluated here, independently of the solver's loop.
            var sum = 0.0;
            for (var j = 0; j < 12; j++)
            {
                var outgoing = Enumerable.Range(0, 12).Sum(k => weights[j, k]);
                sum += outgoing > 0 ? weights[j, i] / outgoing * result.Scores[j] : 0;
            }

            Assert.Equal((1 - damping) + (damping * sum), result.Scores[i], 1e-8);
        }

        // No isolated vertex: the unnormalised scores sum to the number of vertices.
        Assert.Equal(12, result.Scores.Sum(), 1e-6);
    }

    [Fact]
    public void Higher_damping_needs_more_iterations()
    {
        var weights = RandomGraph(20, seed: 3);
        var low = TextRank.Rank(weights, new TextRankOptions(0.5, 1e-8));
        var high = TextRank.Rank(weights, new TextRankOptions(0.95, 1e-8, 10_000));
        Assert.True(high.Iterations > low.Iterations, $"{high.Iterations} vs {low.Iterations}");
    }

    [Fact]
    public void The_sentence_others_share_words_with_ranks_first()
    {
        var sentences = new[]
        {
            "Weather was pleasant on Tuesday afternoon.",
            "Meta released Llama open weights under a community licence.",
            "Llama weights run locally with llama.cpp.",
            "Meta says Llama beats rivals on benchmarks.",
            "Open weights licence lets companies fine-tune Llama.",
        };
        var result = TextRank.Rank(sentences);
        Assert.Equal(TextRankExit.Converged, result.ExitReason);
        Assert.Equal(1, result.Order()[0]);
        Assert.Equal(0, result.Order()[^1]);
        // The weather sentence shares nothing: an isolated vertex keeps 1 − d.
        Assert.Equal(1 - 0.85, result.Scores[0], 1e-12);
    }

    [Fact]
    public void The_iteration_limit_is_an_exit_reason()
    {
        var result = TextRank.Rank(RandomGraph(8, seed: 1), new TextRankOptions(MaxIterations: 1));
        Assert.Equal(TextRankExit.MaxIterations, result.ExitReason);
        Assert.Equal(1, result.Iterations);
        Assert.True(result.LastChange > 1e-4);
    }

    [Fact]
    public void No_sentences_is_empty_and_bad_damping_is_refused()
    {
        var empty = TextRank.Rank(Array.Empty<string>());
        Assert.Equal(TextRankExit.Empty, empty.ExitReason);
        Assert.Empty(empty.Scores);
        Assert.Throws<ArgumentOutOfRangeException>(() => TextRank.Rank(RandomGraph(3, 1), new TextRankOptions(Damping: 1)));
    }

    [Fact]
    public void Similarity_is_overlap_over_summed_log_lengths()
    {
        var a = SentenceTokens.Of("alpha beta gamma delta");
        var b = SentenceTokens.Of("beta gamma epsilon");
        var weights = TextRank.Similarities([a, b]);
        Assert.Equal(2 / (Math.Log(4) + Math.Log(3)), weights[0, 1], 1e-12);
        Assert.Equal(weights[0, 1], weights[1, 0]);
    }

    private static double[,] RandomGraph(int n, int seed)
    {
        var random = new Random(seed);
        var weights = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                // Every vertex gets at least its neighbour on the ring, so none is isolated.
                var w = j == i + 1 || random.NextDouble() < 0.4 ? random.NextDouble() + 0.05 : 0;
                weights[i, j] = w;
                weights[j, i] = w;
            }
        }

        return weights;
    }
}
