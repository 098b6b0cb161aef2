namespace Modelwatch.Core.Ratings.StyleControl;

/// <summary>
/// Settings of the style-controlled (contextual) Bradley–Terry fit. Defaults are lmarena/arena-rank's
/// <c>ContextualBradleyTerry</c> and <c>ContextualPairDataset</c> defaults.
/// </summary>
public sealed record StyleControlOptions
{
    /// <summary>Rating points per factor <see cref="Base"/> in odds: rating = InitialRating + Scale / ln(Base) · r.</summary>
    public double Scale { get; init; } = 400;

    public double Base { get; init; } = 10;

    /// <summary>The mean rating (ratings are fitted with a sum-zero gauge).</summary>
    public double InitialRating { get; init; } = 1000;

    /// <summary>λ of the L2 penalty ½·λ·‖γ‖² on the style coefficients only, added to the <em>mean</em> loss (arena-rank: 1.0).</summary>
    public double CoefficientPenalty { get; init; } = 1.0;

    /// <summary>Added to the diagonal of the sandwich's Hessian, as arena-rank does (its Hessian is per vote, so this is tiny).</summary>
    public double HessianRidge { get; init; } = 1e-5;

    /// <summary>Inverse-propensity weights per model pair, <c>1 / max(pair votes, MinPairCount)</c>, normalised to mean 1.</summary>
    public bool Reweight { get; init; } = true;

    public double MinPairCount { get; init; } = 50;

    public int MaxIterations { get; init; } = 100;

    /// <summary>Newton stops when the largest gradient component of the mean loss is at most this.</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Coverage of the reported intervals (two-sided).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Which sandwich covariance to report; see <see cref="StyleSandwich"/>.</summary>
    public StyleSandwich Sandwich { get; init; } = StyleSandwich.Penalized;
}
