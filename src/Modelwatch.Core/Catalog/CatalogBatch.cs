namespace Modelwatch.Core.Catalog;

/// <summary>
/// Everything one read of one source produced, before identity matching and storage: the importers' output and
/// the store's input. Importers only parse; the store decides what is new, changed or unchanged.
/// </summary>
/// <param name="Source">One of <see cref="CatalogSources"/>.</param>
/// <param name="Location">The path or URL read (URLs without query strings, which may hold keys).</param>
public sealed record CatalogBatch(string Source, string Location)
{
    /// <summary>The source's own version or date when it states one (a commit, <c>last_updated</c>).</summary>
    public string? SourceVersion { get; init; }

    public IReadOnlyList<SourceModel> Models { get; init; } = [];

    public IReadOnlyList<SourceOffering> Offerings { get; init; } = [];

    /// <summary>The providers the offerings name, with display names, when the source lists them (models.dev).</summary>
    public IReadOnlyList<SourceProvider> Providers { get; init; } = [];

    public IReadOnlyList<SourceBenchmarkScore> BenchmarkScores { get; init; } = [];

    public IReadOnlyList<SourceLeaderboardEntry> LeaderboardEntries { get; init; } = [];

    /// <summary>Name-matching rules the source publishes (genai-prices): they feed identity matching.</summary>
    public IReadOnlyList<SourceMatchRule> MatchRules { get; init; } = [];

    public IReadOnlyList<RecordProblem> Problems { get; init; } = [];
}

/// <summary>A rule of the genai-prices kind that says which external ids name <paramref name="ModelRef"/>.</summary>
public sealed record SourceMatchRule(string ModelRef, MatchRule Rule);

/// <summary>
/// genai-prices' match rules: equals, starts_with, ends_with, contains, regex, and the or/and combinators. The
/// genai-prices importer writes its <c>regex</c> clauses as <see cref="CaseSensitiveRegexRule"/>, as genai-prices
/// applies them; <see cref="RegexRule"/> ignores case.
/// </summary>
public abstract record MatchRule
{
    /// <summary>Whether <paramref name="id"/> (already lower-cased by the caller when the rule is case-insensitive) matches.</summary>
    public abstract bool Matches(string id);

    public sealed record EqualsRule(string Value) : MatchRule
    {
        public override bool Matches(string id) => string.Equals(id, Value, StringComparison.OrdinalIgnoreCase);
    }

    public sealed record StartsWithRule(string Value) : MatchRule
    {
        public override bool Matches(string id) => id.StartsWith(Value, StringComparison.OrdinalIgnoreCase);
    }

    public sealed record EndsWithRule(string Value) : MatchRule
    {
        public override bool Matches(string id) => id.EndsWith(Value, StringComparison.OrdinalIgnoreCase);
    }

    public sealed record ContainsRule(string Value) : MatchRule
    {
        public override bool Matches(string id) => id.Contains(Value, StringComparison.OrdinalIgnoreCase);
    }

    public sealed record RegexRule(string Pattern) : MatchRule
    {
        private readonly System.Text.RegularExpressions.Regex _regex = new(
            Pattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(100));

        public override bool Matches(string id) => _regex.IsMatch(id);
    }

    /// <summary>
    /// genai-prices' <c>regex</c> clause as genai-prices applies it: Python's <c>re.search</c> without flags, so
    /// case-sensitive (the other clauses compare lower-cased text). Equal when the patterns are equal.
    /// </summary>
    public sealed record CaseSensitiveRegexRule(string Pattern) : MatchRule
    {
        private readonly System.Text.RegularExpressions.Regex _regex = new(
            Pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

        public override bool Matches(string id) => _regex.IsMatch(id);

        public bool Equals(CaseSensitiveRegexRule? other) => other is not null && string.Equals(Pattern, other.Pattern, StringComparison.Ordinal);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Pattern);
    }

    public sealed record OrRule(IReadOnlyList<MatchRule> Rules) : MatchRule
    {
        public override bool Matches(string id) => Rules.Any(r => r.Matches(id));
    }

    public sealed record AndRule(IReadOnlyList<MatchRule> Rules) : MatchRule
    {
        public override bool Matches(string id) => Rules.All(r => r.Matches(id));
    }
}
