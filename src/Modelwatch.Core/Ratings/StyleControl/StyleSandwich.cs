namespace Modelwatch.Core.Ratings.StyleControl;

/// <summary>
/// The two sandwich covariances on offer. Both are <c>H⁻¹·G·H⁻¹ / n</c> over per-vote terms scaled by <c>1/n</c>,
/// with <see cref="StyleControlOptions.HessianRidge"/> on H's diagonal; they differ only in how the penalty
/// <c>½·λ·‖γ‖²</c> enters.
/// </summary>
public enum StyleSandwich
{
    /// <summary>
    /// The M-estimator sandwich of the loss actually minimised (default): H is that loss's Hessian, so its
    /// coefficient block includes λ, and G is the centred covariance of the per-vote score
    /// <c>ψᵢ = gᵢ + λ·θ</c>, i.e. <c>mean(gᵢ·gᵢᵀ) − λ²·θθᵀ</c> (θ = (0…0, γ)). Ratings' intervals barely differ
    /// from <see cref="ArenaRank"/>; the coefficients' intervals are those of the penalised estimate.
    /// </summary>
    Penalized,

    /// <summary>
    /// lmarena/arena-rank's <c>compute_hessian_and_covariance</c> exactly: no λ in H, and
    /// <c>(λ²/n)·θθᵀ</c> subtracted from G. Use it to reproduce arena-rank's published intervals.
    /// </summary>
    ArenaRank,
}
