namespace Modelwatch.Core.News.Summaries;

/// <summary>The sentences TextRank chose, in the order the text had them, and how the ranking ended.</summary>
public sealed record ExtractiveSummary(IReadOnlyList<string> Sentences, TextRankResult Ranking)
{
    public string Text => string.Join(' ', Sentences);

    /// <summary>
    /// The <paramref name="count"/> best sentences of <paramref name="text"/>, kept in reading order (a summary read out
    /// of order loses its thread). Sentences shorter than <paramref name="minLength"/> characters (bylines, "Read more")
    /// are not candidates unless nothing else is left.
    /// </summary>
    public static ExtractiveSummary Of(string? text, int count, int minLength = 20, TextRankOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var all = SentenceSplitter.Split(text);
        var candidates = all.Where(s => s.Length >= minLength).ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. all];
        }

        var ranking = TextRank.Rank(candidates, options);
        var chosen = ranking.Order().Take(count).Order().Select(i => candidates[i]).ToList();
        return new ExtractiveSummary(chosen, ranking);
    }
}
