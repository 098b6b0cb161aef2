using System.Text.RegularExpressions;

namespace Modelwatch.Import.Catalog.LmArena;

/// <summary>
/// The lab behind an arena model: from the organisation in LMArena's map when it has one, else from the key's
/// prefix. Both maps are explicit and small; a key they do not know gets no lab (identity matching and review
/// decide), which is better than a guess.
/// </summary>
internal static partial class ArenaLabs
{
    private static readonly Dictionary<string, string> Organisations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["OpenAI"] = "openai",
        ["Anthropic"] = "anthropic",
        ["Google"] = "google",
        ["Meta"] = "meta",
        ["Alibaba"] = "alibaba",
        ["DeepSeek"] = "deepseek",
        ["xAI"] = "xai",
        ["Mistral"] = "mistral",
        ["Z.ai"] = "zhipuai",
        ["Zhipu AI"] = "zhipuai",
        ["Moonshot"] = "moonshotai",
        ["Amazon"] = "amazon",
        ["Tencent"] = "tencent",
        ["Cohere"] = "cohere",
        ["01 AI"] = "01-ai",
        ["Black Forest Labs"] = "black-forest-labs",
        ["StepFun"] = "stepfun",
        ["AI2"] = "allenai",
        ["NexusFlow"] = "nexusflow",
        ["Luma AI"] = "luma-ai",
        ["Ideogram"] = "ideogram",
        ["Stability AI"] = "stability-ai",
        ["Microsoft"] = "microsoft",
        ["Mai AI"] = "microsoft", // MAI: Microsoft AI's own models (mai-1-preview)
        ["Meituan"] = "meituan",
        ["Baidu"] = "baidu",
        ["Nvidia"] = "nvidia",
        ["IBM"] = "ibm",
        ["MiniMax"] = "minimax",
        ["Xiaomi"] = "xiaomi",
    };

    // Checked in order; fine-tunes that carry another lab's base name come first (llama-3.1-nemotron is NVIDIA's).
    private static readonly (string Prefix, string Lab)[] KeyPrefixes =
    [
        ("*nemotron", "nvidia"), ("*steerlm", "nvidia"), ("*tulu", "allenai"),
        ("chatgpt-", "openai"), ("gpt-", "openai"), ("dall-e", "openai"),
        ("claude", "anthropic"),
        ("gemini", "google"), ("gemma", "google"), ("palm-", "google"), ("imagen", "google"),
        ("codellama", "meta"), ("llama", "meta"),
        ("qwen", "alibaba"), ("qwq", "alibaba"),
        ("deepseek", "deepseek"),
        ("grok", "xai"),
        ("mistral", "mistral"), ("mixtral", "mistral"), ("ministral", "mistral"), ("magistral", "mistral"),
        ("codestral", "mistral"), ("pixtral", "mistral"),
        ("chatglm", "zhipuai"), ("glm", "zhipuai"),
        ("kimi", "moonshotai"),
        ("command", "cohere"), ("c4ai-aya", "cohere"), ("aya-", "cohere"),
        ("amazon-nova", "amazon"), ("nova-", "amazon"),
        ("hunyuan", "tencent"),
        ("ernie", "baidu"),
        ("phi-", "microsoft"), ("wizardlm", "microsoft"), ("mai-", "microsoft"),
        ("yi-", "01-ai"),
        ("step-", "stepfun"),
        ("minimax", "minimax"),
        ("granite", "ibm"),
        ("jamba", "ai21"),
        ("reka", "reka"),
        ("olmo", "allenai"), ("molmo", "allenai"),
        ("athene", "nexusflow"),
        ("longcat", "meituan"),
        ("ling-", "inclusionai"), ("ring-", "inclusionai"),
        ("dbrx", "databricks"), ("dolly", "databricks"),
        ("vicuna", "lmsys"), ("fastchat", "lmsys"),
        ("snowflake", "snowflake"),
        ("zephyr", "huggingface"), ("smollm", "huggingface"),
        ("stablelm", "stability-ai"),
        ("solar-", "upstage"),
        ("mercury", "inception"),
        ("mpt-", "mosaicml"), ("falcon", "tiiuae"), ("internlm", "internlm"), ("intellect-", "prime-intellect"),
        ("openchat", "openchat"), ("nous-hermes", "nousresearch"), ("rwkv", "rwkv"), ("gpt4all", "nomic-ai"),
        ("oasst", "openassistant"),
    ];

    public static string? FromOrganisation(string? organisation) =>
        organisation is not null && Organisations.TryGetValue(organisation.Trim(), out var lab) ? lab : null;

    /// <summary>
    /// The lab a key's prefix names, or null when no rule knows it (on the Dec 2025 text board: 8 of 282 keys, all
    /// early community fine-tunes such as koala-13b or dolphin-2.2.1-mistral-7b).
    /// </summary>
    public static string? FromKey(string key)
    {
        var k = key.ToLowerInvariant();
        if (OpenAiReasoning().IsMatch(k))
        {
            return "openai"; // o1, o3-mini, o4-mini-2025-04-16; not olmo or oasst
        }

        foreach (var (prefix, lab) in KeyPrefixes)
        {
            var matches = prefix[0] == '*' ? k.Contains(prefix[1..], StringComparison.Ordinal) : k.StartsWith(prefix, StringComparison.Ordinal);
            if (matches)
            {
                return lab;
            }
        }

        return null;
    }

    [GeneratedRegex("^o[1-9](-|$)", RegexOptions.CultureInvariant)]
    private static partial Regex OpenAiReasoning();
}
