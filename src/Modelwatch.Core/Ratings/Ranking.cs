namespace Modelwatch.Core.Ratings;

/// <summary>
/// LMArena's displayed rank: 1 + the number of models whose lower bound lies above this model's upper bound, so
/// models whose intervals overlap share a rank and a rank says "this many models are surely better".
/// </summary>
public static class Ranking
{
    public static int[] FromIntervals(ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        if (lower.Length != upper.Length)
        {
            throw new ArgumentException($"Expected one upper bound per lower bound; got {lower.Length} lower and {upper.Length} upper.", nameof(upper));
        }

        var sortedLower = lower.ToArray();
        Array.Sort(sortedLower);
        var ranks = new int[lower.Length];
        for (var i = 0; i < ranks.Length; i++)
        {
            ranks[i] = 1 + CountAbove(sortedLower, upper[i]);
        }

        return ranks;
    }

    /// <summary>How many sorted values are strictly greater than <paramref name="value"/>.</summary>
    private static int CountAbove(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid] > value)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return sorted.Length - low;
    }
}
