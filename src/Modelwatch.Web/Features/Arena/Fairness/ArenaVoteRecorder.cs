using Modelwatch.Core.Arena;

namespace Modelwatch.Web.Features.Arena.Fairness;

/// <summary>What became of a vote: stored with this id, counted on the board or excluded for a reason.</summary>
public sealed record VoteRecorded(int VoteId, bool Counted, VoteExclusion Exclusion);

/// <summary>Why a vote was refused (nothing stored).</summary>
public enum VoteRefusal
{
    /// <summary>No such battle.</summary>
    BattleNotFound,

    /// <summary>The battle has no such turn, or its answers are still streaming.</summary>
    TurnNotAnswered,

    /// <summary>This turn already has a vote.</summary>
    AlreadyVoted,

    /// <summary>The voter is not the one who started the battle.</summary>
    NotYourBattle,

    /// <summary>Too many votes from this voter in a short time (the per-voter rate limit).</summary>
    RateLimited,
}

/// <summary>A vote that was refused; <see cref="Exception.Message"/> says what was wrong and what is expected.</summary>
public sealed class VoteRefusedException(VoteRefusal refusal, string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public VoteRefusal Refusal { get; } = refusal;

    /// <summary>For <see cref="VoteRefusal.RateLimited"/>: when the voter may vote again.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>
/// CONTRACT (owned by the fairness work): stores a vote on a battle's turn in one transaction with the fairness rules'
/// verdict, and when it counts, adds it to the arena dataset (its <c>StoredVote</c> and per-category pair counts, the
/// dataset's revision raised) so the board shows it within seconds.
/// </summary>
public sealed class ArenaVoteRecorder
{
    /// <exception cref="VoteRefusedException">The vote cannot be stored; nothing was written.</exception>
    public Task<VoteRecorded> RecordAsync(Guid battleId, int turn, ArenaChoice choice, string voter, CancellationToken ct) =>
        throw new NotImplementedException();
}
