using System.Globalization;
using Modelwatch.Core.Evals;
using Modelwatch.Testing.Providers;

namespace Modelwatch.Web.Tests.Features.Evals;

/// <summary>
/// What the fake provider answers in the evaluation tests. Contestants sign their answers (<c>answer-by:model</c>);
/// the judge model reads the two answers of the Arena-Hard template and prefers by a fixed order, so the expected
/// board follows from the rule, not from a stored copy: <see cref="Alpha"/> beats everyone by far; on prompts about
/// writing <see cref="Beta"/> beats the baseline <see cref="Gamma"/>, on the others the baseline beats Beta.
/// </summary>
public static class EvalFakeModels
{
    public const string Alpha = "m-alpha";
    public const string Beta = "m-beta";
    public const string Gamma = "m-gamma";
    public const string Judge = "judge-1";
    public const string Signature = "answer-by:";

    public static readonly string[] All = [Alpha, Beta, Gamma, Judge];

    /// <summary>The prompts: <paramref name="count"/> of them, tagged writing (every third) or coding, some also korean.</summary>
    public static IReadOnlyList<PromptRecord> Prompts(int count) =>
        [.. Enumerable.Range(1, count).Select(i =>
        {
            var writing = i % 3 == 0;
            var tags = writing ? new List<string> { "writing" } : ["coding"];
            if (i % 4 == 0)
            {
                tags.Add("korean");
            }

            var topic = writing ? "writing" : "coding";
            return new PromptRecord(string.Create(CultureInfo.InvariantCulture, $"q{i:00}"), string.Create(CultureInfo.InvariantCulture, $"Task {i} about {topic}: explain item {i}."), null, tags);
        })];

    /// <summary>The fake's answer to a request: a contestant's signed answer, or the judge's reasoning and verdict.</summary>
    public static IReadOnlyList<string> Answer(FakeChatRequest request)
    {
        if (request.Model != Judge)
        {
            return [Signature, request.Model, " says: ", "about ", request.LastUserText.Length.ToString(CultureInfo.InvariantCulture), " characters."];
        }

        var text = request.LastUserText;
        var a = Between(text, ArenaHardJudgePrompt.AnswerAStart, ArenaHardJudgePrompt.AnswerAEnd);
        var b = Between(text, ArenaHardJudgePrompt.AnswerBStart, ArenaHardJudgePrompt.AnswerBEnd);
        var writing = text.Contains("about writing", StringComparison.Ordinal);
        var (ra, rb) = (Rank(Author(a), writing), Rank(Author(b), writing));
        var verdict = ra == rb ? "A=B" : ra > rb ? (ra - rb >= 2 ? "A>>B" : "A>B") : (rb - ra >= 2 ? "B>>A" : "B>A");
        return ["Assistant A is ", Author(a), "; assistant B is ", Author(b), ". Comparing them carefully.\n", $"My final verdict is [[{verdict}]]."];
    }

    /// <summary>The preferred model of a judged pair, as the fake judge decides it.</summary>
    public static int Rank(string model, bool writing) => model switch
    {
        Alpha => 5,
        Beta => writing ? 3 : 1,
        Gamma => 2,
        _ => 0,
    };

    private static string Author(string answer)
    {
        var at = answer.IndexOf(Signature, StringComparison.Ordinal);
        return at < 0 ? "" : answer[(at + Signature.Length)..].Split(' ')[0];
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = from < 0 ? -1 : text.IndexOf(end, from, StringComparison.Ordinal);
        return from < 0 || to < 0 ? "" : text[(from + start.Length)..to];
    }
}
