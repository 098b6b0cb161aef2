namespace Modelwatch.Core.Catalog.Identity;

/// <summary>
/// The words model names are made of, by role: labs and their spellings, route and region prefixes, tags that say
/// nothing about the model, and the qualifiers that tell two models of one family apart. One place, so the
/// normaliser and the guard rails agree on what each word means.
/// </summary>
internal static class NameVocabulary
{
    /// <summary>Lab spellings (lower-case, without spaces, dots or dashes) → the lab slug used in canonical ids.</summary>
    private static readonly Dictionary<string, string> Labs = new(StringComparer.Ordinal)
    {
        ["openai"] = "openai",
        ["anthropic"] = "anthropic",
        ["google"] = "google",
        ["googledeepmind"] = "google",
        ["deepmind"] = "google",
        ["meta"] = "meta",
        ["metallama"] = "meta",
        ["facebook"] = "meta",
        ["mistral"] = "mistral",
        ["mistralai"] = "mistral",
        ["xai"] = "xai",
        ["zhipu"] = "zhipuai",
        ["zhipuai"] = "zhipuai",
        ["zai"] = "zhipuai",
        ["zaiorg"] = "zhipuai",
        ["thudm"] = "zhipuai",
        ["alibaba"] = "alibaba",
        ["alibabacloud"] = "alibaba",
        ["qwen"] = "alibaba",
        ["deepseek"] = "deepseek",
        ["deepseekai"] = "deepseek",
        ["moonshot"] = "moonshotai",
        ["moonshotai"] = "moonshotai",
        ["nvidia"] = "nvidia",
        ["microsoft"] = "microsoft",
        ["cohere"] = "cohere",
        ["cohereforai"] = "cohere",
        ["coherelabs"] = "cohere",
        ["amazon"] = "amazon",
        ["ai21"] = "ai21",
        ["ai21labs"] = "ai21",
        ["ibm"] = "ibm",
        ["ibmgranite"] = "ibm",
        ["tencent"] = "tencent",
        ["baidu"] = "baidu",
        ["bytedance"] = "bytedance",
        ["bytedanceseed"] = "bytedance",
        ["minimax"] = "minimax",
        ["minimaxai"] = "minimax",
        ["01ai"] = "01-ai",
        ["stepfun"] = "stepfun",
        ["stepfunai"] = "stepfun",
        ["meituan"] = "meituan",
        ["xiaomi"] = "xiaomi",
        ["xiaomimimo"] = "xiaomi",
        ["inclusionai"] = "inclusionai",
        ["allenai"] = "allenai",
        ["ai2"] = "allenai",
        ["perplexity"] = "perplexity",
        ["perplexityai"] = "perplexity",
        ["reka"] = "reka",
        ["rekaai"] = "reka",
        ["nexusflow"] = "nexusflow",
        ["snowflake"] = "snowflake",
        ["upstage"] = "upstage",
        ["nousresearch"] = "nousresearch",
        ["tiiuae"] = "tii",
        ["tii"] = "tii",
        ["sakana"] = "sakana",
        ["sakanaai"] = "sakana",
        ["sarvam"] = "sarvam",
        ["sarvamai"] = "sarvam",
        ["primeintellect"] = "prime-intellect",
        ["liquid"] = "liquid",
        ["liquidai"] = "liquid",
    };

    /// <summary>Prefixes of Bedrock-style ids (<c>anthropic.claude-…</c>, <c>meta.llama3-…</c>, <c>deepseek.v3.2</c>).</summary>
    private static readonly HashSet<string> VendorDots = new(StringComparer.Ordinal)
    {
        "anthropic", "meta", "mistral", "amazon", "cohere", "ai21", "deepseek", "qwen", "openai", "google", "xai",
        "moonshot", "moonshotai", "minimax", "nvidia", "writer", "zai", "stability", "twelvelabs", "luma", "ibm",
        "microsoft",
    };

    /// <summary>Cross-region inference prefixes before a vendor dot (<c>us.</c>, <c>eu.</c>, <c>apac.</c>, <c>global.</c>).</summary>
    private static readonly HashSet<string> Regions = new(StringComparer.Ordinal)
    {
        "us", "eu", "apac", "au", "jp", "ca", "global", "us-gov", "uk", "in", "ap", "sa", "me",
    };

    /// <summary>Lab names that prefix a model name without being part of it (<c>meta-llama-3.1</c>, <c>amazon-nova-pro</c>).</summary>
    private static readonly HashSet<string> LeadingLabTokens = new(StringComparer.Ordinal)
    {
        "meta", "amazon", "nvidia", "google", "microsoft", "openai", "anthropic", "mistralai", "cohere", "ai21",
        "ibm", "xai", "zai", "alibaba", "tencent", "baidu", "moonshotai", "databricks",
    };

    /// <summary>Route tags after a colon that change how a provider serves a model, not which model it is.</summary>
    private static readonly HashSet<string> RouteTags = new(StringComparer.Ordinal)
    {
        "free", "beta", "exacto", "extended", "nitro", "floor", "online", "latest", "cloud", "default",
    };

    /// <summary>Words that say nothing about which model it is (Hugging Face format, serving tiers, moving aliases).</summary>
    private static readonly HashSet<string> NoiseTokens = new(StringComparer.Ordinal)
    {
        "hf", "maas", "tput", "tee", "free", "cloud",
    };

    /// <summary>Weight precision and quantisation markers: a variant, never part of the name.</summary>
    private static readonly HashSet<string> QuantTokens = new(StringComparer.Ordinal)
    {
        "fp8", "fp16", "bf16", "fp32", "fp4", "nvfp4", "mxfp4", "int4", "int8", "awq", "gptq", "gguf", "4bit", "8bit",
        "w4a16", "w8a8", "q4", "q8", "q4km", "q5km", "q8-0", "exl2",
    };

    /// <summary>Reasoning-effort settings (<c>medium</c> only after a version or size class, see the normaliser).</summary>
    private static readonly HashSet<string> EffortTokens = new(StringComparer.Ordinal)
    {
        "minimal", "low", "medium", "high", "xhigh",
    };

    /// <summary>Words that tell two models of one family apart: they must agree for any link that is not letter-for-letter.</summary>
    private static readonly HashSet<string> Qualifiers = new(StringComparer.Ordinal)
    {
        "mini", "nano", "micro", "tiny", "lite", "flash", "flashx", "pro", "max", "plus", "turbo", "turbos", "air", "airx",
        "vl", "vision", "omni", "coder", "code", "codex", "instruct", "chat", "base", "audio", "image", "tts",
        "realtime", "search", "embed", "embedding", "preview", "exp", "experimental", "fast", "ultra", "super", "small",
        "medium", "large", "haiku", "sonnet", "opus", "think", "thinking", "reasoner", "reasoning", "distill", "long",
        "highspeed", "ultraspeed", "lightning", "speciale", "terminus", "mm", "deep", "research", "guard", "safeguard",
        "oss", "edge", "xl", "xxl", "next", "r", "x", "online", "instant", "nothink", "moe", "steerlm", "simpo", "dpo",
        "orpo", "sft", "rl", "captioner", "customtools",
    };

    /// <summary>Qualifiers a person may judge in the review queue: a candidate may differ in these, a link may not.</summary>
    private static readonly HashSet<string> SoftQualifiers = new(StringComparer.Ordinal)
    {
        "instruct", "chat", "preview", "exp", "experimental", "base",
    };

    private static readonly string[] MonthNames =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ];

    /// <summary>The lab slug for a spelling of a lab or organisation (<c>Meta</c>, <c>meta-llama</c>, <c>Z.ai</c>), or null when unknown.</summary>
    public static string? LabOf(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        Span<char> buffer = stackalloc char[Math.Min(name.Length, 64)];
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) && length < buffer.Length)
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        var key = new string(buffer[..length]);
        if (Labs.TryGetValue(key, out var lab))
        {
            return lab;
        }

        // "Alibaba Cloud (Qwen)", "Meta AI", "Mistral AI": try without a trailing "ai" and the first word alone.
        if (key.EndsWith("ai", StringComparison.Ordinal) && Labs.TryGetValue(key[..^2], out lab))
        {
            return lab;
        }

        var firstWord = name.Trim().Split([' ', '-', '_', '.', '('], StringSplitOptions.RemoveEmptyEntries);
        return firstWord.Length > 1 && Labs.TryGetValue(firstWord[0].ToLowerInvariant(), out lab) ? lab : null;
    }

    public static bool IsVendorDot(string prefix) => VendorDots.Contains(prefix);

    public static bool IsRegion(string prefix) => Regions.Contains(prefix);

    public static bool IsLeadingLabToken(string token) => LeadingLabTokens.Contains(token);

    public static bool IsRouteTag(string tag) => RouteTags.Contains(tag);

    public static bool IsNoise(string token) => NoiseTokens.Contains(token);

    public static bool IsQuantisation(string token) =>
        QuantTokens.Contains(token) || (token.Length is >= 3 and <= 6 && token[0] == 'q' && char.IsAsciiDigit(token[1]) && token.Contains('k', StringComparison.Ordinal));

    public static bool IsEffort(string token) => EffortTokens.Contains(token);

    public static bool IsQualifier(string token) => Qualifiers.Contains(token);

    public static bool IsSoftQualifier(string token) => SoftQualifiers.Contains(token);

    /// <summary>1–12 for an English month name or its three-letter abbreviation, otherwise 0.</summary>
    public static int MonthNumber(string token)
    {
        if (token.Length < 3)
        {
            return 0;
        }

        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i] == token || (token.Length == 3 && MonthNames[i].StartsWith(token, StringComparison.Ordinal)))
            {
                return i + 1;
            }
        }

        return 0;
    }
}
