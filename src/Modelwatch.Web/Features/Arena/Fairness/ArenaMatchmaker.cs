using Modelwatch.Web.Features.Arena.Providers;

namespace Modelwatch.Web.Features.Arena.Fairness;

/// <summary>
/// Draws the two contestants of a blind battle from those available, never the same model twice. This first version
/// draws uniformly; the weighted draw replaces it.
/// </summary>
public sealed class ArenaMatchmaker
{
    /// <summary>Two different contestants (sides in random order), or null when fewer than two can be drawn.</summary>
    /// <param name="available">Contestants available now (and with a free provider slot).</param>
    /// <param name="needsImages">Only contestants that accept images.</param>
    /// <param name="ct">Cancels the read of the vote counts.</param>
    public Task<(ContestantInfo A, ContestantInfo B)?> DrawAsync(IReadOnlyList<ContestantInfo> available, bool needsImages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(available);
        var pool = available.Where(c => c.Available && (!needsImages || c.AcceptsImages)).ToList();
        if (pool.Count < 2)
        {
            return Task.FromResult<(ContestantInfo, ContestantInfo)?>(null);
        }

        var first = Random.Shared.Next(pool.Count);
        var second = Random.Shared.Next(pool.Count - 1);
        if (second >= first)
        {
            second++;
        }

        return Task.FromResult<(ContestantInfo, ContestantInfo)?>((pool[first], pool[second]));
    }
}
