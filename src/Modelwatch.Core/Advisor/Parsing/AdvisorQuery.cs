using System.Text;
using System.Text.RegularExpressions;
using K = Modelwatch.Core.Advisor.Parsing.AdvisorQueryKeys;

namespace Modelwatch.Core.Advisor.Parsing;

/// <summary>
/// Reads an advisor question from key/value fields (the API's query string, the page's form, the CLI's options: the
/// keys of <see cref="AdvisorQueryKeys"/>) and writes one back (<see cref="ToQuery"/>), so a question asked in one
/// place can be linked to or repeated in another. Blank values count as not given (an empty form field); an unknown
/// key, a value given twice or one that cannot be read is an <see cref="AdvisorQueryException"/> naming the field.
/// </summary>
public static partial class AdvisorQuery
{
    /// <summary>Reads the question in <paramref name="fields"/>.</summary>
    /// <exception cref="AdvisorQueryException">A field is unknown, repeated, unreadable or contradicts another.</exception>
    public static AdvisorRequest Parse(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var given = Collect(fields);
        string? One(string key) => given.TryGetValue(key, out var values) ? values[0] : null;

        var language = One(K.Language) is { } l ? LanguageName(l) : null;
        var use = One(K.Use) is { } u
            ? UseCaseNames.Find(u) ?? throw new AdvisorQueryException(K.Use, $"'{u}' is not a use case; expected one of {string.Join(", ", UseCaseNames.All)}.")
            : language is null ? UseCase.General : UseCase.Language;
        if (use == UseCase.Language && language is null)
        {
            throw new AdvisorQueryException(K.Language, "is needed with use=language: the language's English name as the boards name it (korean, german).");
        }

        if (use != UseCase.Language && language is not null)
        {
            throw new AdvisorQueryException(K.Language, $"applies to use=language only, not to use={UseCaseNames.Of(use)}.");
        }

        var minContext = One(K.MinContext) is { } c ? AdvisorValues.TokenCount(K.MinContext, c) : (long?)null;
        if (minContext is < 1 or > int.MaxValue)
        {
            throw new AdvisorQueryException(K.MinContext, $"'{One(K.MinContext)}' is out of range; expected 1 to {int.MaxValue:N0} tokens.");
        }

        var weights = new AdvisorWeights();
        weights = new AdvisorWeights(
            One(K.WeightQuality) is { } wq ? AdvisorValues.Weight(K.WeightQuality, wq) : weights.Quality,
            One(K.WeightPrice) is { } wp ? AdvisorValues.Weight(K.WeightPrice, wp) : weights.Price,
            One(K.WeightSpeed) is { } ws ? AdvisorValues.Weight(K.WeightSpeed, ws) : weights.Speed);
        if (weights.Quality + weights.Price + weights.Speed <= 0)
        {
            throw new AdvisorQueryException(K.WeightQuality, "quality, price and speed all weigh 0; give at least one weight above 0.");
        }

        var dataset = One(K.Dataset)?.Trim();
        var publishedOnly = Flag(K.PublishedOnly);
        if (publishedOnly && dataset is not null)
        {
            throw new AdvisorQueryException(K.PublishedOnly, $"cannot be combined with dataset={dataset}: choose a vote dataset or LMArena's published boards.");
        }

        var evalRun = One(K.EvalRun) is { } r ? AdvisorValues.Whole(K.EvalRun, r, 1, int.MaxValue) : (int?)null;
        var evalTag = One(K.EvalTag)?.Trim();
        if (evalRun is not null && (dataset is not null || publishedOnly))
        {
            throw new AdvisorQueryException(K.EvalRun, "cannot be combined with dataset or published-only: rank by your evaluation run or by a public board.");
        }

        if (evalTag is not null && evalRun is null)
        {
            throw new AdvisorQueryException(K.EvalTag, "applies with eval-run only: the tag of that run's prompts to rank by.");
        }

        return new AdvisorRequest
        {
            UseCase = use,
            Language = language,
            Constraints = new AdvisorConstraints
            {
                SelfHost = Flag(K.SelfHost),
                Commercial = Flag(K.Commercial),
                MinContext = (int?)minContext,
                InputModalities = Modalities(K.Input),
                OutputModalities = Modalities(K.Output),
                ToolCalling = Flag(K.Tools),
                MaxPricePerMillion = One(K.MaxPrice) is { } p ? AdvisorValues.Usd(K.MaxPrice, p) : null,
                Monthly = Monthly(),
                MaxLatencySeconds = One(K.MaxLatency) is { } s ? AdvisorValues.Seconds(K.MaxLatency, s) : null,
            },
            Weights = weights,
            RatingSource = new RatingSourceChoice(dataset, publishedOnly, evalRun, evalTag),
            Picks = One(K.Picks) is { } n ? AdvisorValues.Whole(K.Picks, n, 1, K.MostPicks) : new AdvisorRequest().Picks,
        };

        bool Flag(string key) => One(key) is { } v && AdvisorValues.YesNo(key, v);

        IReadOnlyList<string> Modalities(string key)
        {
            if (!given.TryGetValue(key, out var values))
            {
                return [];
            }

            var names = new List<string>();
            foreach (var name in values.SelectMany(v => v.Split(',')).Select(v => v.Trim().ToLowerInvariant()).Where(v => v.Length > 0))
            {
                if (!ModalityPattern().IsMatch(name))
                {
                    throw new AdvisorQueryException(key, $"'{name}' is not a modality name; expected names such as image, audio, video, pdf, comma-separated.");
                }

                // Text is what every model takes and gives; the constraint is about what comes on top of it.
                if (name != "text" && !names.Contains(name))
                {
                    names.Add(name);
                }
            }

            return names;
        }

        MonthlyBudget? Monthly()
        {
            var budget = One(K.MonthlyBudget) is { } b ? AdvisorValues.Usd(K.MonthlyBudget, b) : (decimal?)null;
            var input = One(K.MonthlyInput) is { } i ? AdvisorValues.TokenCount(K.MonthlyInput, i) : (long?)null;
            var output = One(K.MonthlyOutput) is { } o ? AdvisorValues.TokenCount(K.MonthlyOutput, o) : (long?)null;
            if (budget is null)
            {
                return input is null && output is null
                    ? null
                    : throw new AdvisorQueryException(K.MonthlyBudget, $"is needed with {(input is null ? K.MonthlyOutput : K.MonthlyInput)}: the volume is only used to check a monthly budget in USD.");
            }

            if ((input ?? 0) + (output ?? 0) <= 0)
            {
                throw new AdvisorQueryException(K.MonthlyInput, "a monthly budget needs the monthly volume: give monthly-input and/or monthly-output tokens (5M, 200k).");
            }

            return new MonthlyBudget(budget.Value, input ?? 0, output ?? 0);
        }
    }

    /// <summary>The fields of <paramref name="request"/> that differ from the defaults (the use case always), in key order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ToFields(AdvisorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                fields.Add(new(key, value));
            }
        }

        var c = request.Constraints;
        var defaults = new AdvisorRequest();
        Add(K.Use, UseCaseNames.Of(request.UseCase));
        Add(K.Language, request.Language);
        Add(K.SelfHost, c.SelfHost ? "true" : null);
        Add(K.Commercial, c.Commercial ? "true" : null);
        Add(K.MinContext, c.MinContext is { } m ? AdvisorValues.Tokens(m) : null);
        Add(K.Input, c.InputModalities.Count > 0 ? string.Join(',', c.InputModalities) : null);
        Add(K.Output, c.OutputModalities.Count > 0 ? string.Join(',', c.OutputModalities) : null);
        Add(K.Tools, c.ToolCalling ? "true" : null);
        Add(K.MaxPrice, c.MaxPricePerMillion is { } p ? AdvisorValues.Number(p) : null);
        Add(K.MonthlyBudget, c.Monthly is { } b ? AdvisorValues.Number(b.MaxUsd) : null);
        Add(K.MonthlyInput, c.Monthly is { InputTokens: > 0 } bi ? AdvisorValues.Tokens(bi.InputTokens) : null);
        Add(K.MonthlyOutput, c.Monthly is { OutputTokens: > 0 } bo ? AdvisorValues.Tokens(bo.OutputTokens) : null);
        Add(K.MaxLatency, c.MaxLatencySeconds is { } s ? AdvisorValues.Number(s) : null);
        Add(K.WeightQuality, request.Weights.Quality != defaults.Weights.Quality ? AdvisorValues.Number(request.Weights.Quality) : null);
        Add(K.WeightPrice, request.Weights.Price != defaults.Weights.Price ? AdvisorValues.Number(request.Weights.Price) : null);
        Add(K.WeightSpeed, request.Weights.Speed != defaults.Weights.Speed ? AdvisorValues.Number(request.Weights.Speed) : null);
        Add(K.Dataset, request.RatingSource.Dataset);
        Add(K.PublishedOnly, request.RatingSource.PublishedOnly ? "true" : null);
        Add(K.EvalRun, request.RatingSource.EvalRun?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(K.EvalTag, request.RatingSource.EvalTag);
        Add(K.Picks, request.Picks != defaults.Picks ? request.Picks.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return fields;
    }

    /// <summary>The query string (without <c>?</c>) that <see cref="Parse"/> reads back as <paramref name="request"/>.</summary>
    public static string ToQuery(AdvisorRequest request) =>
        string.Join('&', ToFields(request).Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    /// <summary>The same question as a command line: <c>modelwatch advise --use coding --self-host --min-context 128k</c>.</summary>
    public static string ToCommandLine(AdvisorRequest request)
    {
        var line = new StringBuilder("modelwatch advise");
        foreach (var (key, value) in ToFields(request))
        {
            line.Append(" --").Append(key);
            if (!(AdvisorQueryKeys.Find(key)!.IsFlag && value == "true"))
            {
                line.Append(' ').Append(ShellWord(value));
            }
        }

        return line.ToString();
    }

    /// <summary>The keys and their values, each key once; blanks dropped.</summary>
    private static Dictionary<string, List<string>> Collect(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        var given = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (rawKey, value) in fields)
        {
            var key = (rawKey ?? "").Trim().ToLowerInvariant();
            var known = AdvisorQueryKeys.Find(key)
                ?? throw new AdvisorQueryException(key.Length == 0 ? "query" : key, $"is not an advisor field; expected one of {string.Join(", ", AdvisorQueryKeys.All.Select(k => k.Key))}.");
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!given.TryGetValue(key, out var values))
            {
                given[key] = values = [];
            }
            else if (!known.Repeatable)
            {
                throw new AdvisorQueryException(key, $"is given twice ('{values[0]}' and '{value}'); give it once.");
            }

            values.Add(value.Trim());
        }

        return given;
    }

    private static string LanguageName(string text)
    {
        var name = text.Trim().ToLowerInvariant();
        return LanguagePattern().IsMatch(name)
            ? name
            : throw new AdvisorQueryException(K.Language, $"'{text}' is not a language name; expected its English name as the boards name it (korean, german, chinese).");
    }

    /// <summary>A value as one shell word: bare when it is plain, else single-quoted.</summary>
    private static string ShellWord(string value) =>
        PlainWord().IsMatch(value) ? value : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,39}$")]
    private static partial Regex ModalityPattern();

    [GeneratedRegex("^[a-z][a-z_-]{0,39}$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex("^[A-Za-z0-9_.,:/@+=-]+$")]
    private static partial Regex PlainWord();
}
