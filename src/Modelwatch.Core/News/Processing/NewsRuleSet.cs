using System.Text.RegularExpressions;

namespace Modelwatch.Core.News.Processing;

/// <summary>A user's rule: a keyword (phrase, whole words, any case) or a regular expression over title and text.</summary>
/// <param name="Pattern">The keyword or the .NET regular expression.</param>
/// <param name="IsRegex">True for a regular expression (case-insensitive, culture-invariant, run with a time limit).</param>
/// <param name="Mute">True to hide matching items; false to boost them by <paramref name="Weight"/>.</param>
/// <param name="Weight">The boost added to a matching item's score (negative lowers it); ignored by mute rules.</param>
/// <param name="SourceId">Only items of this source; null for all.</param>
public sealed record NewsRuleSpec(string Pattern, bool IsRegex, bool Mute, double Weight, int? SourceId);

/// <summary>What the rules say about an item: hidden or not, and the sum of the boosts that matched.</summary>
public sealed record RuleVerdict(bool Muted, double Boost);

/// <summary>
/// Keyword and regular-expression rules that mute or boost items (what miniflux and FreshRSS users ask for as filters).
/// Patterns are compiled once; a regex that runs longer than <see cref="MatchTimeout"/> on one item counts as not matching
/// it, so a catastrophic pattern a user typed cannot stall the fetch job.
/// </summary>
public sealed class NewsRuleSet
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly (NewsRuleSpec Spec, Regex Regex)[] _rules;

    /// <exception cref="ArgumentException">A pattern is empty, or not a valid regular expression (the message names it).</exception>
    public NewsRuleSet(IEnumerable<NewsRuleSpec> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules.Select(Compile)];
    }

    /// <summary>How many regex evaluations hit the time limit (counted as no match).</summary>
    public int TimedOut { get; private set; }

    public RuleVerdict Evaluate(int sourceId, string title, string? text)
    {
        ArgumentNullException.ThrowIfNull(title);
        var subject = text is null ? title : title + "\n" + text;
        var muted = false;
        var boost = 0.0;
        foreach (var (spec, regex) in _rules)
        {
            if (spec.SourceId is int only && only != sourceId)
            {
                continue;
            }

            if (spec.Mute && muted)
            {
                continue;
            }

            bool hit;
            try
            {
                hit = regex.IsMatch(subject);
            }
            catch (RegexMatchTimeoutException)
            {
                TimedOut++;
                hit = false;
            }

            if (!hit)
            {
                continue;
            }

            if (spec.Mute)
            {
                muted = true;
            }
            else
            {
                boost += spec.Weight;
            }
        }

        return new RuleVerdict(muted, boost);
    }

    private static (NewsRuleSpec, Regex) Compile(NewsRuleSpec spec, int index)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrWhiteSpace(spec.Pattern))
        {
            throw new ArgumentException($"News rule {index + 1} has an empty pattern.", nameof(spec));
        }

        if (!double.IsFinite(spec.Weight))
        {
            throw new ArgumentException($"News rule {index + 1} ('{spec.Pattern}') has a weight that is not a finite number.", nameof(spec));
        }

        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        if (!spec.IsRegex)
        {
            // Whole words: \b only where the keyword starts or ends with a word character ("C++" has none at its end).
            var phrase = spec.Pattern.Trim();
            var words = phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
            var pattern = (IsWordChar(phrase[0]) ? @"\b" : "") + string.Join(@"\s+", words) + (IsWordChar(phrase[^1]) ? @"\b" : "");
            return (spec, new Regex(pattern, options, MatchTimeout));
        }

        try
        {
            return (spec, new Regex(spec.Pattern, options, MatchTimeout));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"News rule {index + 1}: '{spec.Pattern}' is not a valid regular expression: {e.Message}", nameof(spec), e);
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
