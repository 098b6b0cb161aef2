namespace Modelwatch.Core.Arena;

/// <summary>A model that can be drawn: its name, its counted votes so far, and its 95% interval on the board (if rated).</summary>
public sealed record DrawCandidate(string Name, int Votes, double? Lower = null, double? Upper = null);

/// <summary>
/// Draws the two sides of a blind battle. It follows LMArena's sampling (FastChat's <c>get_battle_pair</c> gives new
/// models a higher sampling weight, and the Chatbot Arena paper, arXiv 2403.04132 §5, samples pairs where a vote most
/// narrows the intervals, i.e. pairs with few votes and close ratings):
/// <list type="bullet">
/// <item>a pair's weight is <c>1/√(n+1)</c> for its <c>n</c> counted votes (a pair with 0 votes weighs 1, one with
/// 500 weighs 0.045);</item>
/// <item>×<see cref="NewModelBoost"/> when either model has fewer than <see cref="NewModelVotes"/> votes;</item>
/// <item>×<see cref="OverlapBoost"/> when both models are rated and their 95% intervals overlap (the board cannot yet
/// tell them apart).</item>
/// </list>
/// The pair is drawn in proportion to its weight, never a model against itself, and the sides are swapped with
/// probability ½ so neither side is favoured.
/// </summary>
public static class PairDraw
{
    public const int NewModelVotes = 100;
    public const double NewModelBoost = 2;
    public const double OverlapBoost = 2;

    /// <summary>The weight of the pair (see the type's rules).</summary>
    public static double Weight(DrawCandidate a, DrawCandidate b, int pairVotes)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var weight = 1 / Math.Sqrt(Math.Max(0, pairVotes) + 1.0);
        if (a.Votes < NewModelVotes || b.Votes < NewModelVotes)
        {
            weight *= NewModelBoost;
        }

        if (a.Lower is { } la && a.Upper is { } ua && b.Lower is { } lb && b.Upper is { } ub && la <= ub && lb <= ua)
        {
            weight *= OverlapBoost;
        }

        return weight;
    }

    /// <summary>Indices (A, B) into <paramref name="candidates"/>, different, sides in random order; null when fewer than two.</summary>
    /// <param name="candidates">The models to draw from; names must be distinct.</param>
    /// <param name="pairVotes">Counted votes of a pair of names (either order).</param>
    /// <param name="random">The source of chance (seeded in tests).</param>
    public static (int A, int B)? Draw(IReadOnlyList<DrawCandidate> candidates, Func<string, string, int> pairVotes, Random random)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(pairVotes);
        ArgumentNullException.ThrowIfNull(random);
        if (candidates.Count < 2)
        {
            return null;
        }

        var pairs = new List<(int I, int J, double Weight)>(candidates.Count * (candidates.Count - 1) / 2);
        var total = 0.0;
        for (var i = 0; i < candidates.Count; i++)
        {
            for (var j = i + 1; j < candidates.Count; j++)
            {
                if (string.Equals(candidates[i].Name, candidates[j].Name, StringComparison.Ordinal))
                {
                    continue;
                }

                var w = Weight(candidates[i], candidates[j], pairVotes(candidates[i].Name, candidates[j].Name));
                pairs.Add((i, j, w));
                total += w;
            }
        }

        if (pairs.Count == 0)
        {
            return null;
        }

        var x = random.NextDouble() * total;
        var chosen = pairs[^1];
        foreach (var pair in pairs)
        {
            x -= pair.Weight;
            if (x < 0)
            {
                chosen = pair;
                break;
            }
        }

        return random.Next(2) == 0 ? (chosen.I, chosen.J) : (chosen.J, chosen.I);
    }
}
