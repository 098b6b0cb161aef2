namespace Modelwatch.Core.Ratings;

public enum IntervalMethod
{
    None,

    /// <summary>Sandwich (robust) covariance <c>H⁻¹ G H⁻¹</c> and normal quantiles; LMArena's default since July 2025.</summary>
    Sandwich,

    /// <summary>Multinomial bootstrap of the aggregated rows and percentile bounds.</summary>
    Bootstrap,
}
