using Modelwatch.Core.Ratings;
using Modelwatch.Core.Ratings.StyleControl;
using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Leaderboards;

/// <summary>A computed leaderboard with everything needed to explain and reproduce it.</summary>
public sealed class RatingReport
{
    public required RatingRequest Request { get; init; }

    /// <summary>Best first.</summary>
    public required IReadOnlyList<LeaderboardEntry> Entries { get; init; }

    /// <summary>Every cleaning step in order, with how many votes it removed.</summary>
    public required IReadOnlyList<CleaningStep> Cleaning { get; init; }

    public required int VotesRead { get; init; }

    public required int VotesUsed { get; init; }

    /// <summary>Unique (a, b, outcome) rows the fit ran on.</summary>
    public required int UniqueRows { get; init; }

    public SolverSummary? Solver { get; init; }

    /// <summary>Style-control coefficients with their intervals; empty without style control.</summary>
    public IReadOnlyList<StyleCoefficient> StyleCoefficients { get; init; } = [];

    public PairMatrices? Matrices { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];
}
