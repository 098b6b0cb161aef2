namespace Modelwatch.Core.Ratings;

/// <summary>What is wrong with the data of a fit, in words a leaderboard can show.</summary>
public enum FitWarningKind
{
    /// <summary>A model won nothing (no win, no tie): its rating is −∞.</summary>
    NoWins,

    /// <summary>A model lost nothing (no loss, no tie): its rating is +∞.</summary>
    NoLosses,

    /// <summary>Some group of models won or tied every vote against the rest of its component: infinite gaps.</summary>
    Separated,

    /// <summary>The models fall into groups that never met: ratings compare only within a group.</summary>
    Disconnected,
}

/// <param name="Kind">What is wrong.</param>
/// <param name="Models">Indices of the models concerned (into <see cref="PairwiseCounts.Models"/>).</param>
/// <param name="Message">A sentence for people.</param>
public sealed record FitWarning(FitWarningKind Kind, IReadOnlyList<int> Models, string Message);
