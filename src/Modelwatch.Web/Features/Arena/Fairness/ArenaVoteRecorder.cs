using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Arena;
using Modelwatch.Data;
using Modelwatch.Data.Arena;
using Modelwatch.Data.Votes;

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

/// <summary>Fairness settings (<c>Modelwatch:Arena</c>).</summary>
public sealed record FairnessOptions(int VotesPerMinute = 20, int DailyCap = 300, int RepeatedPromptKeep = 3)
{
    public static FairnessOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Modelwatch:Arena");
        return new FairnessOptions(
            section.GetValue("VotesPerMinute", 20),
            section.GetValue("DailyCap", 300),
            section.GetValue("RepeatedPromptKeep", 3));
    }
}

/// <summary>
/// Stores a vote on a battle's turn in one transaction with the fairness rules' verdict, and when it counts, adds it
/// to the arena dataset (its <c>StoredVote</c> and per-category pair counts, the dataset's revision raised) so the
/// board shows it at its next dataset-list read (within a second).
/// <para>The verdict is the first matching reason: <see cref="VoteExclusion.NotBlind"/> (named mode, or the names were
/// revealed before this vote), <see cref="VoteExclusion.ProviderFailure"/> (an answer of any turn so far did not
/// complete), <see cref="VoteExclusion.IdentityPrompt"/>, <see cref="VoteExclusion.IdentityLeak"/>,
/// <see cref="VoteExclusion.DailyCap"/> (the voter already has <c>DailyCap</c> counted votes this UTC day: the first
/// ones of a day count) and <see cref="VoteExclusion.RepeatedPrompt"/> (the prompt's fingerprint already has
/// <c>RepeatedPromptKeep</c> counted votes: deterministic down-sampling that keeps the first ones, where LMArena keeps
/// random samples).</para>
/// </summary>
public sealed class ArenaVoteRecorder(
    IDbContextFactory<ModelwatchDbContext> contexts, ArenaDataset dataset, ArenaOutliers outliers, TimeProvider time, IConfiguration configuration, ILogger<ArenaVoteRecorder> log)
{
    private readonly FairnessOptions _options = FairnessOptions.From(configuration);

    /// <exception cref="VoteRefusedException">The vote cannot be stored; nothing was written.</exception>
    public async Task<VoteRecorded> RecordAsync(Guid battleId, int turn, ArenaChoice choice, string voter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(voter);
        if (!Enum.IsDefined(choice))
        {
            throw new ArgumentOutOfRangeException(nameof(choice), choice, "Choose A, B, Tie or BothBad.");
        }

        var datasetId = await dataset.IdAsync(ct).ConfigureAwait(false);
        VoteRecorded recorded;
        try
        {
            try
            {
                recorded = await RecordOnceAsync(datasetId, battleId, turn, choice, voter, ct).ConfigureAwait(false);
            }
            catch (Exception error) when (DatabaseErrors.IsRetryableConflict(error))
            {
                // A review (which locks the dataset before the pair rows) met this vote (pair rows, then the dataset):
                // PostgreSQL aborted one of the two; nothing of it was written, so it runs again.
                log.LogInformation("Vote on battle {BattleId} turn {Turn} met a concurrent review; running it again", battleId, turn);
                recorded = await RecordOnceAsync(datasetId, battleId, turn, choice, voter, ct).ConfigureAwait(false);
            }
        }
        catch (DatasetGoneException)
        {
            dataset.Forget();
            datasetId = await dataset.IdAsync(ct).ConfigureAwait(false);
            recorded = await RecordOnceAsync(datasetId, battleId, turn, choice, voter, ct).ConfigureAwait(false);
        }

        if (recorded.Counted)
        {
            try
            {
                await outliers.ScanAsync(voter, ct).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                log.LogWarning(error, "Outlier scan after vote {VoteId} failed", recorded.VoteId);
            }
        }

        return recorded;
    }

    private async Task<VoteRecorded> RecordOnceAsync(int datasetId, Guid battleId, int turn, ArenaChoice choice, string voter, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        // The transaction below is all or nothing; EF's savepoints around each SaveChanges would only add round trips.
        db.Database.AutoSavepointsEnabled = false;
        await using (db.ConfigureAwait(false))
        {
            // Everything that only reads happens before the transaction: the dataset lock below serialises every vote
            // of every instance, so it is held only for the writes (and the two counts that a concurrent vote could
            // change). The unique (battle, turn) index, not these reads, is what stops a second vote on a turn.
            var battle = await db.ArenaBattles.Include(b => b.Turns).Include(b => b.Answers)
                .FirstOrDefaultAsync(b => b.Id == battleId, ct).ConfigureAwait(false)
                ?? throw new VoteRefusedException(VoteRefusal.BattleNotFound, $"No battle {battleId}; vote on a battle you started.");
            if (!string.Equals(battle.Voter, voter, StringComparison.Ordinal))
            {
                throw new VoteRefusedException(VoteRefusal.NotYourBattle, "Only the voter who started this battle can vote on it.");
            }

            var asked = battle.Turns.FirstOrDefault(t => t.Number == turn);
            var answers = battle.Answers.Where(a => a.Turn <= turn).ToList();
            if (asked is null || battle.Answers.Count(a => a.Turn == turn) < 2
                || (battle.Status == BattleStatus.Streaming && turn == battle.Turns.Max(t => t.Number)))
            {
                throw new VoteRefusedException(VoteRefusal.TurnNotAnswered, $"Turn {turn} of battle {battleId} has no two finished answers yet; vote once both answers are done.");
            }

            if (await db.ArenaVotes.AnyAsync(v => v.BattleId == battleId && v.Turn == turn, ct).ConfigureAwait(false))
            {
                throw AlreadyVoted(battleId, turn);
            }

            var now = time.GetUtcNow();
            var minuteAgo = now.AddMinutes(-1);
            var recent = await db.ArenaVotes.Where(v => v.Voter == voter && v.CastAt > minuteAgo)
                .Select(v => v.CastAt).ToListAsync(ct).ConfigureAwait(false);
            if (recent.Count >= _options.VotesPerMinute)
            {
                var retry = recent.Min().AddMinutes(1) - now;
                throw new VoteRefusedException(
                    VoteRefusal.RateLimited,
                    $"At most {_options.VotesPerMinute} votes a minute per voter; try again in {Math.Ceiling(retry.TotalSeconds)} s.",
                    retry > TimeSpan.Zero ? retry : TimeSpan.FromSeconds(1));
            }

            var contestants = await db.ArenaContestants.Where(c => c.Id == battle.ContestantA || c.Id == battle.ContestantB)
                .ToDictionaryAsync(c => c.Id, ct).ConfigureAwait(false);
            var a = contestants[battle.ContestantA];
            var b = contestants[battle.ContestantB];
            var blind = battle.Mode == BattleMode.Blind && battle.RevealedAt is null;
            var exclusion = await VerdictAsync(db, battle, asked, answers, a, b, blind, ct).ConfigureAwait(false);

            List<string> categories = [.. battle.Categories];
            if (turn > 1 && !categories.Contains(PromptCategories.MultiTurn, StringComparer.Ordinal))
            {
                categories.Add(PromptCategories.MultiTurn);
            }

            List<VoteModelRow>? models = null;
            if (exclusion == VoteExclusion.None)
            {
                models = await ArenaDataset.EnsureModelsAsync(db, datasetId, [a.BoardName, b.BoardName], ct).ConfigureAwait(false)
                    ?? throw new DatasetGoneException();
            }

            var transaction = await db.Database.BeginWriteAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (exclusion == VoteExclusion.None)
                {
                    exclusion = await CountedLimitAsync(db, voter, asked.PromptHash, now, ct).ConfigureAwait(false);
                }

                var vote = new ArenaVote
                {
                    BattleId = battleId,
                    Turn = turn,
                    Choice = choice,
                    Voter = voter,
                    CastAt = now,
                    Blind = blind,
                    Exclusion = exclusion,
                    Counted = exclusion == VoteExclusion.None,
                    Categories = categories,
                };
                db.ArenaVotes.Add(vote);
                battle.RevealedAt ??= now;
                try
                {
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                }
                catch (DbUpdateException error) when (DatabaseErrors.IsUniqueViolation(error))
                {
                    throw AlreadyVoted(battleId, turn);
                }

                if (vote.Counted && !await ArenaDataset.AddAsync(db, datasetId, vote, a.BoardName, b.BoardName, answers, models, ct).ConfigureAwait(false))
                {
                    throw new DatasetGoneException();
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return new VoteRecorded(vote.Id, vote.Counted, exclusion);
            }
        }
    }

    /// <summary>
    /// The two rules that depend on other votes' counts (<see cref="VoteExclusion.DailyCap"/>, then
    /// <see cref="VoteExclusion.RepeatedPrompt"/>), read inside the vote's transaction but without a lock: two votes
    /// committed at the same instant can each see the other not yet counted, so a limit can be passed by the votes
    /// in flight at that moment. Holding a lock across every vote for these soft limits made votes queue for seconds
    /// under load (BENCHMARKS.md, "The arena under load").
    /// </summary>
    private async Task<VoteExclusion> CountedLimitAsync(ModelwatchDbContext db, string voter, string promptHash, DateTimeOffset now, CancellationToken ct)
    {
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var today = await db.ArenaVotes.CountAsync(v => v.Voter == voter && v.Counted && v.CastAt >= dayStart, ct).ConfigureAwait(false);
        if (today >= _options.DailyCap)
        {
            return VoteExclusion.DailyCap;
        }

        var repeats = await (from v in db.ArenaVotes
                             join t in db.ArenaTurns on new { v.BattleId, Number = v.Turn } equals new { t.BattleId, t.Number }
                             where v.Counted && t.PromptHash == promptHash
                             select v.Id).CountAsync(ct).ConfigureAwait(false);
        return repeats >= _options.RepeatedPromptKeep ? VoteExclusion.RepeatedPrompt : VoteExclusion.None;
    }

    /// <summary>The rules that read only this battle: not blind, provider failure, identity prompt, identity leak.</summary>
    private static async Task<VoteExclusion> VerdictAsync(
        ModelwatchDbContext db, ArenaBattle battle, ArenaTurn asked, List<ArenaAnswer> answers, ArenaContestant a, ArenaContestant b, bool blind, CancellationToken ct)
    {
        if (!blind)
        {
            return VoteExclusion.NotBlind;
        }

        if (answers.Any(x => x.Outcome != AnswerOutcome.Completed))
        {
            return VoteExclusion.ProviderFailure;
        }

        if (battle.Turns.Where(t => t.Number <= asked.Number).Any(t => IdentityRules.AsksIdentity(t.Prompt)))
        {
            return VoteExclusion.IdentityPrompt;
        }

        var names = new List<string>();
        foreach (var contestant in new[] { a, b })
        {
            var catalog = contestant.CatalogModelId is null
                ? null
                : await db.Models.AsNoTracking().Where(m => m.Id == contestant.CatalogModelId)
                    .Select(m => new { m.DisplayName, m.Family, m.Organisation, m.Lab }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            names.AddRange(IdentityRules.NamesOf(contestant.Model, contestant.BoardName, catalog?.DisplayName, catalog?.Family, catalog?.Organisation, catalog?.Lab));
        }

        if (answers.Any(x => IdentityRules.FindLeak(x.Text, names) is not null))
        {
            return VoteExclusion.IdentityLeak;
        }

        return VoteExclusion.None;
    }

    private static VoteRefusedException AlreadyVoted(Guid battleId, int turn) =>
        new(VoteRefusal.AlreadyVoted, $"Turn {turn} of battle {battleId} already has a vote; each turn takes one vote.");

    private sealed class DatasetGoneException : Exception;
}
