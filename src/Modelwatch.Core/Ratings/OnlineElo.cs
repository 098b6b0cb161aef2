using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Ratings;

/// <summary>
/// Online Elo, the leaderboard before December 2023: votes in the given (time) order,
/// <c>p = 1 / (1 + Base^((R_b − R_a)/Scale))</c>, <c>R_a += K·(S − p)</c>, <c>R_b −= K·(S − p)</c> with S = 1, ½ or 0.
/// The result depends on the order of the votes, which is why LMArena replaced it with Bradley–Terry.
/// </summary>
public static class OnlineElo
{
    /// <param name="modelCount">Number of models; ids in the spans are 0..modelCount−1.</param>
    /// <param name="modelA">Model on side A, per vote.</param>
    /// <param name="modelB">Model on side B, per vote.</param>
    /// <param name="winners">Outcome per vote; ties and both-bad score ½.</param>
    /// <param name="options">K, initial rating, scale and base.</param>
    /// <returns>The rating of each model after the last vote.</returns>
    /// <exception cref="ArgumentException">Spans of different lengths, an id out of range or a self-vote (naming its index).</exception>
    public static double[] Compute(int modelCount, ReadOnlySpan<int> modelA, ReadOnlySpan<int> modelB, ReadOnlySpan<Winner> winners, EloOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(modelCount);
        options ??= EloOptions.Default;
        if (modelA.Length != modelB.Length || modelA.Length != winners.Length)
        {
            throw new ArgumentException($"Expected one model A, model B and winner per vote; got {modelA.Length}, {modelB.Length} and {winners.Length}.", nameof(winners));
        }

        var ratings = new double[modelCount];
        Array.Fill(ratings, options.InitialRating);
        for (var i = 0; i < modelA.Length; i++)
        {
            var a = modelA[i];
            var b = modelB[i];
            if ((uint)a >= (uint)modelCount || (uint)b >= (uint)modelCount)
            {
                throw new ArgumentException($"Vote {i} names model ids ({a}, {b}); expected ids below {modelCount}.", nameof(modelA));
            }

            if (a == b)
            {
                throw new ArgumentException($"Vote {i} has model {a} on both sides; remove self-votes first.", nameof(modelA));
            }

            var expected = 1.0 / (1.0 + Math.Pow(options.Base, (ratings[b] - ratings[a]) / options.Scale));
            var change = options.K * (winners[i].ScoreForA() - expected);
            ratings[a] += change;
            ratings[b] -= change;
        }

        return ratings;
    }
}
