using Modelwatch.Core.Evals;
using Modelwatch.Core.Ratings;

namespace Modelwatch.Core.Tests.Evals;

public sealed class EvalBoardTests
{
    /// <summary>Two candidates against a baseline on six prompts, both orders, a judge without position bias.</summary>
    private static List<EvalBoardGame> Games()
    {
        JudgeVerdict[] good = [JudgeVerdict.AMuchBetter, JudgeVerdict.ABetter, JudgeVerdict.Tie, JudgeVerdict.ABetter, JudgeVerdict.BBetter, JudgeVerdict.ABetter];
        JudgeVerdict[] poor = [JudgeVerdict.BBetter, JudgeVerdict.Tie, JudgeVerdict.BMuchBetter, JudgeVerdict.ABetter, JudgeVerdict.BBetter, JudgeVerdict.BBetter];
        var games = new List<EvalBoardGame>();
        for (var i = 0; i < good.Length; i++)
        {
            IReadOnlyList<string> tags = i < 2 ? ["coding"] : ["writing"];
            foreach (var (model, verdicts) in new[] { ("good", good), ("poor", poor) })
            {
                games.Add(ArenaHardScoring.Score(new JudgedGame(model, "base", verdicts[i]), tags));
                games.Add(ArenaHardScoring.Score(new JudgedGame("base", model, JudgeVerdictParser.Mirror(verdicts[i])), tags));
            }
        }

        return games;
    }

    [Fact]
    public void Ranks_by_the_judge_s_preference_with_intervals_and_the_baseline_at_the_anchor()
    {
        var report = EvalBoard.Build(Games(), new EvalBoardOptions { AnchorModel = "base", AnchorRating = 1000 })!;
        Assert.Equal(["good", "base", "poor"], report.Entries.Select(e => e.Model));
        Assert.Equal(1000, report.Entries.Single(e => e.Model == "base").Rating, 9);
        Assert.All(report.Entries, e => Assert.InRange(e.Rating, e.Lower, e.Upper));

        // Arena-Hard's score of "good": (3+1+½+1+0+1) wins in 2·(3+1+1+1+1+1) games per order, the same in both orders.
        Assert.Equal(6.5 / 8, report.Entries.Single(e => e.Model == "good").WinRate, 12);
        // Games counted: good 3+1+1+1+1+1 = 8 and poor 1+1+3+1+1+1 = 8, each in both orders.
        Assert.Equal(2 * (8 + 8), report.VotesUsed);
    }

    [Fact]
    public void A_tag_s_board_rates_only_the_games_on_prompts_with_that_tag()
    {
        var games = Games();
        var coding = EvalBoard.Build(games, new EvalBoardOptions(), "coding")!;
        Assert.Equal(games.Where(g => g.Tags.Contains("coding")).Sum(g => g.Count), coding.VotesUsed);
        Assert.Equal(["coding", "writing"], EvalBoard.Tags(games));
        Assert.Null(EvalBoard.Build(games, new EvalBoardOptions(), "math"));
        Assert.Null(EvalBoard.Build([], new EvalBoardOptions()));
    }

    [Fact]
    public void Bootstrap_intervals_are_an_option()
    {
        var report = EvalBoard.Build(Games(), new EvalBoardOptions { Intervals = IntervalMethod.Bootstrap, BootstrapRounds = 50, Seed = 3 })!;
        Assert.Equal(IntervalMethod.Bootstrap, report.Request.Intervals);
        Assert.All(report.Entries, e => Assert.True(e.Upper > e.Lower, $"{e.Model}: [{e.Lower}, {e.Upper}]"));
    }
}
