namespace Modelwatch.Core.Evals;

/// <summary>
/// The judge prompt of Arena-Hard-Auto (Li et al. 2024, "From Crowdsourced Data to High-Quality Benchmarks: Arena-Hard
/// and BenchBuilder Pipeline", arXiv 2406.11939; lmarena/arena-hard-auto, Apache-2.0, <c>config/judge_config.yaml</c>
/// and <c>utils/judge_utils.py</c> OG_ARENA_HARD_PROMPT): the system prompt word for word, and the user template with
/// the prompt and the two answers. With a reference answer, the reference block goes between the prompt and the answers,
/// as the repository's reference-answer template does.
/// </summary>
public static class ArenaHardJudgePrompt
{
    public const string System =
        "Please act as an impartial judge and evaluate the quality of the responses provided by two AI assistants to the user prompt displayed below. You will be given assistant A's answer and assistant B's answer. Your job is to evaluate which assistant's answer is better.\n\n"
        + "Begin your evaluation by generating your own answer to the prompt. You must provide your answers before judging any answers.\n\n"
        + "When evaluating the assistants' answers, compare both assistants' answers with your answer. You must identify and correct any mistakes or inaccurate information.\n\n"
        + "Then consider if the assistant's answers are helpful, relevant, and concise. Helpful means the answer correctly responds to the prompt or follows the instructions. Note when user prompt has any ambiguity or more than one interpretation, it is more helpful and appropriate to ask for clarifications or more information from the user than providing an answer based on assumptions. Relevant means all parts of the response closely connect or are appropriate to what is being asked. Concise means the response is clear and not verbose or excessive.\n\n"
        + "Then consider the creativity and novelty of the assistant's answers when needed. Finally, identify any missing important information in the assistants' answers that would be beneficial to include when responding to the user prompt.\n\n"
        + "After providing your explanation, you must output only one of the following choices as your final verdict with a label:\n\n"
        + "1. Assistant A is significantly better: [[A>>B]]\n2. Assistant A is slightly better: [[A>B]]\n3. Tie, relatively the same: [[A=B]]\n4. Assistant B is slightly better: [[B>A]]\n5. Assistant B is significantly better: [[B>>A]]\n\n"
        + "Example output: \"My final verdict is tie: [[A=B]]\".";

    /// <summary>Marks that open and close each part of the user message (the judge reads them; tests find the answers by them).</summary>
    public const string AnswerAStart = "<|The Start of Assistant A's Answer|>";
    public const string AnswerAEnd = "<|The End of Assistant A's Answer|>";
    public const string AnswerBStart = "<|The Start of Assistant B's Answer|>";
    public const string AnswerBEnd = "<|The End of Assistant B's Answer|>";
    public const string ReferenceStart = "<|The Start of Reference Answer|>";
    public const string ReferenceEnd = "<|The End of Reference Answer|>";

    /// <summary>The user message: the prompt, the optional reference answer, then answer A and answer B.</summary>
    public static string User(string prompt, string answerA, string answerB, string? reference = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(answerA);
        ArgumentNullException.ThrowIfNull(answerB);
        var referenceBlock = string.IsNullOrWhiteSpace(reference) ? "" : $"{ReferenceStart}\n{reference}\n{ReferenceEnd}\n\n";
        return $"<|User Prompt|>\n{prompt}\n\n{referenceBlock}{AnswerAStart}\n{answerA}\n{AnswerAEnd}\n\n{AnswerBStart}\n{answerB}\n{AnswerBEnd}";
    }

    /// <summary>Answer A and answer B back out of a user message made by <see cref="User"/> (null when the marks are missing).</summary>
    public static (string A, string B)? Answers(string userMessage)
    {
        ArgumentNullException.ThrowIfNull(userMessage);
        var a = Between(userMessage, AnswerAStart, AnswerAEnd);
        var b = Between(userMessage, AnswerBStart, AnswerBEnd);
        return a is null || b is null ? null : (a, b);
    }

    private static string? Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = from < 0 ? -1 : text.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return to < 0 ? null : text[(from + start.Length)..to].Trim('\n');
    }
}
