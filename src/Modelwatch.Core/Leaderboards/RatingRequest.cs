using Modelwatch.Core.Ratings;
using Modelwatch.Core.Ratings.StyleControl;
using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Leaderboards;

/// <summary>Everything that determines a leaderboard, so that the same request on the same votes gives the same numbers.</summary>
public sealed record RatingRequest
{
    public RatingMethod Method { get; init; } = RatingMethod.BradleyTerry;

    public IntervalMethod Intervals { get; init; } = IntervalMethod.Sandwich;

    /// <summary>Bootstrap rounds (100 is the reference default; 1,000 is better).</summary>
    public int BootstrapRounds { get; init; } = 100;

    public int Seed { get; init; } = 42;

    public double Confidence { get; init; } = 0.95;

    public VoteFilterOptions Filter { get; init; } = new();

    /// <summary>Contextual Bradley–Terry with answer-length and markdown features (needs style metadata).</summary>
    public bool StyleControl { get; init; }

    public RatingAnchor? Anchor { get; init; }

    public BradleyTerryOptions BradleyTerry { get; init; } = new();

    public StyleControlOptions StyleControlOptions { get; init; } = new();

    public EloOptions Elo { get; init; } = new();

    /// <summary>Also compute battle-count, win-fraction and predicted-win-probability matrices.</summary>
    public bool IncludeMatrices { get; init; }
}
