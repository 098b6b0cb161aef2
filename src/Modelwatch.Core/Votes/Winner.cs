namespace Modelwatch.Core.Votes;

/// <summary>Who won a pairwise vote. Ties and both-bad count as half a win for each side in every fit.</summary>
public enum Winner : byte
{
    ModelA = 0,
    ModelB = 1,
    Tie = 2,
    BothBad = 3,
}

/// <summary>The winner spellings found in real vote files, and what each one means.</summary>
public static class WinnerSpelling
{
    /// <summary>Every spelling accepted, for error messages: FastChat's old and new dumps and the left/right datasets.</summary>
    public static IReadOnlyList<string> Accepted { get; } =
        ["model_a", "model_b", "tie", "tie (bothbad)", "both_bad", "left", "right"];

    /// <summary>Parses a winner value, case-insensitively, ignoring surrounding white space.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Winner winner)
    {
        text = text.Trim();
        if (text.Equals("model_a", StringComparison.OrdinalIgnoreCase) || text.Equals("left", StringComparison.OrdinalIgnoreCase))
        {
            winner = Winner.ModelA;
            return true;
        }

        if (text.Equals("model_b", StringComparison.OrdinalIgnoreCase) || text.Equals("right", StringComparison.OrdinalIgnoreCase))
        {
            winner = Winner.ModelB;
            return true;
        }

        if (text.Equals("tie", StringComparison.OrdinalIgnoreCase))
        {
            winner = Winner.Tie;
            return true;
        }

        if (text.Equals("both_bad", StringComparison.OrdinalIgnoreCase) || text.Equals("tie (bothbad)", StringComparison.OrdinalIgnoreCase))
        {
            winner = Winner.BothBad;
            return true;
        }

        winner = default;
        return false;
    }

    /// <summary>The score of side A: 1 for a win, ½ for a tie or both-bad, 0 for a loss.</summary>
    public static double ScoreForA(this Winner winner) => winner switch
    {
        Winner.ModelA => 1.0,
        Winner.ModelB => 0.0,
        _ => 0.5,
    };

    /// <summary>True for a tie and for both-bad: neither side won.</summary>
    public static bool IsTie(this Winner winner) => winner is Winner.Tie or Winner.BothBad;

    /// <summary>The canonical spelling written back out (FastChat's newer dumps).</summary>
    public static string ToSpelling(this Winner winner) => winner switch
    {
        Winner.ModelA => "model_a",
        Winner.ModelB => "model_b",
        Winner.Tie => "tie",
        _ => "both_bad",
    };
}
