using Modelwatch.Core.Evals;

namespace Modelwatch.Core.Tests.Evals;

public sealed class JudgeVerdictParserTests
{
    /// <summary>
    /// Endings of real judge answers: gpt-4-1106-preview judging gpt-3.5-turbo-0125 against gpt-4-0314 on Arena-Hard v0.1
    /// (lmarena/arena-hard-auto judgment files, Apache-2.0), with the label arena-hard-auto itself recorded as "score".
    /// </summary>
    public static TheoryData<string, string> RealJudgeEndings => new()
    {
        {
            "Comparison:\nBoth assistants provided correct and functional answers. Assistant B's answer includes a slightly more explicit check for the length of the variable name with the angle brackets, which is a good practice to avoid any confusion.\n\nFinal Verdict:\nMy final verdict is tie: [[A=B]]. Both assistants provided correct and functional answers that meet the requirements of the prompt.",
            "A=B"
        },
        {
            "The only minor difference is that Assistant A includes the angle brackets in the length check, which is a more precise interpretation of the prompt's requirement.\n\nFinal Verdict:\nMy final verdict is that Assistant A is slightly better: [[A>B]]. This is because Assistant A's answer more accurately accounts for the length of the variable names including the angle brackets.",
            "A>B"
        },
        {
            "Comparison:\nBoth assistants provide correct and relevant information regarding the possibility of discovering what was typed on a mechanical keyboard from audio recordings. Assistant A's answer is slightly more detailed.\n\nMy final verdict is: Assistant A is slightly better: [[A>B]].",
            "A>B"
        },
        {
            "However, Assistant B's response includes the additional step of seeking HR guidance if needed, which is an important consideration in such situations.\n\nFinal Verdict:\nMy final verdict is that Assistant B is slightly better: [[B>A]]. The inclusion of seeking HR guidance provides a more complete approach to the scenario.",
            "B>A"
        },
    };

    [Theory]
    [MemberData(nameof(RealJudgeEndings))]
    public void Reads_the_label_arena_hard_auto_recorded_from_real_judge_answers(string judgeText, string recordedScore)
    {
        Assert.Equal(JudgeVerdictParser.FromLabel(recordedScore), JudgeVerdictParser.Parse(judgeText));
        Assert.NotNull(JudgeVerdictParser.Parse(judgeText));
    }

    [Fact]
    public void The_last_label_wins_when_the_judge_quotes_the_scale_first()
    {
        var text = "The choices are [[A>>B]], [[A>B]], [[A=B]], [[B>A]] and [[B>>A]].\nAssistant B is far better.\nMy final verdict is: [[B>>A]]";
        Assert.Equal(JudgeVerdict.BMuchBetter, JudgeVerdictParser.Parse(text));
    }

    [Theory]
    [InlineData("my final verdict is [[a>>b]]", JudgeVerdict.AMuchBetter)]
    [InlineData("[[B<A]]", JudgeVerdict.ABetter)]
    [InlineData("[[A<<B]]", JudgeVerdict.BMuchBetter)]
    [InlineData("[[B=A]]", JudgeVerdict.Tie)]
    [InlineData("Verdict [[A>B]]; see also [[C]]", JudgeVerdict.ABetter)]
    public void Reads_the_spellings_show_result_accepts_case_insensitively(string text, JudgeVerdict expected) =>
        Assert.Equal(expected, JudgeVerdictParser.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("Both answers are fine; I cannot decide.")]
    [InlineData("A>B without brackets, [A>B] with one")]
    [InlineData("First [[A>B]], then on reflection [[A]]")]
    [InlineData("[[A>B>A]]")]
    public void No_label_or_a_final_label_off_the_scale_is_no_verdict(string text) =>
        Assert.Null(JudgeVerdictParser.Parse(text));

    [Fact]
    public void Labels_round_trip_and_mirroring_twice_is_the_identity()
    {
        foreach (var verdict in Enum.GetValues<JudgeVerdict>())
        {
            Assert.Equal(verdict, JudgeVerdictParser.FromLabel(JudgeVerdictParser.ToLabel(verdict)));
            Assert.Equal(verdict, JudgeVerdictParser.Mirror(JudgeVerdictParser.Mirror(verdict)));
            Assert.Equal(-ArenaHardScoring.Signed(verdict), ArenaHardScoring.Signed(JudgeVerdictParser.Mirror(verdict)));
        }
    }
}
