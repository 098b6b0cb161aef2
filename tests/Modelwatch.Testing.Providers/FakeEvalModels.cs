using System.Globalization;

namespace Modelwatch.Testing.Providers;

/// <summary>
/// What a fake provider answers in the evaluation tests (web, browser, CLI). Contestants sign their answers
/// (<c>answer-by:model</c>); the judge model reads the two answers of the Arena-Hard judge template and prefers by a
/// fixed rule, so the expected boards follow from the rule, not from a stored copy: <see cref="Alpha"/> beats everyone
/// by far; on prompts about writing <see cref="Beta"/> beats the baseline <see cref="Gamma"/>, on the others the
/// baseline beats Beta.
/// </summary>
public static class FakeEvalModels
{
    public const string Alpha = "m-alpha";
    public const string Beta = "m-beta";
    public const string Gamma = "m-gamma";
    public const string Judge = "judge-1";
    public const string Signature = "answer-by:";

    // Arena-Hard-Auto's judge template markers (arena-hard-auto, judge_config), which the app's judge prompt uses.
    private const string AnswerAStart = "<|The Start of Assistant A's Answer|>";
    private const string AnswerAEnd = "<|The End of Assistant A's Answer|>";
    private const string AnswerBStart = "<|The Start of Assistant B's Answer|>";
    private const string AnswerBEnd = "<|The End of Assistant B's Answer|>";

    public static readonly string[] All = [Alpha, Beta, Gamma, Judge];

    /// <summary>Prompt <paramref name="i"/>'s text; every third is about writing, the others about coding.</summary>
    public static string PromptText(int i) =>
        string.Create(CultureInfo.InvariantCulture, $"Task {i} about {Topic(i)}: explain item {i}.");

    /// <summary>Prompt <paramref name="i"/>'s topic, also its tag: writing or coding.</summary>
    public static string Topic(int i) => i % 3 == 0 ? "writing" : "coding";

    /// <summary>The fake's answer to a request: a contestant's signed answer, or the judge's reasoning and verdict.</summary>
    public static IReadOnlyList<string> Answer(FakeChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Model != Judge)
        {
            return [Signature, request.Model, " says: ", "about ", request.LastUserText.Length.ToString(CultureInfo.InvariantCulture), " characters."];
        }

        var text = request.LastUserText;
        var a = Author(Between(text, AnswerAStart, AnswerAEnd));
        var b = Author(Between(text, AnswerBStart, AnswerBEnd));
        var writing = text.Contains("about writing", StringComparison.Ordinal);
        var (ra, rb) = (Rank(a, writing), Rank(b, writing));
        var verdict = ra == rb ? "A=B" : ra > rb ? (ra - rb >= 2 ? "A>>B" : "A>B") : (rb - ra >= 2 ? "B>>A" : "B>A");
        return ["Assistant A is ", a, "; assistant B is ", b, ". Comparing them carefully.\n", $"My final verdict is [[{verdict}]]."];
    }

    /// <summary>The model that signed an answer's text ("" when none did).</summary>
    public static string Author(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var at = answer.IndexOf(Signature, StringComparison.Ordinal);
        return at < 0 ? "" : answer[(at + Signature.Length)..].Split(' ')[0];
    }

    /// <summary>How much the judge likes a model on a prompt (higher is better; a gap of 2 or more is a strong verdict).</summary>
    public static int Rank(string model, bool writing) => model switch
    {
        Alpha => 5,
        Beta => writing ? 3 : 1,
        Gamma => 2,
        _ => 0,
    };

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = from < 0 ? -1 : text.IndexOf(end, from, StringComparison.Ordinal);
        return from < 0 || to < 0 ? "" : text[(from + start.Length)..to];
    }
}
