namespace Modelwatch.Core.Ratings.StyleControl;

/// <summary>
/// A style coefficient γ with its interval, in natural units: the change in log-odds of winning per standard
/// deviation of the (z-scored) feature <c>(A − B) / (A + B + 1)</c>.
/// </summary>
public sealed record StyleCoefficient(string Feature, double Value, double Lower, double Upper);
