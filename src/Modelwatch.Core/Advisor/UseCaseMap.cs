namespace Modelwatch.Core.Advisor;

/// <summary>What a use case means for the advisor: which boards rate it, which benchmarks to show, what it demands.</summary>
/// <param name="Categories">Arena board categories in order of preference; the first one a rating source has is used.</param>
/// <param name="Benchmarks">Benchmark names to show as evidence, spelled as the catalog stores them (matched ignoring case and punctuation, <see cref="UseCaseMap.BenchmarkKey"/>).</param>
/// <param name="Implied">Constraints the use case implies, merged into the user's (the stricter wins).</param>
public sealed record UseCaseProfile(IReadOnlyList<string> Categories, IReadOnlyList<string> Benchmarks, AdvisorConstraints Implied);

/// <summary>
/// The use case → categories and benchmarks table. Categories are LMArena's text-board names (the 140k vote file
/// carries full, no_tie, hard_6, creative_writing, if, math; the published board adds coding, long_user, multiturn and
/// one board per language). Benchmarks are those the catalog fixtures actually store (llm-stats, models.dev, Aider,
/// OpenRouter's Artificial Analysis indices).
/// </summary>
public static class UseCaseMap
{
    /// <summary>The board every source has: all votes.</summary>
    public const string Full = "full";

    /// <summary>Context a long-documents use needs: a 100-page document is about 60k tokens, with room for the answer and instructions.</summary>
    public const int LongDocumentContext = 128_000;

    /// <summary>The profile of <paramref name="useCase"/>.</summary>
    /// <param name="useCase">What the model is for.</param>
    /// <param name="language">For <see cref="UseCase.Language"/>: the language as boards name it (<c>korean</c>); other use cases ignore it.</param>
    public static UseCaseProfile For(UseCase useCase, string? language = null) => useCase switch
    {
        UseCase.General => new([Full], ["MMLU-Pro", "GPQA", "Artificial Analysis Intelligence Index", "Arena Hard"], new()),

        // hard_6 before full: the 140k votes have no coding tag, and hard prompts are mostly technical.
        UseCase.Coding => new(["coding", "hard_6", Full], ["Aider Polyglot", "LiveCodeBench", "SWE-bench Verified", "HumanEval", "Artificial Analysis Coding Index"], new()),
        UseCase.Math => new(["math", Full], ["MATH", "MATH-500", "AIME 2025", "AIME 2024", "GSM8K"], new()),

        // No catalog benchmark measures prose; the board is the only evidence.
        UseCase.CreativeWriting => new(["creative_writing", Full], [], new()),
        UseCase.InstructionFollowing => new(["if", Full], ["IFEval", "Multi-IF", "COLLIE"], new()),
        UseCase.LongDocuments => new(["long_user", Full], ["MRCR", "Graphwalks parents <128k", "FACTS Grounding"], new() { MinContext = LongDocumentContext }),

        // LMArena's vision board is not in the text file; when no source has it the general board is used (and said).
        UseCase.Multimodal => new(["vision", Full], ["MMMU", "MathVista", "DocVQA", "ChartQA", "AI2D"], new() { InputModalities = ["image"] }),
        UseCase.Language => new(
            string.IsNullOrWhiteSpace(language) ? [Full] : [NormaliseLanguage(language), Full],
            ["MGSM", "MMMLU", "Global-MMLU-Lite"],
            new()),

        // No agent board in the text arena: hard prompts are the nearest; the benchmarks carry the tool-use evidence.
        UseCase.AgenticToolUse => new(["hard_6", Full], ["BFCL", "TAU-bench Retail", "TAU-bench Airline", "ComplexFuncBench", "Artificial Analysis Agentic Index"], new() { ToolCalling = true }),
        _ => throw new ArgumentOutOfRangeException(nameof(useCase), useCase, "Unknown use case."),
    };

    /// <summary>
    /// Languages by their lower-case English names, as LMArena names its per-language boards (<c>english</c>,
    /// <c>korean</c>); tells a language board from the other categories (<c>hard_english_6</c> is not one).
    /// </summary>
    public static IReadOnlySet<string> LanguageNames { get; } = new HashSet<string>(
    [
        "arabic", "bengali", "bulgarian", "catalan", "chinese", "croatian", "czech", "danish", "dutch", "english", "estonian",
        "filipino", "finnish", "french", "german", "greek", "hebrew", "hindi", "hungarian", "indonesian", "italian", "japanese",
        "korean", "latvian", "lithuanian", "malay", "norwegian", "persian", "polish", "portuguese", "romanian", "russian",
        "serbian", "slovak", "slovenian", "spanish", "swahili", "swedish", "tamil", "telugu", "thai", "turkish", "ukrainian",
        "urdu", "vietnamese",
    ], StringComparer.Ordinal);

    /// <summary>A language as boards name it: lower case, trimmed (<c>Korean</c> → <c>korean</c>).</summary>
    public static string NormaliseLanguage(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.Trim().ToLowerInvariant();
    }

    /// <summary>
    /// A benchmark name reduced to lower-case letters and digits, so the catalog's spellings of one benchmark meet
    /// (<c>aider-polyglot</c>, <c>Aider Polyglot</c>, <c>Aider-Polyglot</c>; <c>SWE-bench Verified</c>, <c>SWE-Bench Verified</c>).
    /// </summary>
    public static string BenchmarkKey(string benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        return string.Concat(benchmark.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant));
    }

    /// <summary>
    /// The user's constraints with the use case's implied ones merged in, the stricter of each winning, and a note for
    /// every implied constraint that tightened the request (so the reader knows why models were left out).
    /// </summary>
    /// <param name="user">What the request states.</param>
    /// <param name="implied">What the use case implies (<see cref="UseCaseProfile.Implied"/>).</param>
    /// <param name="useCase">Named in the notes.</param>
    public static (AdvisorConstraints Merged, IReadOnlyList<string> Notes) Merge(AdvisorConstraints user, AdvisorConstraints implied, UseCase useCase)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(implied);
        var notes = new List<string>();
        var merged = user;
        if (implied.MinContext is { } context && (user.MinContext ?? 0) < context)
        {
            merged = merged with { MinContext = context };
            notes.Add(FormattableString.Invariant($"{useCase} implies a context window of at least {context:N0} tokens."));
        }

        var inputs = Union(user.InputModalities, implied.InputModalities, useCase, "input", notes);
        var outputs = Union(user.OutputModalities, implied.OutputModalities, useCase, "output", notes);
        merged = merged with { InputModalities = inputs, OutputModalities = outputs };
        if (implied.ToolCalling && !user.ToolCalling)
        {
            merged = merged with { ToolCalling = true };
            notes.Add($"{useCase} implies tool calling.");
        }

        if (implied.SelfHost && !user.SelfHost)
        {
            merged = merged with { SelfHost = true };
            notes.Add($"{useCase} implies self-hosting.");
        }

        if (implied.Commercial && !user.Commercial)
        {
            merged = merged with { Commercial = true };
            notes.Add($"{useCase} implies commercial use.");
        }

        return (merged, notes);
    }

    private static IReadOnlyList<string> Union(IReadOnlyList<string> user, IReadOnlyList<string> implied, UseCase useCase, string direction, List<string> notes)
    {
        var result = user.Select(m => m.Trim().ToLowerInvariant()).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var m in implied)
        {
            if (!result.Contains(m, StringComparer.Ordinal))
            {
                result.Add(m);
                notes.Add($"{useCase} implies {m} {direction}.");
            }
        }

        return result;
    }
}
