namespace Modelwatch.Core.Leaderboards;

/// <summary>
/// One model's row. <see cref="Lower"/>/<see cref="Upper"/> are NaN when no intervals were asked for.
/// Rank = 1 + the number of models whose lower bound is above this model's upper bound (ties share a rank).
/// </summary>
public sealed record LeaderboardEntry(
    int Rank,
    string Model,
    double Rating,
    double Lower,
    double Upper,
    double Variance,
    long Votes,
    double WinRate);
