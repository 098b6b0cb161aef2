using System.Globalization;
using System.Text.RegularExpressions;
using Modelwatch.Core.Evals;
using Modelwatch.Testing.Providers;

namespace Modelwatch.Evals.Tests.Support;

/// <summary>
/// The fake server's behaviour for an evaluation: every model answers "[model] answer to: prompt" in four pieces; the
/// judge model reads the two answers out of the Arena-Hard user message, finds which model wrote each and which prompt
/// it is, and gives the verdict its table holds for that candidate on that prompt (mirrored when the candidate is shown
/// as B) — a judge without position bias that prefers one model, though not on every prompt.
/// </summary>
public static partial class FakeJudge
{
    public const string Judge = "judge-model";

    /// <summary>Verdicts with the candidate shown as A and the baseline as B, by prompt index.</summary>
    public static IReadOnlyDictionary<string, JudgeVerdict[]> Table { get; } = new Dictionary<string, JudgeVerdict[]>(StringComparer.Ordinal)
    {
        ["strong"] =
        [
            JudgeVerdict.AMuchBetter, JudgeVerdict.ABetter, JudgeVerdict.Tie, JudgeVerdict.ABetter, JudgeVerdict.AMuchBetter, JudgeVerdict.BBetter,
            JudgeVerdict.ABetter, JudgeVerdict.Tie, JudgeVerdict.AMuchBetter, JudgeVerdict.ABetter, JudgeVerdict.ABetter, JudgeVerdict.Tie,
        ],
        ["weak"] =
        [
            JudgeVerdict.BBetter, JudgeVerdict.BMuchBetter, JudgeVerdict.Tie, JudgeVerdict.BBetter, JudgeVerdict.ABetter, JudgeVerdict.BBetter,
            JudgeVerdict.BMuchBetter, JudgeVerdict.Tie, JudgeVerdict.BBetter, JudgeVerdict.BBetter, JudgeVerdict.Tie, JudgeVerdict.BMuchBetter,
        ],
    };

    public static string PromptText(int index) => string.Create(CultureInfo.InvariantCulture, $"Prompt {index}: explain item {index * 7} briefly.");

    public static string AnswerText(string model, string prompt) => $"[{model}] answer to: {prompt}";

    /// <summary>The verdict the judge gives with <paramref name="modelA"/> shown first (one of them the baseline).</summary>
    public static JudgeVerdict VerdictFor(string modelA, string modelB, int prompt, string baseline) =>
        string.Equals(modelB, baseline, StringComparison.Ordinal)
            ? Table[modelA][prompt]
            : JudgeVerdictParser.Mirror(Table[modelB][prompt]);

    /// <summary>The judge's reasoning text, ending with the label (what the runner must store whole).</summary>
    public static IReadOnlyList<string> JudgeAnswer(string modelA, string modelB, int prompt, string baseline) =>
    [
        $"My own answer to prompt {prompt} would explain the item. ",
        $"Assistant A ({modelA}) and assistant B ({modelB}) both answer; ",
        $"My final verdict is: [[{JudgeVerdictParser.ToLabel(VerdictFor(modelA, modelB, prompt, baseline))}]]",
    ];

    /// <summary>The fake server's answer callback.</summary>
    public static Func<FakeChatRequest, IReadOnlyList<string>> Answer(string baseline) => request =>
    {
        if (!string.Equals(request.Model, Judge, StringComparison.Ordinal))
        {
            var text = AnswerText(request.Model, request.LastUserText);
            return [text[..5], text[5..10], text[10..20], text[20..]];
        }

        var (a, b, prompt) = Read(request);
        return JudgeAnswer(a, b, prompt, baseline);
    };

    /// <summary>Which models' answers a judge request showed as A and B, and on which prompt.</summary>
    public static (string ModelA, string ModelB, int Prompt) Read(FakeChatRequest request)
    {
        var user = request.LastUserText;
        var answers = ArenaHardJudgePrompt.Answers(user) ?? throw new InvalidOperationException("The judge request has no Arena-Hard answer blocks.");
        return (ModelOf(answers.A), ModelOf(answers.B), int.Parse(PromptIndex().Match(user).Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The model that wrote an answer (its "[model]" mark).</summary>
    public static string ModelOf(string answer) => ModelMark().Match(answer).Groups[1].Value;

    /// <summary>The prompt index in a prompt's text.</summary>
    public static int PromptOf(string text) => int.Parse(PromptIndex().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\[([a-z-]+)\]")]
    private static partial Regex ModelMark();

    [GeneratedRegex(@"Prompt (\d+):")]
    private static partial Regex PromptIndex();
}
