namespace Modelwatch.Core.Leaderboards;

/// <summary>
/// The cheapest-for-quality frontier of a rating-versus-price plot: the points no other point beats on both counts
/// (costs no more and rates at least as high, better on one). A reader choosing a model for a budget only needs to look
/// at these; everything else is dominated by a point on the front.
/// </summary>
public static class ParetoFront
{
    /// <summary>
    /// The non-dominated items, cheapest first (and so lowest-rated first: along the front, more cost buys more
    /// quality). Items whose cost or quality is not a finite number are left out. Exact duplicates of a front point
    /// (same cost and quality) are on the front too.
    /// </summary>
    /// <param name="items">The candidates.</param>
    /// <param name="cost">Lower is better (a price).</param>
    /// <param name="quality">Higher is better (a rating).</param>
    public static IReadOnlyList<T> Of<T>(IEnumerable<T> items, Func<T, double> cost, Func<T, double> quality)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(quality);
        var ordered = items
            .Select(item => (Item: item, Cost: cost(item), Quality: quality(item)))
            .Where(p => double.IsFinite(p.Cost) && double.IsFinite(p.Quality))
            .OrderBy(p => p.Cost)
            .ThenByDescending(p => p.Quality)
            .ToList();
        var front = new List<T>();
        var best = double.NegativeInfinity;
        var lastCost = double.NaN;
        foreach (var p in ordered)
        {
            // Cheapest first, so a point is dominated unless it rates above everything cheaper. At the same cost only
            // the best rating (first) counts; an exact duplicate of the last front point is kept beside it.
            if (p.Quality > best)
            {
                front.Add(p.Item);
                best = p.Quality;
                lastCost = p.Cost;
            }
            else if (p.Quality == best && p.Cost == lastCost)
            {
                front.Add(p.Item);
            }
        }

        return front;
    }
}
