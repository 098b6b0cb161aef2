using System.Text.RegularExpressions;
using Modelwatch.Core.Evals;

namespace Modelwatch.Core.Tests.Evals;

public sealed class ArenaHardJudgePromptTests
{
    [Fact]
    public void The_system_prompt_offers_the_five_labels_the_parser_reads_best_for_A_first()
    {
        var labels = Regex.Matches(ArenaHardJudgePrompt.System, @"\[\[([AB<>=]+)\]\]").Select(m => m.Groups[1].Value).ToList();
        // The five choices, then the example ("My final verdict is tie: [[A=B]]").
        Assert.Equal(6, labels.Count);
        Assert.Equal(Enum.GetValues<JudgeVerdict>(), labels.Take(5).Select(l => JudgeVerdictParser.FromLabel(l)!.Value));
        Assert.Equal(JudgeVerdict.Tie, JudgeVerdictParser.FromLabel(labels[5]));
    }

    [Fact]
    public void The_user_message_holds_the_prompt_then_A_then_B_and_gives_them_back()
    {
        var user = ArenaHardJudgePrompt.User("What is 2+2?", "It is 4.\nSure.", "Five.");
        Assert.StartsWith("<|User Prompt|>\nWhat is 2+2?\n\n", user, StringComparison.Ordinal);
        Assert.True(user.IndexOf("It is 4.", StringComparison.Ordinal) < user.IndexOf("Five.", StringComparison.Ordinal));
        Assert.DoesNotContain(ArenaHardJudgePrompt.ReferenceStart, user, StringComparison.Ordinal);
        Assert.Equal(("It is 4.\nSure.", "Five."), ArenaHardJudgePrompt.Answers(user));
    }

    [Fact]
    public void A_reference_answer_goes_between_the_prompt_and_the_answers()
    {
        var user = ArenaHardJudgePrompt.User("Q", "a", "b", reference: "The reference.");
        var reference = user.IndexOf("The reference.", StringComparison.Ordinal);
        Assert.InRange(reference, user.IndexOf("Q", StringComparison.Ordinal), user.IndexOf(ArenaHardJudgePrompt.AnswerAStart, StringComparison.Ordinal));
        Assert.Contains(ArenaHardJudgePrompt.ReferenceEnd, user, StringComparison.Ordinal);
        Assert.Null(ArenaHardJudgePrompt.Answers("no marks here"));
    }
}
