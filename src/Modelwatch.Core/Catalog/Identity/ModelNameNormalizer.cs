using System.Globalization;

namespace Modelwatch.Core.Catalog.Identity;

/// <summary>
/// Takes a source's id for a model apart into the words that name the model and the parts that name a variant:
/// <c>bedrock/us-east-1/us.anthropic.claude-opus-4-5-20251101-v1:0</c> and <c>claude-opus-4.5@20251101</c> both become
/// <c>claude-opus-4.5</c> with snapshot <c>2025-11-01</c>. Pure text work, no lookups: what a name means is the
/// matcher's job.
/// </summary>
/// <remarks>
/// Steps, in order: lower-case; keep the last path segment (earlier ones are providers, routes or organisations);
/// colon tags (<c>:free</c>, <c>:thinking</c>, Bedrock's <c>-v1:0</c>);
/// <c>@</c> snapshots (Vertex); region and vendor dots (<c>us.anthropic.</c>, <c>deepseek.v3.2</c>); words split on
/// <c>-</c>, <c>_</c>, spaces and dots that are not decimal points, and between a family word and its version
/// (<c>llama3.1</c> → <c>llama</c> <c>3.1</c>); Fireworks' <c>2p5</c> → <c>2.5</c>; dates out as snapshots; split
/// versions joined (<c>3-5</c> → <c>3.5</c>); trailing effort, thinking and quantisation out as variants; noise
/// words (<c>hf</c>, <c>maas</c>, <c>:free</c>), <c>latest</c> kept as a variant (a moving pointer), a leading lab word (<c>meta-</c>, <c>amazon-</c>) and a trailing
/// first-version mark (<c>v1</c>, <c>v1.0</c>) dropped; <c>it</c> read as <c>instruct</c>.
/// A bare trailing <c>thinking</c> is a variant only when no date follows it: <c>qwen3-235b-a22b-thinking-2507</c>
/// is a model of its own, <c>claude-opus-4-5-20251101-thinking-32k</c> a mode of one.
/// </remarks>
public static class ModelNameNormalizer
{
    /// <summary>Normalises one id; never throws on odd input (an id with no model words gives an empty name).</summary>
    public static NormalizedName Normalize(string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        var text = externalId.Trim().ToLowerInvariant();
        var variants = new List<VariantPart>();
        var segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (segments.Length == 0)
        {
            return new NormalizedName(externalId, [], [], [], null);
        }

        // Path segments before the name are routes, providers or organisations; they are not taken as a lab hint,
        // because hosts that are also labs serve others' models (perplexity/llama-…, tencent/deepseek-…, nvidia/meta/…).
        string? lab = null;
        var name = segments[^1];
        var extraTokens = new List<string>();
        name = TakeColonTags(name, variants, extraTokens);
        name = TakeAtSuffix(name, variants, extraTokens);
        name = StripVendorPrefix(name, ref lab);

        var tokens = Tokenise(name);
        tokens.AddRange(extraTokens.SelectMany(Tokenise));
        tokens.RemoveAll(t => t.Text.Length == 0 || NameVocabulary.IsNoise(t.Text));

        // "-latest" is a moving pointer, not a snapshot: kept as a variant so that mistral-medium (2023) and
        // mistral-medium-latest (whatever Mistral serves today) are never taken for one model.
        if (tokens.Count > 1 && tokens.RemoveAll(t => t.Text == "latest") > 0)
        {
            variants.Add(new VariantPart(VariantKind.Other, "latest"));
        }
        foreach (var quant in tokens.Where(t => NameVocabulary.IsQuantisation(t.Text)).ToList())
        {
            variants.Add(new VariantPart(VariantKind.Quantisation, quant.Text));
            tokens.Remove(quant);
        }

        var lastDate = TakeDates(tokens, variants);
        JoinSplitVersions(tokens);
        TakeTailVariants(tokens, variants, lastDate);

        if (tokens.Count > 2 && NameVocabulary.IsLeadingLabToken(tokens[0].Text) && !char.IsAsciiDigit(tokens[1].Text[0]))
        {
            lab ??= NameVocabulary.LabOf(tokens[0].Text);
            tokens.RemoveAt(0);
        }

        if (tokens.Count > 2 && tokens[^1].Text is "v1" or "v1.0")
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        var experts = new List<string>();
        var words = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            if (NameTokens.IsExpertCount(token.Text))
            {
                experts.Add(token.Text);
            }
            else
            {
                words.Add(token.Text == "it" ? "instruct" : token.Text);
            }
        }

        var ordered = variants.Distinct().OrderBy(p => VariantOrder(p.Kind)).ToList();
        return new NormalizedName(externalId, words, ordered, experts, lab);
    }

    /// <summary>A display name (<c>Claude Sonnet 4.5 (AU)</c>, <c>GPT-4o: 2024-05-13</c>): punctuation is only spacing here.</summary>
    public static NormalizedName NormalizeDisplayName(string displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        var cleaned = new string(displayName.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : ' ').ToArray());
        var name = Normalize(cleaned);
        return new NormalizedName(displayName, name.Tokens, name.VariantParts, name.Experts, name.LabHint);
    }

    private static int VariantOrder(VariantKind kind) => kind switch
    {
        VariantKind.Snapshot => 0,
        VariantKind.Thinking => 1,
        VariantKind.ReasoningEffort => 2,
        VariantKind.Quantisation => 3,
        _ => 4,
    };

    /// <summary>A word and where it stood in the name, so "does a date follow it" can be asked after dates are gone.</summary>
    private sealed record Token(string Text, int Position);

    /// <summary><c>name:tag:tag</c>: Bedrock versions (<c>-v1:0</c>), OpenRouter routes (<c>:free</c>), thinking and budgets, Ollama sizes.</summary>
    private static string TakeColonTags(string name, List<VariantPart> variants, List<string> extraTokens)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return name;
        }

        var tags = name[(colon + 1)..].Split(':', StringSplitOptions.RemoveEmptyEntries);
        name = name[..colon];
        foreach (var tag in tags)
        {
            if (tag.All(char.IsAsciiDigit))
            {
                if (name.EndsWith("thinking", StringComparison.Ordinal))
                {
                    variants.Add(new VariantPart(VariantKind.Thinking, "thinking-" + BudgetName(tag)));
                    name = name[..^"thinking".Length].TrimEnd('-');
                }
                else if (name.EndsWith("-v0", StringComparison.Ordinal))
                {
                    // mistral.mistral-7b-instruct-v0:2 is the model's version v0.2.
                    name = $"{name}.{tag}";
                }
                else
                {
                    // Bedrock's API version (anthropic.claude-…-v1:0, openai.gpt-oss-120b-1:0): not the model's.
                    name = StripTrailingVersionMark(name);
                }
            }
            else if (tag == "thinking")
            {
                variants.Add(new VariantPart(VariantKind.Thinking, "thinking"));
            }
            else if (!NameVocabulary.IsRouteTag(tag))
            {
                extraTokens.Add(tag);
            }
        }

        return name;
    }

    private static string StripTrailingVersionMark(string name)
    {
        var dash = name.LastIndexOf('-');
        if (dash <= 0)
        {
            return name;
        }

        var last = name.AsSpan(dash + 1);
        if (last.Length > 0 && last[0] == 'v')
        {
            last = last[1..];
        }

        return last.Length is > 0 and <= 2 && last.AllDigits() ? name[..dash] : name;
    }

    /// <summary>Vertex's <c>name@20250805</c>, <c>name@001</c>, <c>name@default</c>.</summary>
    private static string TakeAtSuffix(string name, List<VariantPart> variants, List<string> extraTokens)
    {
        var at = name.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return name;
        }

        var suffix = name[(at + 1)..];
        name = name[..at];
        if (DateFromEightDigits(suffix) is { } date)
        {
            variants.Add(new VariantPart(VariantKind.Snapshot, date));
        }
        else if (suffix.Length == 3 && suffix.AllDigits())
        {
            variants.Add(new VariantPart(VariantKind.Snapshot, suffix));
        }
        else if (suffix.Length > 0 && !NameVocabulary.IsRouteTag(suffix))
        {
            extraTokens.Add(suffix);
        }

        return name;
    }

    /// <summary><c>us.anthropic.claude-…</c> → <c>claude-…</c> (lab anthropic); <c>deepseek.v3.2</c> → <c>deepseek-v3.2</c>.</summary>
    private static string StripVendorPrefix(string name, ref string? lab)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return name;
        }

        var prefix = name[..dot];
        if (NameVocabulary.IsRegion(prefix))
        {
            var next = name.IndexOf('.', dot + 1);
            if (next < 0 || !NameVocabulary.IsVendorDot(name[(dot + 1)..next]))
            {
                return name;
            }

            name = name[(dot + 1)..];
            dot = next - prefix.Length - 1;
            prefix = name[..dot];
        }

        if (!NameVocabulary.IsVendorDot(prefix) || dot + 1 >= name.Length || !char.IsAsciiLetter(name[dot + 1]) && !char.IsAsciiDigit(name[dot + 1]))
        {
            return name;
        }

        lab ??= NameVocabulary.LabOf(prefix);
        var rest = name[(dot + 1)..];

        // deepseek.v3.2, deepseek.r1: the vendor is also the family name.
        var versionOnly = char.IsAsciiDigit(rest[0]) || (rest.Length > 1 && rest[0] is 'v' or 'r' && char.IsAsciiDigit(rest[1]));
        return versionOnly ? $"{prefix}-{rest}" : rest;
    }

    private static List<Token> Tokenise(string name)
    {
        var tokens = new List<Token>();
        foreach (var part in name.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var piece in SplitNonDecimalDots(part))
            {
                foreach (var word in SplitFamilyVersion(FireworksDecimal(piece)))
                {
                    tokens.Add(new Token(word, tokens.Count));
                }
            }
        }

        return tokens;
    }

    /// <summary>Splits at dots that are not between two digits: <c>4.1</c> stays, <c>nova.pro</c> splits.</summary>
    private static IEnumerable<string> SplitNonDecimalDots(string part)
    {
        var start = 0;
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '.' && !(i > 0 && i + 1 < part.Length && char.IsAsciiDigit(part[i - 1]) && char.IsAsciiDigit(part[i + 1])))
            {
                if (i > start)
                {
                    yield return part[start..i];
                }

                start = i + 1;
            }
        }

        if (start < part.Length)
        {
            yield return part[start..];
        }
    }

    /// <summary>Fireworks writes decimal points as <c>p</c>: <c>qwen2p5</c>, <c>v3p1</c>, <c>k2p7</c>.</summary>
    private static string FireworksDecimal(string word)
    {
        var p = word.IndexOf('p', StringComparison.Ordinal);
        while (p > 0)
        {
            if (p + 1 < word.Length && char.IsAsciiDigit(word[p - 1]) && char.IsAsciiDigit(word[p + 1]))
            {
                var end = p + 1;
                while (end < word.Length && char.IsAsciiDigit(word[end]))
                {
                    end++;
                }

                if (end == word.Length)
                {
                    return string.Concat(word.AsSpan(0, p), ".", word.AsSpan(p + 1));
                }
            }

            p = word.IndexOf('p', p + 1);
        }

        return word;
    }

    /// <summary>
    /// <c>llama3.1</c> → <c>llama</c> <c>3.1</c>, <c>gpt4o</c> → <c>gpt</c> <c>4o</c>: a family word of three or more
    /// letters glued to its version. Sizes (<c>a22b</c>), short names (<c>o1</c>, <c>k2</c>, <c>v3</c>, <c>ai21</c>) and
    /// quantisation marks stay whole.
    /// </summary>
    private static IEnumerable<string> SplitFamilyVersion(string word)
    {
        var letters = 0;
        while (letters < word.Length && char.IsAsciiLetter(word[letters]))
        {
            letters++;
        }

        if (letters < 3 || letters == word.Length || !char.IsAsciiDigit(word[letters]) || NameVocabulary.IsQuantisation(word))
        {
            return [word];
        }

        var rest = word[letters..];
        var end = 0;
        while (end < rest.Length && (char.IsAsciiDigit(rest[end]) || (rest[end] == '.' && end + 1 < rest.Length && char.IsAsciiDigit(rest[end + 1]))))
        {
            end++;
        }

        var suffix = rest[end..];
        return suffix.Length == 0 || suffix is "o" or "n" or "v" ? [word[..letters], rest] : [word];
    }

    /// <summary>Takes dated snapshots out; returns the position of the last date in the original name, or -1.</summary>
    private static int TakeDates(List<Token> tokens, List<VariantPart> variants)
    {
        var lastDate = -1;
        for (var i = 1; i < tokens.Count; i++)
        {
            var (date, length) = DateAt(tokens, i);
            if (date is null)
            {
                continue;
            }

            variants.Add(new VariantPart(VariantKind.Snapshot, date));
            lastDate = tokens[i].Position;
            tokens.RemoveRange(i, length);
            i--;
        }

        return lastDate;
    }

    /// <summary>The date spelled by the tokens starting at <paramref name="i"/>, in stable form, and how many tokens it took.</summary>
    private static (string? Date, int Length) DateAt(List<Token> tokens, int i)
    {
        var t = tokens[i].Text;
        var next = i + 1 < tokens.Count ? tokens[i + 1].Text : null;
        var afterNext = i + 2 < tokens.Count ? tokens[i + 2].Text : null;
        if (!t.AllDigits())
        {
            var month = NameVocabulary.MonthNumber(t);
            return month > 0 && next is { Length: 4 } && IsYear(next) ? ($"{next}-{month:00}", 2) : (null, 0);
        }

        switch (t.Length)
        {
            case 8:
                return (DateFromEightDigits(t), 1);
            case 6:
                return (DateFromSixDigits(t), 1);
            case 4 when IsYear(t) && next is { Length: 2 } && afterNext is { Length: 2 } && next.AllDigits() && afterNext.AllDigits()
                                 && IsMonth(next) && IsDay(afterNext):
                return ($"{t}-{next}-{afterNext}", 3);
            case 4 when IsYear(t) && next is { Length: 2 } && next.AllDigits() && IsMonth(next) && !(afterNext is { Length: 2 } && afterNext.AllDigits()):
                return ($"{t}-{next}", 2);
            case 4:
                return (DateFromFourDigits(t), 1);
            case 2 when next is { Length: 4 } && next.AllDigits() && IsYear(next) && IsMonth(t):
                return ($"{next}-{t}", 2);
            case 2 when next is { Length: 2 } && next.AllDigits() && IsMonth(t) && IsDay(next):
                return ($"{t}-{next}", 2);
            case 3 when t[0] == '0' && t[1] == '0' && i == tokens.Count - 1:
                return (t, 1);
            default:
                return (null, 0);
        }
    }

    private static string? DateFromEightDigits(string t) =>
        t.Length == 8 && t.AllDigits() && IsYear(t[..4]) && IsMonth(t[4..6]) && IsDay(t[6..]) ? $"{t[..4]}-{t[4..6]}-{t[6..]}" : null;

    /// <summary><c>202412</c> is year and month; <c>251201</c> (no valid year-month) is two-digit year, month, day.</summary>
    private static string? DateFromSixDigits(string t)
    {
        if (IsYear(t[..4]) && IsMonth(t[4..]))
        {
            return $"{t[..4]}-{t[4..]}";
        }

        return IsShortYear(t[..2]) && IsMonth(t[2..4]) && IsDay(t[4..]) ? $"20{t[..2]}-{t[2..4]}-{t[4..]}" : null;
    }

    /// <summary>
    /// <c>2507</c> is July 2025 (years 23–29 cannot be months); <c>0528</c> is 28 May, year unknown. The two readings
    /// cannot collide: a month is at most 12, a year here at least 23.
    /// </summary>
    private static string? DateFromFourDigits(string t)
    {
        if (IsShortYear(t[..2]) && IsMonth(t[2..]))
        {
            return $"20{t[..2]}-{t[2..]}";
        }

        return IsMonth(t[..2]) && IsDay(t[2..]) ? $"{t[..2]}-{t[2..]}" : null;
    }

    private static bool IsYear(string s) => s.Length == 4 && s.StartsWith("20", StringComparison.Ordinal) && s.AllDigits() && s[2] is '2' or '3' or '1';

    private static bool IsShortYear(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 23 and <= 29;

    private static bool IsMonth(string s) => s.Length == 2 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12;

    private static bool IsDay(string s) => s.Length == 2 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31;

    /// <summary><c>claude-3-5-sonnet</c> → <c>3.5</c>, <c>qwen2-5</c> → <c>2.5</c>, <c>deepseek-v3-1</c> → <c>v3.1</c>: a one- or two-digit number after a version.</summary>
    private static void JoinSplitVersions(List<Token> tokens)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            var current = tokens[i].Text;
            var previous = tokens[i - 1].Text;
            if (current.Length is 1 or 2 && current.AllDigits() && NameTokens.IsPlainVersion(previous) && MajorDigits(previous) <= 2)
            {
                tokens[i - 1] = tokens[i - 1] with { Text = tokens[i - 1].Text + "." + current };
                tokens.RemoveAt(i);
                i--;
            }
        }
    }

    private static int MajorDigits(string version)
    {
        var start = char.IsAsciiLetter(version[0]) ? 1 : 0;
        var dot = version.IndexOf('.', StringComparison.Ordinal);
        return (dot < 0 ? version.Length : dot) - start;
    }

    /// <summary>Reasoning effort, thinking modes and budgets at the end of the name.</summary>
    private static void TakeTailVariants(List<Token> tokens, List<VariantPart> variants, int lastDate)
    {
        while (tokens.Count > 1)
        {
            var last = tokens[^1].Text;
            var before = tokens.Count > 1 ? tokens[^2].Text : null;
            if (NameVocabulary.IsEffort(last) && (last != "medium" || before is not null && (before.Any(char.IsAsciiDigit) || before is "mini" or "nano")))
            {
                variants.Add(new VariantPart(VariantKind.ReasoningEffort, last));
                tokens.RemoveAt(tokens.Count - 1);
            }
            else if (before == "thinking" && tokens.Count > 2 && IsBudget(last))
            {
                variants.Add(new VariantPart(VariantKind.Thinking, "thinking-" + BudgetName(last)));
                tokens.RemoveRange(tokens.Count - 2, 2);
            }
            else if (last is "thinking" or "reasoning" && before is "no" or "non" && tokens.Count > 2)
            {
                variants.Add(new VariantPart(VariantKind.Thinking, last == "thinking" ? "no-thinking" : "non-reasoning"));
                tokens.RemoveRange(tokens.Count - 2, 2);
            }
            else if (last is "nothink" or "nothinking" or "nonthinking")
            {
                variants.Add(new VariantPart(VariantKind.Thinking, "no-thinking"));
                tokens.RemoveAt(tokens.Count - 1);
            }
            else if (last is "thinking" or "reasoning" && tokens[^1].Position > lastDate)
            {
                variants.Add(new VariantPart(VariantKind.Thinking, last));
                tokens.RemoveAt(tokens.Count - 1);
            }
            else
            {
                return;
            }
        }
    }

    private static bool IsBudget(string s) =>
        s.Length > 1 && ((s[^1] == 'k' && s[..^1].AllDigits()) || (s.Length >= 3 && s.AllDigits()));

    /// <summary>Thinking budgets in thousands of tokens: <c>32k</c>, <c>32000</c> and <c>32768</c> are all <c>32k</c>.</summary>
    private static string BudgetName(string s)
    {
        if (s[^1] == 'k')
        {
            return s;
        }

        var n = long.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
        var thousands = n % 1024 == 0 ? n / 1024 : (long)Math.Round(n / 1000.0, MidpointRounding.AwayFromZero);
        return thousands.ToString(CultureInfo.InvariantCulture) + "k";
    }
}
