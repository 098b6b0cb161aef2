namespace Modelwatch.Core.Ratings;

/// <summary>
/// Settings of a Bradley–Terry fit and its intervals. Defaults are LMArena's (lmarena/arena-rank): a rating is
/// <c>InitialRating + Scale / ln(Base) · r</c> for a natural-unit strength <c>r</c>.
/// </summary>
public sealed record BradleyTerryOptions
{
    public static BradleyTerryOptions Default { get; } = new();

    /// <summary>Rating points per factor <see cref="Base"/> in the odds (400: a 400-point gap is 10:1 odds).</summary>
    public double Scale { get; init; } = 400;

    public double Base { get; init; } = 10;

    /// <summary>The mean rating (the fit's gauge is sum-zero strengths).</summary>
    public double InitialRating { get; init; } = 1000;

    /// <summary>Newton steps before giving up (a well-posed fit needs about 6).</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Convergence: largest absolute gradient component of the mean negative log-likelihood.</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>
    /// Diagonal added to the sandwich Hessian, times the total vote count when unweighted and times 1 when
    /// reweighted — exactly as arena-rank does. It only fixes the gauge direction (all ratings shifted together).
    /// </summary>
    public double HessianRidge { get; init; } = 1e-5;

    /// <summary>Inverse-propensity reweighting of each pair (arXiv 2403.04132): weight <c>1 / max(pair votes, MinPairCount)</c>.</summary>
    public bool Reweight { get; init; }

    public double MinPairCount { get; init; } = 50;

    /// <summary>Rating points per natural-unit strength: <c>Scale / ln(Base)</c>.</summary>
    public double RatingPerStrength => Scale / Math.Log(Base);

    /// <summary>
    /// Intervals must use the fit's model: the same scale, base, initial rating and weighting (solver limits and
    /// the sandwich ridge may differ).
    /// </summary>
    internal void EnsureCompatibleWith(BradleyTerryOptions fitOptions)
    {
        if (Scale != fitOptions.Scale || Base != fitOptions.Base || InitialRating != fitOptions.InitialRating
            || Reweight != fitOptions.Reweight || (Reweight && MinPairCount != fitOptions.MinPairCount))
        {
            throw new ArgumentException(
                $"The interval options ({Describe()}) differ from those of the fit ({fitOptions.Describe()}); pass the fit's options or none.");
        }
    }

    private string Describe() => FormattableString.Invariant(
        $"scale {Scale}, base {Base}, initial {InitialRating}, reweight {Reweight}, min pair count {MinPairCount}");

    internal void Validate()
    {
        if (!(Scale > 0) || !double.IsFinite(Scale))
        {
            throw new ArgumentException($"Scale must be a positive finite number, got {Scale}.");
        }

        if (!(Base > 1) || !double.IsFinite(Base))
        {
            throw new ArgumentException($"Base must be a finite number above 1, got {Base}.");
        }

        if (!double.IsFinite(InitialRating))
        {
            throw new ArgumentException($"InitialRating must be finite, got {InitialRating}.");
        }

        if (MaxIterations < 0)
        {
            throw new ArgumentException($"MaxIterations must be 0 or more, got {MaxIterations}.");
        }

        if (!(Tolerance > 0))
        {
            throw new ArgumentException($"Tolerance must be positive, got {Tolerance}.");
        }

        if (!(HessianRidge >= 0) || !double.IsFinite(HessianRidge))
        {
            throw new ArgumentException($"HessianRidge must be a finite number of 0 or more, got {HessianRidge}.");
        }

        if (!(MinPairCount > 0) || !double.IsFinite(MinPairCount))
        {
            throw new ArgumentException($"MinPairCount must be a positive finite number, got {MinPairCount}.");
        }
    }
}
