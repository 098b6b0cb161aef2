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
    int BoldB);
