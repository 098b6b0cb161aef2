using Modelwatch.Core.Arena;
using Modelwatch.Core.Evals;

namespace Modelwatch.Core.Tests.Evals;

public sealed class VerdictAgreementTests
{
    private const PairPreference First = PairPreference.First;
    private const PairPreference Tie = PairPreference.Tie;
    private const PairPreference Second = PairPreference.Second;

    [Fact]
    public void Cohen_s_kappa_as_computed_by_hand()
    {
        // Ten pairs (human, judge): 4 × (First, First), 1 × (First, Tie), 1 × (Tie, Tie), 3 × (Second, Second), 1 × (Second, First).
        // p_o = 8/10. Human marginals First 5, Tie 1, Second 4; judge's First 5, Tie 2, Second 3.
        // p_e = .5·.5 + .1·.2 + .4·.3 = .39; κ = (.8 − .39) / (1 − .39) = .41 / .61.
        var pairs = Enumerable.Repeat((First, First), 4)
            .Append((First, Tie))
            .Append((Tie, Tie))
            .Concat(Enumerable.Repeat((Second, Second), 3))
            .Append((Second, First));
        var result = VerdictAgreement.Compute(pairs);
        Assert.Equal((10, 8), (result.Count, result.Agreements));
        Assert.Equal(0.8, result.Rate!.Value, 12);
        Assert.Equal(0.41 / 0.61, result.Kappa!.Value, 12);
        Assert.Equal([4, 1, 0], result.Matrix[0]);
        Assert.Equal([1, 0, 3], result.Matrix[2]);
    }

    [Fact]
    public void Kappa_is_unknown_when_both_always_say_the_same_one_thing_and_without_pairs()
    {
        var same = VerdictAgreement.Compute(Enumerable.Repeat((First, First), 5));
        Assert.Equal(1.0, same.Rate);
        Assert.Null(same.Kappa);
        var none = VerdictAgreement.Compute([]);
        Assert.Equal(0, none.Count);
        Assert.Null(none.Rate);
        Assert.Null(none.Kappa);
    }

    [Fact]
    public void Kappa_is_negative_when_they_disagree_more_than_chance()
    {
        var result = VerdictAgreement.Compute([(First, Second), (Second, First), (First, Second), (Second, First)]);
        Assert.Equal(0, result.Rate);
        Assert.True(result.Kappa < 0, $"κ = {result.Kappa}");
    }

    [Fact]
    public void The_judge_s_two_orders_reduce_to_one_preference()
    {
        // A>B shown one way and B>A (i.e. A>B mirrored back) the other: position bias cancels to a tie.
        Assert.Equal(Tie, VerdictAgreement.FromJudge([JudgeVerdict.ABetter, JudgeVerdict.BBetter]));
        Assert.Equal(First, VerdictAgreement.FromJudge([JudgeVerdict.AMuchBetter, JudgeVerdict.BBetter]));
        Assert.Equal(Second, VerdictAgreement.FromJudge([JudgeVerdict.Tie, JudgeVerdict.BBetter]));
        Assert.Null(VerdictAgreement.FromJudge([]));
        Assert.Equal(Tie, VerdictAgreement.FromChoice(ArenaChoice.BothBad));
        Assert.Equal(Second, VerdictAgreement.FromChoice(ArenaChoice.B));
    }
}
