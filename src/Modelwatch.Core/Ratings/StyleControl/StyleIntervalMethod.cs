namespace Modelwatch.Core.Ratings.StyleControl;

/// <summary>How the style-controlled fit's intervals are computed.</summary>
public enum StyleIntervalMethod
{
    /// <summary>Sandwich (robust) covariance at the fit; see <see cref="StyleSandwich"/>.</summary>
    Sandwich,

    /// <summary>Percentiles of refits on votes resampled with replacement (seeded; the point estimate stays the full fit).</summary>
    Bootstrap,
}
