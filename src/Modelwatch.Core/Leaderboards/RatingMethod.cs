namespace Modelwatch.Core.Leaderboards;

/// <summary>How ratings are computed from votes.</summary>
public enum RatingMethod
{
    /// <summary>Bradley–Terry maximum likelihood on aggregated votes (the leaderboard; LMArena since Dec 2023).</summary>
    BradleyTerry,

    /// <summary>Online Elo in vote order (the legacy view; order-dependent).</summary>
    Elo,

    /// <summary>Mean over opponents met of the win fraction against each (ties ½): assumption-free sanity check.</summary>
    WinRate,
}
