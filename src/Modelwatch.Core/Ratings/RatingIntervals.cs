namespace Modelwatch.Core.Ratings;

/// <summary>
/// Confidence bounds of displayed ratings, per model in the order of the fit. <see cref="Variance"/> is in rating
/// points squared. <see cref="Rounds"/> and <see cref="Seed"/> are 0 for the sandwich method.
/// </summary>
public sealed record RatingIntervals(
    IntervalMethod Method,
    double[] Lower,
    double[] Upper,
    double[] Variance,
    double Confidence,
    int Rounds,
    int Seed)
{
    /// <summary>Bootstrap rounds whose refit did not converge (diverging strengths in a sparse resample).</summary>
    public int UnconvergedRounds { get; init; }

    /// <summary>The same intervals shifted by a display offset (an anchor applied after the fact).</summary>
    public RatingIntervals Shifted(double offset) => this with
    {
        Lower = [.. Lower.Select(x => x + offset)],
        Upper = [.. Upper.Select(x => x + offset)],
    };
}
