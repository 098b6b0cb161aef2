namespace Modelwatch.Core.Arena;

/// <summary>
/// Why a stored arena vote does not count on the board. Every vote keeps its reason, so exclusions are counted and
/// shown per reason, and an administrator can reinstate any of them; none is silent (<c>docs/ratings.md</c>,
/// "Vote cleaning").
/// </summary>
public enum VoteExclusion
{
    /// <summary>Counted.</summary>
    None,

    /// <summary>An answer names its model or lab, so the vote was not blind.</summary>
    IdentityLeak,

    /// <summary>The prompt asks the models who they are ("who are you", "which model…").</summary>
    IdentityPrompt,

    /// <summary>An answer failed, was cut off or timed out: the voter compared a complete answer with a broken one.</summary>
    ProviderFailure,

    /// <summary>The voter's votes past the daily cap.</summary>
    DailyCap,

    /// <summary>A prompt seen many times already: repeats beyond the first few are down-sampled.</summary>
    RepeatedPrompt,

    /// <summary>The voter was flagged as an outlier and an administrator excluded their votes.</summary>
    OutlierVoter,

    /// <summary>The names were known when the vote was cast (named mode, or a turn after the reveal).</summary>
    NotBlind,

    /// <summary>An administrator excluded the vote by hand.</summary>
    Manual,
}
