using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Tests.Votes;

public class WinnerSpellingTests
{
    [Theory]
    [InlineData("model_a", Winner.ModelA)]
    [InlineData("left", Winner.ModelA)]
    [InlineData("model_b", Winner.ModelB)]
    [InlineData("right", Winner.ModelB)]
    [InlineData("tie", Winner.Tie)]
    [InlineData("tie (bothbad)", Winner.BothBad)]
    [InlineData("both_bad", Winner.BothBad)]
    [InlineData(" Model_A ", Winner.ModelA)]
    public void Every_spelling_seen_in_real_files_parses(string text, Winner expected)
    {
        Assert.True(WinnerSpelling.TryParse(text, out var winner));
        Assert.Equal(expected, winner);
    }

    [Theory]
    [InlineData("")]
    [InlineData("model_c")]
    [InlineData("draw")]
    public void Unknown_spellings_are_rejected(string text) => Assert.False(WinnerSpelling.TryParse(text, out _));

    [Fact]
    public void Ties_and_both_bad_score_half_for_each_side()
    {
        Assert.Equal(0.5, Winner.Tie.ScoreForA());
        Assert.Equal(0.5, Winner.BothBad.ScoreForA());
        Assert.Equal(1.0, Winner.ModelA.ScoreForA());
        Assert.Equal(0.0, Winner.ModelB.ScoreForA());
    }
}
