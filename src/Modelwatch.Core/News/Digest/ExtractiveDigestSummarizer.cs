using Modelwatch.Core.News.Summaries;

namespace Modelwatch.Core.News.Digest;

/// <summary>
/// The summariser that always works offline: each story's lead item summarised by TextRank, in the item's own
/// language (nothing is translated without a model), and a recap of the top stories' headlines each with the best
/// sentence of its lead item and the lead item's link.
/// </summary>
public static class ExtractiveDigestSummarizer
{
    public const string Name = "TextRank (extractive)";

    /// <summary>Longest text read per item; TextRank's graph is quadratic in sentences and a lead says what matters.</summary>
    public const int MaxTextLength = 6000;

    public static DigestSummaries Summarize(DigestPlan plan, DigestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        options ??= DigestOptions.Default;
        var stories = new Dictionary<long, StorySummary>();
        foreach (var story in plan.Stories)
        {
            var text = StoryText(story, options.SummarySentences);
            if (text.Length > 0)
            {
                stories[story.Key] = new StorySummary(text);
            }
        }

        var recap = new List<RecapClaim>();
        foreach (var story in plan.Stories.Where(s => s.Links.Count > 0).Take(options.RecapClaims))
        {
            var best = stories.TryGetValue(story.Key, out var summary) ? ExtractiveSummary.Of(summary.Text, 1).Text : "";
            var claim = best.Length > 0 ? $"{story.Title}: {best}" : story.Title;
            recap.Add(new RecapClaim(claim, [story.Links[0]]));
        }

        return new DigestSummaries(stories, recap, Name, []);
    }

    /// <summary>The lead item's best sentences, unless they only repeat the headline.</summary>
    public static string StoryText(PlannedStory story, int sentences)
    {
        ArgumentNullException.ThrowIfNull(story);
        var text = story.Lead.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var summary = ExtractiveSummary.Of(text.Length > MaxTextLength ? text[..MaxTextLength] : text, sentences).Text;
        return string.Equals(Normalize(summary), Normalize(story.Title), StringComparison.Ordinal) ? "" : summary;
    }

    private static string Normalize(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
