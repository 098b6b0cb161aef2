using Modelwatch.Core.Arena;
using Modelwatch.Core.Evals;

namespace Modelwatch.Core.Tests.Evals;

public sealed class ArenaHardScoringTests
{
    [Theory]
    [InlineData(JudgeVerdict.AMuchBetter, 1.0, 3)]
    [InlineData(JudgeVerdict.ABetter, 1.0, 1)]
    [InlineData(JudgeVerdict.Tie, 0.5, 1)]
    [InlineData(JudgeVerdict.BBetter, 0.0, 1)]
    [InlineData(JudgeVerdict.BMuchBetter, 0.0, 3)]
    public void A_strong_verdict_counts_three_games_a_tie_half(JudgeVerdict verdict, double scoreA, double count)
    {
        var game = ArenaHardScoring.Score(new JudgedGame("x", "y", verdict), ["t"]);
        Assert.Equal((scoreA, count), (game.ScoreA, game.Count));
        Assert.Equal(["t"], game.Tags);
    }

    [Fact]
    public void The_strong_weight_is_a_parameter()
    {
        Assert.Equal(5, ArenaHardScoring.Score(new JudgedGame("x", "y", JudgeVerdict.BMuchBetter), [], strongWeight: 5).Count);
        Assert.Equal(1, ArenaHardScoring.Score(new JudgedGame("x", "y", JudgeVerdict.BBetter), [], strongWeight: 5).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => ArenaHardScoring.Score(new JudgedGame("x", "y", JudgeVerdict.Tie), [], strongWeight: 0));
    }

    [Fact]
    public void A_swapped_game_with_the_mirrored_verdict_scores_the_same_for_each_model()
    {
        foreach (var verdict in Enum.GetValues<JudgeVerdict>())
        {
            var shown = ArenaHardScoring.Score(new JudgedGame("x", "y", verdict), []);
            var swapped = ArenaHardScoring.Score(new JudgedGame("y", "x", JudgeVerdictParser.Mirror(verdict)), []);
            Assert.Equal(shown.ScoreA, 1 - swapped.ScoreA);
            Assert.Equal(shown.Count, swapped.Count);
        }
    }

    [Theory]
    [InlineData(ArenaChoice.A, 1.0)]
    [InlineData(ArenaChoice.B, 0.0)]
    [InlineData(ArenaChoice.Tie, 0.5)]
    [InlineData(ArenaChoice.BothBad, 0.5)]
    public void A_person_s_vote_is_one_game(ArenaChoice choice, double scoreA)
    {
        var game = ArenaHardScoring.Human("x", "y", choice, []);
        Assert.Equal((scoreA, 1.0), (game.ScoreA, game.Count));
    }
}
