using System.Text.RegularExpressions;

namespace Modelwatch.Core.Arena;

/// <summary>
/// A guess of a prompt's category tags from its text alone, so arena votes can be filtered into the category boards
/// LMArena publishes. LMArena tags prompts with an LLM classifier; Modelwatch must work offline and instantly, so this
/// is a keyword and shape heuristic. Tag names follow LMArena's where one exists (the <c>arena-human-preference-140k</c>
/// columns <c>math</c>, <c>creative_writing</c>, <c>if</c>; its published boards <c>coding</c>, <c>long_query</c>), plus
/// <c>non_english</c>. <c>multi_turn</c> is not guessed here: it is decided per vote (turn &gt; 1).
/// <para>Rules (each independent; a prompt may carry several tags, or none):</para>
/// <list type="bullet">
/// <item><c>coding</c>: a fenced code block (<c>```</c>), or a programming language / tool name (Python, JavaScript,
/// TypeScript, Java, C#, C++, Rust, Go(lang), SQL, HTML, CSS, Bash, Kotlin, Swift, PHP, Ruby, regex…), or a code word
/// (function, class, method, compile, debug, bug, stack trace, exception, API, algorithm, script, code) — or a code
/// shape such as <c>def f(</c>, <c>#include</c>, <c>=&gt;</c>, <c>;\n</c> lines ending in braces.</item>
/// <item><c>math</c>: a math word (equation, integral, derivative, solve for, prove, probability, matrix, theorem,
/// calculate, compute, polynomial, 방정식, 미분, 적분, 계산, 증명) or an arithmetic shape (<c>2x + 3 = 7</c>,
/// <c>12 * 7</c>, <c>x^2</c>, LaTeX <c>\frac</c>).</item>
/// <item><c>creative_writing</c>: asks to write a story, poem, song, lyrics, haiku, limerick, script or screenplay,
/// a fictional scene or dialogue, role-play (also Korean 소설, 시를, 이야기, 가사).</item>
/// <item><c>if</c> (instruction following): explicit output constraints — "in exactly N words/sentences",
/// "at most / no more than N", "do not use", "without using", "respond only with", "in JSON", "bullet points",
/// "all caps", "N paragraphs".</item>
/// <item><c>long_query</c>: the prompt is longer than 2,000 characters (about 500 tokens, LMArena's threshold).</item>
/// <item><c>non_english</c>: more than 30% of the prompt's letters are outside the Latin script (Hangul, Han, Kana,
/// Cyrillic, Arabic, Greek, Devanagari, Thai, …). Latin-script languages other than English are not detected.</item>
/// </list>
/// </summary>
public static partial class PromptCategories
{
    public const string Coding = "coding";
    public const string Math = "math";
    public const string CreativeWriting = "creative_writing";
    public const string InstructionFollowing = "if";
    public const string LongQuery = "long_query";
    public const string NonEnglish = "non_english";
    public const string MultiTurn = "multi_turn";

    /// <summary>Characters above which a prompt is a long query (about 500 tokens).</summary>
    public const int LongQueryChars = 2000;

    /// <summary>Every tag a battle or vote may carry, in a fixed order (the arena dataset's tag names).</summary>
    public static IReadOnlyList<string> All { get; } = [Coding, Math, CreativeWriting, InstructionFollowing, LongQuery, NonEnglish, MultiTurn];

    /// <summary>The tags guessed for a prompt, in the order of <see cref="All"/>; empty when none applies.</summary>
    public static IReadOnlyList<string> Guess(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var tags = new List<string>();
        if (prompt.Contains("```", StringComparison.Ordinal) || CodingWords().IsMatch(prompt) || CodeShape().IsMatch(prompt))
        {
            tags.Add(Coding);
        }

        if (MathWords().IsMatch(prompt) || MathShape().IsMatch(prompt))
        {
            tags.Add(Math);
        }

        if (CreativeWords().IsMatch(prompt))
        {
            tags.Add(CreativeWriting);
        }

        if (ConstraintWords().IsMatch(prompt))
        {
            tags.Add(InstructionFollowing);
        }

        if (prompt.Length > LongQueryChars)
        {
            tags.Add(LongQuery);
        }

        if (IsNonLatin(prompt))
        {
            tags.Add(NonEnglish);
        }

        return tags;
    }

    private static bool IsNonLatin(string prompt)
    {
        int letters = 0, foreign = 0;
        foreach (var c in prompt)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            letters++;
            if (c > '\u024F')
            {
                foreign++;
            }
        }

        return letters > 0 && foreign * 10 > letters * 3;
    }

    [GeneratedRegex(@"\b(python|javascript|typescript|java|c#|c\+\+|rust|golang|sql|html|css|bash|powershell|kotlin|swift|php|ruby|regex|regexp|json schema|dockerfile|kubernetes|react|node\.js|numpy|pandas|function|functions|method|compile|compiler|debug|debugging|bug|stack trace|exception|api|algorithm|script|code|coding|refactor|unit test|segfault|null pointer|코드|함수|프로그램)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodingWords();

    [GeneratedRegex(@"(^\s*(def|class|import|from|#include|public|private|static|fn|func|let|const|var|SELECT)\s+\w|=>|\w+\([^)]*\)\s*\{|;\s*$)", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex CodeShape();

    [GeneratedRegex(@"(\b(equation|equations|integral|integrate|derivative|differentiate|solve for|prove|proof|probability|matrix|matrices|theorem|lemma|calculate|compute|polynomial|eigenvalue|arithmetic|algebra|geometry|calculus|factorial|prime numbers?|logarithm)\b|방정식|미분|적분|계산|증명|확률)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MathWords();

    [GeneratedRegex(@"(\d\s*[-+*/×÷^]\s*\d|\d\s*[a-z]\s*[-+*/^=]|[a-z]\s*\^\s*\d|\\frac|\\int|\\sum|\\sqrt|=\s*\?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MathShape();

    [GeneratedRegex(@"(\b(write|compose|create|tell)\b[^.?!\n]{0,40}\b(story|stories|poem|poems|song|lyrics|haiku|limerick|sonnet|screenplay|script for a (play|film|movie)|fairy tale|fable|novel|chapter|scene|dialogue|monologue|rap)\b|\b(role-?play|once upon a time|short story|fan ?fiction)\b|소설|시를|이야기를|가사)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreativeWords();

    [GeneratedRegex(@"\b(exactly \d+|at most \d+|at least \d+|no more than \d+|fewer than \d+|less than \d+ words|in \d+ (words|sentences|paragraphs|bullet points|lines)|\d+ (words|sentences|paragraphs|bullet points|lines) (or less|or fewer|long)|do not use|don't use|without using|respond only|answer only|reply only|only respond|in json|as json|json format|bullet points|all caps|all capital letters|lowercase only|in lowercase|wrap your (entire )?(answer|response)|end your (answer|response) with|start your (answer|response) with)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConstraintWords();
}
