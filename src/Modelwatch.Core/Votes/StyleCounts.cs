namespace Modelwatch.Core.Votes;

/// <summary>
/// Style counters of the two answers of a vote, as FastChat's <c>conv_metadata</c> stores them: assistant tokens,
/// markdown headers (h1–h6 summed), list items (ordered + unordered) and bold spans (<c>**</c> + <c>__</c>).
/// Style control turns each pair into a feature <c>(A − B) / (A + B + 1)</c>.
/// </summary>
public readonly record struct StyleCounts(
    int TokensA,
    int TokensB,
    int HeadersA,
    int HeadersB,
    int ListsA,
    int ListsB,
    int BoldA,
    int BoldB)
{
    /// <summary>
    /// Stands in the style column for a vote without style metadata. All counters are −1, so it cannot be
    /// mistaken for two real (if empty) answers, whose counters are all zero.
    /// </summary>
    public static StyleCounts Unknown { get; } = new(-1, -1, -1, -1, -1, -1, -1, -1);

    /// <summary>True when every counter is a count (≥ 0); false for <see cref="Unknown"/> and any negative counter.</summary>
    public bool IsKnown =>
        (TokensA | TokensB | HeadersA | HeadersB | ListsA | ListsB | BoldA | BoldB) >= 0;
}
