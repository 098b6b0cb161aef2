namespace Modelwatch.Core.Advisor.Parsing;

/// <summary>One field of an advisor question: its key and what it takes, for CLI help and the API's description.</summary>
/// <param name="Key">The key (<c>min-context</c>): the query string's name, the form field's name, the CLI's <c>--min-context</c>.</param>
/// <param name="HelpName">What the value looks like (<c>TOKENS</c>, <c>USD</c>); null for a yes/no flag.</param>
/// <param name="Description">What it means, in English.</param>
/// <param name="Repeatable">Several values may be given (repeated or comma-separated).</param>
public sealed record AdvisorQueryKey(string Key, string? HelpName, string Description, bool Repeatable = false)
{
    /// <summary>A yes/no field: true when given without a value on the command line.</summary>
    public bool IsFlag => HelpName is null;
}

/// <summary>
/// The keys of an advisor question, shared by <c>GET /api/advisor</c>, the page's form and <c>modelwatch advise</c>,
/// so a question asked one way can be asked the other ways unchanged.
/// </summary>
public static class AdvisorQueryKeys
{
    public const string Use = "use";
    public const string Language = "language";
    public const string SelfHost = "self-host";
    public const string Commercial = "commercial";
    public const string MinContext = "min-context";
    public const string Input = "input";
    public const string Output = "output";
    public const string Tools = "tools";
    public const string MaxPrice = "max-price";
    public const string MonthlyBudget = "monthly-budget";
    public const string MonthlyInput = "monthly-input";
    public const string MonthlyOutput = "monthly-output";
    public const string MaxLatency = "max-latency";
    public const string WeightQuality = "w-quality";
    public const string WeightPrice = "w-price";
    public const string WeightSpeed = "w-speed";
    public const string Dataset = "dataset";
    public const string PublishedOnly = "published-only";
    public const string EvalRun = "eval-run";
    public const string EvalTag = "eval-tag";
    public const string Picks = "picks";

    /// <summary>The most picks a short list may hold.</summary>
    public const int MostPicks = 50;

    /// <summary>Every key in the order the form and the help list them.</summary>
    public static IReadOnlyList<AdvisorQueryKey> All { get; } =
    [
        new(Use, "USE", $"What the model is for: {string.Join(", ", UseCaseNames.All)} (default general)."),
        new(Language, "LANGUAGE", "With use=language: the language's English name as the boards name it (korean, german, chinese …)."),
        new(SelfHost, null, "Must run on your own hardware: downloadable weights under a licence that allows it."),
        new(Commercial, null, "Must be usable commercially (the licence, or the API's terms for proprietary models)."),
        new(MinContext, "TOKENS", "Context window of at least this many tokens (128k = 128,000; 1M = 1,000,000)."),
        new(Input, "MODALITIES", "Input the model must accept besides text, comma-separated: image, audio, video, pdf …", Repeatable: true),
        new(Output, "MODALITIES", "Output the model must produce besides text, comma-separated: image, audio …", Repeatable: true),
        new(Tools, null, "Must support tool (function) calling."),
        new(MaxPrice, "USD", "At most this blended price in USD per million tokens (3 parts input to 1 part output)."),
        new(MonthlyBudget, "USD", "At most this many USD a month at the volume of monthly-input and monthly-output."),
        new(MonthlyInput, "TOKENS", "Input tokens a month, for monthly-budget (5M, 200k)."),
        new(MonthlyOutput, "TOKENS", "Output tokens a month, for monthly-budget (1M, 50k)."),
        new(MaxLatency, "SECONDS", "At most this median time to first token in seconds (2, 1.5s, 800ms), as measured by this instance."),
        new(WeightQuality, "WEIGHT", "How much quality matters, 0 or more (default 1; only the ratios of the weights count)."),
        new(WeightPrice, "WEIGHT", "How much a low price matters, 0 or more (default 0.5)."),
        new(WeightSpeed, "WEIGHT", "How much speed matters, 0 or more (default 0)."),
        new(Dataset, "NAME", "Fit the quality ratings from this stored vote dataset (default: automatic)."),
        new(PublishedOnly, null, "Use only LMArena's published boards for quality."),
        new(EvalRun, "ID", "Rank by one of your own evaluation runs (its judge's board, else its people's) instead of a public board."),
        new(EvalTag, "TAG", "With eval-run: only the run's prompts with this tag."),
        new(Picks, "N", $"How many picks to list, 1 to {MostPicks} (default 5)."),
    ];

    /// <summary>The key named <paramref name="key"/> (exact, lower case), or null.</summary>
    public static AdvisorQueryKey? Find(string key) => All.FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.Ordinal));
}
