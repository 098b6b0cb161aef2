namespace Modelwatch.Core.Ratings;

/// <summary>Online Elo settings; defaults are FastChat's legacy leaderboard (K = 4, 1000, base 10, scale 400).</summary>
public sealed record EloOptions
{
    public static EloOptions Default { get; } = new();

    public double K { get; init; } = 4;

    public double InitialRating { get; init; } = 1000;

    public double Scale { get; init; } = 400;

    public double Base { get; init; } = 10;
}
