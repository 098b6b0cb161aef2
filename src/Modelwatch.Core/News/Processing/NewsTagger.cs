using System.Text.RegularExpressions;

namespace Modelwatch.Core.News.Processing;

/// <summary>
/// Tags an item with the digest's themes from its title and the lead of its text (keyword patterns on word boundaries,
/// case-insensitive) and from what its source is: an arXiv listing gives papers, a GitHub releases feed gives releases
/// of tools.
/// </summary>
/// <remarks>
/// Keywords rather than a classifier: the themes are few and their vocabulary is stable ("open weights", "per million
/// tokens", "Series B"), the result has to be explainable on the page, and no model may be needed offline. Only the
/// first <see cref="LeadCharacters"/> characters of the text are read, where an article says what it is.
/// </remarks>
public static partial class NewsTagger
{
    public const int LeadCharacters = 1500;

    private static readonly (NewsTags Tag, Regex Pattern)[] Rules =
    [
        (NewsTags.Release, ReleasePattern()),
        (NewsTags.OpenWeights, OpenWeightsPattern()),
        (NewsTags.Benchmark, BenchmarkPattern()),
        (NewsTags.Paper, PaperPattern()),
        (NewsTags.Pricing, PricingPattern()),
        (NewsTags.Funding, FundingPattern()),
        (NewsTags.Policy, PolicyPattern()),
        (NewsTags.Tooling, ToolingPattern()),
    ];

    public static NewsTags Tag(string title, string? text, NewsSourceKind kind)
    {
        ArgumentNullException.ThrowIfNull(title);
        var lead = text is null ? "" : text.Length <= LeadCharacters ? text : text[..LeadCharacters];
        var subject = title + "\n" + lead;
        var tags = kind switch
        {
            NewsSourceKind.Arxiv => NewsTags.Paper,
            NewsSourceKind.GitHubReleases => NewsTags.Release | NewsTags.Tooling,
            _ => NewsTags.None,
        };

        foreach (var (tag, pattern) in Rules)
        {
            if ((tags & tag) == 0 && pattern.IsMatch(subject))
            {
                tags |= tag;
            }
        }

        return tags;
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(?:release[sd]?|releasing|launch(?:es|ed|ing)?|introduc(?:es|ed|ing)|announc(?:es|ed|ing)|unveil(?:s|ed)?|now available|generally available|rolling out|debuts?|v\d+\.\d+(?:\.\d+)?)\b", Options)]
    private static partial Regex ReleasePattern();

    [GeneratedRegex(@"\b(?:open[- ]weights?|open[- ]sourc(?:e|ed|ing)|weights (?:are|now) (?:available|released)|hugging ?face|apache[- ]2(?:\.0)?|mit licen[cs]e|gguf|safetensors|permissive licen[cs]e)\b", Options)]
    private static partial Regex OpenWeightsPattern();

    [GeneratedRegex(@"\b(?:benchmarks?|leaderboards?|evals?|evaluations?|mmlu(?:-pro)?|swe-bench|gpqa|humaneval|arc-agi|aime|chatbot arena|lmarena|state[- ]of[- ]the[- ]art|sota)\b", Options)]
    private static partial Regex BenchmarkPattern();

    [GeneratedRegex(@"\b(?:arxiv|preprint|paper|we propose|we present|we introduce|proceedings|neurips|iclr|icml|acl|emnlp)\b", Options)]
    private static partial Regex PaperPattern();

    [GeneratedRegex(@"\b(?:pricing|prices?|priced|per (?:million|1m|1k|thousand) tokens|cheaper|price cut|free tier|subscription|rate limits?)\b|\$\s?\d", Options)]
    private static partial Regex PricingPattern();

    [GeneratedRegex(@"\b(?:raises?|raised|funding|series [a-f]|seed round|valuation|valued at|investors?|investment|invests?|acquires?|acquired|acquisition|ipo)\b", Options)]
    private static partial Regex FundingPattern();

    [GeneratedRegex(@"\b(?:regulat(?:ion|ions|ors?|ory)|polic(?:y|ies)|eu ai act|ai act|executive order|lawsuit|sues?|sued|copyright|legislation|congress|senate|government|ban(?:s|ned)?|compliance)\b", Options)]
    private static partial Regex PolicyPattern();

    [GeneratedRegex(@"\b(?:sdk|apis?|library|framework|cli|plugin|extension|vllm|llama\.cpp|ollama|transformers|inference (?:server|engine)|toolkit|open-source tool|agents? sdk|integration)\b", Options)]
    private static partial Regex ToolingPattern();
}
