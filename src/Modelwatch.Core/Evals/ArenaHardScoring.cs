namespace Modelwatch.Core.Evals;

/// <summary>One LLM verdict on a pair shown as <paramref name="ModelA"/> then <paramref name="ModelB"/>.</summary>
public sealed record JudgedGame(string ModelA, string ModelB, JudgeVerdict Verdict);

/// <summary>
/// One comparison as the rating engine takes it: <paramref name="ScoreA"/> is 1 (A won), ½ (tie) or 0 (B won),
/// counted <paramref name="Count"/> times; <paramref name="Tags"/> are the prompt's tags (for per-tag boards).
/// </summary>
public sealed record EvalBoardGame(string ModelA, string ModelB, double ScoreA, double Count, IReadOnlyList<string> Tags);

/// <summary>
/// Arena-Hard-Auto's scoring (lmarena/arena-hard-auto <c>show_result.py</c>, <c>load_judgments</c>): a slight verdict
/// is one game, a strong one (A≫B, B≫A) counts <c>weight</c> times (3 by default), A=B is one tie. Each pair is judged
/// twice with the sides swapped; there the second game's verdict is mirrored so both score the same model. Here every
/// game keeps the names of the side it was shown on, so mirroring is the pair's orientation and nothing is lost.
/// </summary>
public static class ArenaHardScoring
{
    /// <summary>show_result.py's default weight of a strong verdict.</summary>
    public const int DefaultStrongWeight = 3;

    /// <summary>The game as the rating engine counts it.</summary>
    public static EvalBoardGame Score(JudgedGame game, IReadOnlyList<string> tags, int strongWeight = DefaultStrongWeight)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentOutOfRangeException.ThrowIfLessThan(strongWeight, 1);
        var (score, count) = game.Verdict switch
        {
            JudgeVerdict.AMuchBetter => (1.0, strongWeight),
            JudgeVerdict.ABetter => (1.0, 1),
            JudgeVerdict.Tie => (0.5, 1),
            JudgeVerdict.BBetter => (0.0, 1),
            JudgeVerdict.BMuchBetter => (0.0, strongWeight),
            _ => throw new ArgumentOutOfRangeException(nameof(game), game.Verdict, "not a verdict on the five-point scale"),
        };
        return new EvalBoardGame(game.ModelA, game.ModelB, score, count, tags);
    }

    /// <summary>
    /// The verdict as a signed strength for the model shown first: +2 (A≫B), +1, 0, −1, −2 (B≫A). Summing a pair's two
    /// games after mirroring the swapped one gives the judge's one preference (<see cref="VerdictAgreement"/>).
    /// </summary>
    public static int Signed(JudgeVerdict verdict) => verdict switch
    {
        JudgeVerdict.AMuchBetter => 2,
        JudgeVerdict.ABetter => 1,
        JudgeVerdict.Tie => 0,
        JudgeVerdict.BBetter => -1,
        JudgeVerdict.BMuchBetter => -2,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    /// <summary>A person's vote as a game: A won, B won, or a tie (tie and both-bad are ½ each, as the arena counts them).</summary>
    public static EvalBoardGame Human(string modelA, string modelB, Arena.ArenaChoice choice, IReadOnlyList<string> tags) => new(
        modelA,
        modelB,
        choice switch
        {
            Arena.ArenaChoice.A => 1.0,
            Arena.ArenaChoice.B => 0.0,
            _ => 0.5,
        },
        1,
        tags);
}
