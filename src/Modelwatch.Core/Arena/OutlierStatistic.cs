namespace Modelwatch.Core.Arena;

/// <summary>One decisive vote of a voter: the rating of the side chosen and of the other side, and which side was chosen.</summary>
public readonly record struct VoterChoice(double ChosenRating, double OtherRating, bool ChoseA);

/// <summary>The outcome of the outlier test for one voter.</summary>
public sealed record OutlierVerdict(bool Flag, string Reason, double Score, int Votes);

/// <summary>
/// The outlier-voter test of vote cleaning (<c>docs/ratings.md</c>: "for voters with ≥ 5 votes, p-values of each vote
/// against the pair's historical outcome, flag when Π 1/(2p) &gt; 1/α, α = 0.05"). <c>p</c> is the probability of the
/// chosen side under the current Bradley–Terry ratings (scale 400, base 10). Under honest voting each factor
/// <c>1/(2p)</c> has mean 1, so the product is a non-negative martingale and by Ville's inequality exceeds 1/α with
/// probability at most α. A second rule catches side bias: at least <see cref="SideBiasShare"/> of at least
/// <see cref="SideBiasVotes"/> decisive votes for the same side (A or B), which a blind voter has no reason to do.
/// A flag is only a flag: an administrator decides.
/// </summary>
public static class OutlierStatistic
{
    public const int MinVotes = 5;
    public const double Alpha = 0.05;
    public const int SideBiasVotes = 20;
    public const double SideBiasShare = 0.9;

    /// <summary>
    /// A model's rating is used only once it has this many counted votes: early ratings of a few votes are extreme
    /// (and partly made of the tested voter's own votes), which would make honest choices look improbable. Votes
    /// between less-voted models count as p = ½ (no evidence either way).
    /// </summary>
    public const int MinModelVotes = 50;

    /// <summary>Probabilities are kept within [0.05, 0.95], so no single vote can flag a voter alone.</summary>
    public const double MinProbability = 0.05;

    /// <summary>Probability that a model rated <paramref name="chosen"/> beats one rated <paramref name="other"/>.</summary>
    public static double Probability(double chosen, double other) => 1 / (1 + Math.Pow(10, (other - chosen) / 400));

    /// <summary>Tests a voter's decisive votes.</summary>
    public static OutlierVerdict Test(IReadOnlyList<VoterChoice> votes)
    {
        ArgumentNullException.ThrowIfNull(votes);
        var logScore = 0.0;
        var sideA = 0;
        foreach (var v in votes)
        {
            var p = Math.Clamp(Probability(v.ChosenRating, v.OtherRating), MinProbability, 1 - MinProbability);
            logScore += Math.Log(1 / (2 * p));
            if (v.ChoseA)
            {
                sideA++;
            }
        }

        var n = votes.Count;
        var threshold = Math.Log(1 / Alpha);
        if (n >= MinVotes && logScore > threshold)
        {
            return new OutlierVerdict(true, $"improbable choices: Π 1/(2p) = {Math.Exp(Math.Min(logScore, 700)):G3} over {n} votes exceeds 1/α = {1 / Alpha:G3}", logScore, n);
        }

        var same = Math.Max(sideA, n - sideA);
        if (n >= SideBiasVotes && same >= SideBiasShare * n)
        {
            return new OutlierVerdict(true, $"side bias: {same} of {n} decisive votes for side {(sideA >= n - sideA ? "A" : "B")}", logScore, n);
        }

        return new OutlierVerdict(false, "", logScore, n);
    }
}
