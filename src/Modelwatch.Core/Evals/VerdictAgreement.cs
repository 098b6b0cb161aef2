using Modelwatch.Core.Arena;

namespace Modelwatch.Core.Evals;

/// <summary>Which of two answers (in a fixed order) someone preferred.</summary>
public enum PairPreference
{
    First,
    Tie,
    Second,
}

/// <summary>
/// How often people and the LLM judge agree, on the same prompt and the same two answers.
/// <paramref name="Matrix"/>[human][judge] counts pairs by preference (First, Tie, Second); <paramref name="Kappa"/> is
/// Cohen's κ = (p_o − p_e) / (1 − p_e), null when p_e = 1 (both always said the same one thing: agreement by chance
/// alone cannot be told apart). Rate and κ are null without pairs.
/// </summary>
public sealed record AgreementResult(int Count, int Agreements, double? Rate, double? Kappa, IReadOnlyList<IReadOnlyList<int>> Matrix);

/// <summary>Agreement between human votes and judge verdicts (Cohen 1960, "A coefficient of agreement for nominal scales").</summary>
public static class VerdictAgreement
{
    /// <summary>A person's vote: A, B, or a tie (both-bad is a tie: neither was preferred).</summary>
    public static PairPreference FromChoice(ArenaChoice choice) => choice switch
    {
        ArenaChoice.A => PairPreference.First,
        ArenaChoice.B => PairPreference.Second,
        _ => PairPreference.Tie,
    };

    /// <summary>
    /// The judge's one preference from its games on the pair, each given as the verdict with the pair's first answer
    /// shown as A (mirror the swapped order first): the sign of the summed strengths (A≫B = 2 … B≫A = −2), so a
    /// position-biased A&gt;B then B&gt;A cancels to a tie. Null without a verdict.
    /// </summary>
    public static PairPreference? FromJudge(IEnumerable<JudgeVerdict> verdictsForFirst)
    {
        ArgumentNullException.ThrowIfNull(verdictsForFirst);
        var any = false;
        var sum = 0;
        foreach (var verdict in verdictsForFirst)
        {
            any = true;
            sum += ArenaHardScoring.Signed(verdict);
        }

        return !any ? null : sum > 0 ? PairPreference.First : sum < 0 ? PairPreference.Second : PairPreference.Tie;
    }

    public static AgreementResult Compute(IEnumerable<(PairPreference Human, PairPreference Judge)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var matrix = new int[3][];
        for (var i = 0; i < 3; i++)
        {
            matrix[i] = new int[3];
        }

        var n = 0;
        foreach (var (human, judge) in pairs)
        {
            matrix[(int)human][(int)judge]++;
            n++;
        }

        var agree = matrix[0][0] + matrix[1][1] + matrix[2][2];
        double? rate = null, kappa = null;
        if (n > 0)
        {
            var observed = (double)agree / n;
            var chance = 0.0;
            for (var k = 0; k < 3; k++)
            {
                double humanK = matrix[k][0] + matrix[k][1] + matrix[k][2];
                double judgeK = matrix[0][k] + matrix[1][k] + matrix[2][k];
                chance += humanK / n * (judgeK / n);
            }

            rate = observed;
            kappa = chance >= 1 ? null : (observed - chance) / (1 - chance);
        }

        return new AgreementResult(n, agree, rate, kappa, [.. matrix.Select(row => (IReadOnlyList<int>)row)]);
    }
}
