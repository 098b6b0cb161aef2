using System.Globalization;

namespace Modelwatch.Core.News.Digest;

/// <summary>
/// The fixed words of a digest (title, header, section names) in the digest's language. They are part of the
/// content (the Markdown, the e-mail, the Atom entry), not of the page, so they live here rather than in the web
/// app's resources; a language without its own labels gets the English ones.
/// </summary>
public sealed class DigestLabels
{
    private static readonly DigestLabels English = new(
        "AI news", "Read {0} sources: {1} items, {2} stories, {3} merged as duplicates.", "Recap", "and {0} more",
        "Other news",
        new Dictionary<NewsTags, string>
        {
            [NewsTags.Release] = "Releases",
            [NewsTags.OpenWeights] = "Open weights",
            [NewsTags.Benchmark] = "Benchmarks",
            [NewsTags.Paper] = "Papers",
            [NewsTags.Pricing] = "Pricing",
            [NewsTags.Funding] = "Funding",
            [NewsTags.Policy] = "Policy",
            [NewsTags.Tooling] = "Tooling",
        },
        "Summaries: {0}");

    private static readonly DigestLabels Korean = new(
        "AI 뉴스", "출처 {0}곳에서 항목 {1}개, 이야기 {2}개를 읽었고 중복 {3}개를 합쳤습니다.", "요약", "외 {0}개",
        "기타 소식",
        new Dictionary<NewsTags, string>
        {
            [NewsTags.Release] = "출시",
            [NewsTags.OpenWeights] = "공개 가중치",
            [NewsTags.Benchmark] = "벤치마크",
            [NewsTags.Paper] = "논문",
            [NewsTags.Pricing] = "가격",
            [NewsTags.Funding] = "투자",
            [NewsTags.Policy] = "정책",
            [NewsTags.Tooling] = "도구",
        },
        "요약: {0}");

    private readonly string _name;
    private readonly string _header;
    private readonly string _more;
    private readonly string _other;
    private readonly Dictionary<NewsTags, string> _themes;
    private readonly string _summarizedBy;

    private DigestLabels(string name, string header, string recap, string more, string other, Dictionary<NewsTags, string> themes, string summarizedBy)
    {
        _name = name;
        _header = header;
        RecapHeading = recap;
        _more = more;
        _other = other;
        _themes = themes;
        _summarizedBy = summarizedBy;
    }

    public string RecapHeading { get; }

    /// <summary>The labels of a language tag ("ko", "ko-KR"); English for others.</summary>
    public static DigestLabels For(string? language) =>
        DigestLanguages.Primary(language) == "ko" ? Korean : English;

    /// <summary>"AI news, 2026-12-03" for a UTC day; "AI news, 2026-12-01 – 2026-12-03" for longer windows.</summary>
    public string Title(DigestWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var from = window.From.UtcDateTime;
        var to = window.To.UtcDateTime;
        var day = from.TimeOfDay == TimeSpan.Zero && to - from == TimeSpan.FromDays(1);
        return day
            ? string.Create(CultureInfo.InvariantCulture, $"{_name}, {from:yyyy-MM-dd}")
            : string.Create(CultureInfo.InvariantCulture, $"{_name}, {from:yyyy-MM-dd HH:mm} – {to:yyyy-MM-dd HH:mm} UTC");
    }

    public string Header(DigestCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return string.Format(CultureInfo.InvariantCulture, _header,
            counts.SourcesRead.ToString("N0", CultureInfo.InvariantCulture), counts.Items.ToString("N0", CultureInfo.InvariantCulture),
            counts.Stories.ToString("N0", CultureInfo.InvariantCulture), counts.DuplicatesMerged.ToString("N0", CultureInfo.InvariantCulture));
    }

    public string Section(NewsTags theme) => _themes.GetValueOrDefault(theme, _other);

    public string More(int count) => string.Format(CultureInfo.InvariantCulture, _more, count.ToString("N0", CultureInfo.InvariantCulture));

    public string SummarizedBy(string by) => string.Format(CultureInfo.InvariantCulture, _summarizedBy, by);
}

/// <summary>Language tags a digest can be written in, and their names for a model's prompt.</summary>
public static class DigestLanguages
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["en"] = "English",
        ["ko"] = "Korean",
        ["ja"] = "Japanese",
        ["zh"] = "Chinese",
        ["de"] = "German",
        ["fr"] = "French",
        ["es"] = "Spanish",
        ["pt"] = "Portuguese",
        ["it"] = "Italian",
        ["ru"] = "Russian",
    };

    /// <summary>The tags offered in forms, English first.</summary>
    public static IReadOnlyList<string> Offered { get; } = [.. Names.Keys];

    /// <summary>The primary subtag, lower case ("ko-KR" → "ko"); "en" when empty.</summary>
    public static string Primary(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return "en";
        }

        var primary = language.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary.Length == 0 ? "en" : primary;
    }

    /// <summary>The language's English name, for the model's prompt; the tag itself when unknown.</summary>
    public static string Name(string? language) => Names.GetValueOrDefault(Primary(language), language ?? "English");

    /// <summary>Whether <paramref name="language"/> is a plausible BCP 47 tag (letters, digits and hyphens, 2–35 characters).</summary>
    public static bool IsValid(string? language) =>
        language is { Length: >= 2 and <= 35 } && language.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && char.IsAsciiLetter(language[0]);
}
