using Modelwatch.Web.Features.Arena.Providers;

namespace Modelwatch.Web.Features.Arena.Fairness;

/// <summary>
/// CONTRACT (owned by the fairness work): draws the two contestants of a blind battle from those available, weighted
/// toward pairs with few votes or overlapping intervals and toward new models, never the same model twice.
/// </summary>
public sealed class ArenaMatchmaker
{
    /// <summary>Two different contestants (sides in random order), or null when fewer than two can be drawn.</summary>
    /// <param name="available">Contestants available now (and with a free provider slot).</param>
    /// <param name="needsImages">Only contestants that accept images.</param>
    /// <param name="ct">Cancels the read of the vote counts.</param>
    public Task<(ContestantInfo A, ContestantInfo B)?> DrawAsync(IReadOnlyList<ContestantInfo> available, bool needsImages, CancellationToken ct) =>
        throw new NotImplementedException();
}
