using System.Text.RegularExpressions;

namespace Modelwatch.Core.Arena;

/// <summary>
/// The identity rules of vote cleaning (<c>docs/ratings.md</c>, "Vote cleaning"): a blind vote is not blind when the
/// prompt asks the models who they are, or when an answer names a model or lab. LMArena drops such votes from the
/// public board; Modelwatch keeps them with the reason so an administrator can review and reinstate them.
/// </summary>
public static partial class IdentityRules
{
    /// <summary>
    /// Lab → words that name the lab or its model families (matched as whole words, case-insensitive). An answer that
    /// says "As Claude…" or "trained by OpenAI" reveals which side is which. Words that are also everyday words
    /// (Google, Microsoft, Titan, the Greek letter phi, "o3") are left out to avoid excluding ordinary answers; the
    /// contestants' own catalog organisation still counts through <see cref="NamesOf"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> LabWords { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["OpenAI"] = ["OpenAI", "GPT", "ChatGPT", "GPT-4", "GPT-4o", "GPT-5", "o4-mini"],
        ["Anthropic"] = ["Anthropic", "Claude"],
        ["Google"] = ["Gemini", "Gemma", "Bard", "DeepMind", "PaLM"],
        ["Meta"] = ["Meta AI", "Llama", "LLaMA"],
        ["Mistral"] = ["Mistral", "Mixtral", "Codestral"],
        ["Alibaba"] = ["Qwen", "Alibaba", "Tongyi", "QwQ"],
        ["DeepSeek"] = ["DeepSeek"],
        ["xAI"] = ["xAI", "Grok"],
        ["Microsoft"] = ["Phi-3", "Phi-4"],
        ["Cohere"] = ["Cohere", "Command R"],
        ["Amazon"] = ["Amazon Nova"],
        ["Zhipu"] = ["Zhipu", "GLM", "ChatGLM"],
        ["Moonshot"] = ["Moonshot", "Kimi"],
        ["NVIDIA"] = ["Nemotron"],
        ["AI21"] = ["AI21", "Jamba"],
        ["MiniMax"] = ["MiniMax"],
    };

    /// <summary>
    /// True when the prompt asks the model who or what it is ("who are you", "what model are you", "which LLM",
    /// "who made you", "are you GPT", "너는 누구", "어떤 모델", "무슨 모델", "누가 만들었", "你是谁", "什么模型",
    /// "あなたは誰", "どのモデル", "qui es-tu", "quién eres", "wer bist du", "кто ты", "какая модель").
    /// </summary>
    public static bool AsksIdentity(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return IdentityQuestion().IsMatch(prompt);
    }

    /// <summary>
    /// The first identity word found in <paramref name="answer"/>, or null: one of <paramref name="names"/> (the
    /// contestants' own names, families, labs) or any word of <see cref="LabWords"/> — whole word, case-insensitive.
    /// </summary>
    public static string? FindLeak(string answer, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(names);
        foreach (var word in names.Concat(LabWords.Values.SelectMany(w => w)))
        {
            if (string.IsNullOrWhiteSpace(word) || word.Length < 2)
            {
                continue;
            }

            if (ContainsWord(answer, word.Trim()))
            {
                return word.Trim();
            }
        }

        return null;
    }

    /// <summary>
    /// Names a contestant may give itself away by: the model id and its parts (<c>openai/gpt-4o-mini</c> → the id,
    /// <c>gpt-4o-mini</c>, and its first word <c>gpt</c>), and the catalog's display name, family and organisation.
    /// </summary>
    public static IReadOnlyList<string> NamesOf(string model, string boardName, params string?[] catalog)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(boardName);
        var names = new List<string>();
        foreach (var name in new[] { model, boardName }.Concat(catalog))
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            names.Add(name);
            var last = name[(name.LastIndexOf('/') + 1)..];
            names.Add(last);
            var head = last.Split(['-', '_', ':', ' ', '.'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (head is { Length: >= 3 } && !head.All(char.IsDigit) && !CommonWords.Contains(head))
            {
                names.Add(head);
            }
        }

        return [.. names.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    // First words of model ids that are ordinary words (command-r, text-…, phi-4 next to the Greek letter): not names.
    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "command", "text", "chat", "large", "small", "medium", "mini", "model", "base", "instruct", "the", "phi", "nova", "open", "free",
    };

    /// <summary>Whole-word, case-insensitive: the characters either side are not letters or digits.</summary>
    public static bool ContainsWord(string text, string word)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(word);
        var start = 0;
        while (start <= text.Length - word.Length)
        {
            var at = text.IndexOf(word, start, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            var end = at + word.Length;
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = end >= text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(word[^1]);
            if (before && after)
            {
                return true;
            }

            start = at + 1;
        }

        return false;
    }

    [GeneratedRegex(@"(\bwho\s+(are|r)\s+(you|u)\b|\bwhat\s+(model|llm|ai|language model|version)\s+(are|r)\s+(you|u)\b|\bwhich\s+(model|llm|ai|language model|version|company)\b|\bwho\s+(made|created|trained|built|developed)\s+(you|u)\b|\bare\s+(you|u)\s+(gpt|chatgpt|claude|gemini|llama|grok|qwen|deepseek|mistral)\b|\bwhat('s|\s+is)\s+your\s+(name|model|model name)\b|\bidentify\s+yourself\b|\bintroduce\s+yourself\b|누구|어떤\s*모델|무슨\s*모델|누가\s*만들|어느\s*회사|你是谁|你是誰|什么模型|什麼模型|哪个模型|あなたは誰|誰ですか|どのモデル|何のモデル|\bqui\s+es[- ]tu\b|\bqui\s+êtes[- ]vous\b|\bquién\s+eres\b|\bqué\s+modelo\b|\bwer\s+bist\s+du\b|\bwelches\s+modell\b|кто\s+ты|какая\s+(ты\s+)?модель)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdentityQuestion();
}
