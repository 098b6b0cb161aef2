using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Arena;
using Modelwatch.Data;
using Modelwatch.Data.Arena;

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
/// Stores a vote on a battle's turn with its verdict. This first version stores the vote and its blind/failure
/// verdict only; the fairness rules and the arena dataset's live counts replace it.
/// </summary>
public sealed class ArenaVoteRecorder(IDbContextFactory<ModelwatchDbContext> contexts, TimeProvider time)
{
    /// <exception cref="VoteRefusedException">The vote cannot be stored; nothing was written.</exception>
    public async Task<VoteRecorded> RecordAsync(Guid battleId, int turn, ArenaChoice choice, string voter, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var battle = await db.ArenaBattles.Include(b => b.Answers).FirstOrDefaultAsync(b => b.Id == battleId, ct).ConfigureAwait(false)
                ?? throw new VoteRefusedException(VoteRefusal.BattleNotFound, $"No battle {battleId}.");
            if (!string.Equals(battle.Voter, voter, StringComparison.Ordinal))
            {
                throw new VoteRefusedException(VoteRefusal.NotYourBattle, "Only the person who started a battle can vote on it.");
            }

            if (battle.Status == BattleStatus.Streaming || battle.Answers.Count(a => a.Turn == turn) < 2)
            {
                throw new VoteRefusedException(VoteRefusal.TurnNotAnswered, $"Turn {turn} of battle {battleId} has no finished answers to vote on.");
            }

            if (await db.ArenaVotes.AnyAsync(v => v.BattleId == battleId && v.Turn == turn, ct).ConfigureAwait(false))
            {
                throw new VoteRefusedException(VoteRefusal.AlreadyVoted, $"Turn {turn} of battle {battleId} already has a vote.");
            }

            var exclusion = battle.Mode == BattleMode.Named || battle.RevealedAt is not null ? VoteExclusion.NotBlind
                : battle.Answers.Any(a => a.Outcome != AnswerOutcome.Completed) ? VoteExclusion.ProviderFailure
                : VoteExclusion.None;
            var vote = new ArenaVote
            {
                BattleId = battleId,
                Turn = turn,
                Choice = choice,
                Voter = voter,
                CastAt = time.GetUtcNow(),
                Blind = battle.Mode == BattleMode.Blind && battle.RevealedAt is null,
                Exclusion = exclusion,
                Counted = exclusion == VoteExclusion.None,
                Categories = [.. battle.Categories],
            };
            db.ArenaVotes.Add(vote);
            battle.RevealedAt ??= vote.CastAt;
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                throw new VoteRefusedException(VoteRefusal.AlreadyVoted, $"Turn {turn} of battle {battleId} already has a vote.");
            }

            return new VoteRecorded(vote.Id, vote.Counted, vote.Exclusion);
        }
    }
}
