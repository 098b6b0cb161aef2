namespace Modelwatch.Data.Arena;

/// <summary>What an administrator decided about a flagged voter.</summary>
public enum FlagResolution
{
    Open,
    Excluded,
    Cleared,
}

/// <summary>A voter whose votes look like an outlier's (see the fairness rules), waiting for or after review.</summary>
public sealed class ArenaVoterFlag
{
    public const int MaxReasonLength = 500;

    public required string Voter { get; set; }

    public DateTimeOffset FlaggedAt { get; set; }

    public required string Reason { get; set; }

    /// <summary>The outlier score the flag was raised at (higher is more unusual).</summary>
    public double Score { get; set; }

    public int Votes { get; set; }

    public FlagResolution Resolution { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
}
