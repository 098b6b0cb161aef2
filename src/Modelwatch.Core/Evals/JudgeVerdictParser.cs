using System.Text.RegularExpressions;

namespace Modelwatch.Core.Evals;

/// <summary>
/// Reads the verdict label out of an LLM judge's answer, as arena-hard-auto does (<c>gen_judgment.py</c>,
/// <c>get_score</c>: the pattern <c>\[\[([AB&lt;&gt;=]+)\]\]</c> on the upper-cased text, the last match wins).
/// The last label wins because judges often quote the scale ("1. Assistant A is significantly better: [[A&gt;&gt;B]]")
/// before giving their own; arena-hard-auto v0.1 refused every answer with two different labels and lost those.
/// The mirrored spellings show_result.py accepts (<c>A&lt;B</c>, <c>B&lt;&lt;A</c>, <c>B=A</c>, …) are read too.
/// A final label that is on no scale (<c>[[A]]</c>, <c>[[A&gt;B&gt;A]]</c>) is a conflicting verdict: null, as is no label.
/// </summary>
public static partial class JudgeVerdictParser
{
    /// <summary>The verdict, or null when the text has no label or its last label is not on the five-point scale.</summary>
    public static JudgeVerdict? Parse(string? judgeText)
    {
        if (string.IsNullOrEmpty(judgeText))
        {
            return null;
        }

        var matches = Label().Matches(judgeText.ToUpperInvariant());
        return matches.Count == 0 ? null : FromLabel(matches[^1].Groups[1].Value);
    }

    /// <summary>One label without its brackets (<c>A&gt;&gt;B</c>); null when it is not one of the scale's spellings.</summary>
    public static JudgeVerdict? FromLabel(string label) => label switch
    {
        "A>>B" or "B<<A" => JudgeVerdict.AMuchBetter,
        "A>B" or "B<A" => JudgeVerdict.ABetter,
        "A=B" or "B=A" => JudgeVerdict.Tie,
        "B>A" or "A<B" => JudgeVerdict.BBetter,
        "B>>A" or "A<<B" => JudgeVerdict.BMuchBetter,
        _ => null,
    };

    /// <summary>The label arena-hard-auto writes for a verdict (<c>A&gt;&gt;B</c> …).</summary>
    public static string ToLabel(JudgeVerdict verdict) => verdict switch
    {
        JudgeVerdict.AMuchBetter => "A>>B",
        JudgeVerdict.ABetter => "A>B",
        JudgeVerdict.Tie => "A=B",
        JudgeVerdict.BBetter => "B>A",
        JudgeVerdict.BMuchBetter => "B>>A",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    /// <summary>The same judgement seen from the other side (A and B swapped): A≫B becomes B≫A.</summary>
    public static JudgeVerdict Mirror(JudgeVerdict verdict) => verdict switch
    {
        JudgeVerdict.AMuchBetter => JudgeVerdict.BMuchBetter,
        JudgeVerdict.ABetter => JudgeVerdict.BBetter,
        JudgeVerdict.Tie => JudgeVerdict.Tie,
        JudgeVerdict.BBetter => JudgeVerdict.ABetter,
        JudgeVerdict.BMuchBetter => JudgeVerdict.AMuchBetter,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    [GeneratedRegex(@"\[\[([AB<>=]+)\]\]", RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
