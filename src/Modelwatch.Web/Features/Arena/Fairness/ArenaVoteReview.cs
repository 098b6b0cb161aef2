using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Arena;
using Modelwatch.Data;
using Modelwatch.Data.Arena;

namespace Modelwatch.Web.Features.Arena.Fairness;

/// <summary>A stored arena vote as the review lists it.</summary>
public sealed record ArenaVoteItem(int Id, Guid BattleId, int Turn, ArenaChoice Choice, string Voter, DateTimeOffset CastAt, bool Blind, VoteExclusion Exclusion, bool Overridden, bool Counted, IReadOnlyList<string> Categories);

/// <summary>Counts per reason: counted, excluded per reason (still excluded), overridden (an administrator's decision either way).</summary>
public sealed record ExclusionCounts(int Total, int Counted, int Overridden, IReadOnlyDictionary<string, int> Excluded);

/// <summary>An open (or resolved) outlier flag.</summary>
public sealed record VoterFlagItem(string Voter, DateTimeOffset FlaggedAt, string Reason, double Score, int Votes, FlagResolution Resolution, DateTimeOffset? ResolvedAt);

/// <summary>What a review action did.</summary>
public enum ReviewOutcome
{
    Changed,
    Unchanged,
    NotFound,
}

/// <summary>
/// Reversible exclusions: an administrator reinstates an excluded vote (it counts, <c>Overridden</c>) or excludes a
/// counted one (<see cref="VoteExclusion.Manual"/>, or back to its own reason when it was reinstated), each idempotent
/// and in one transaction with the dataset's counts; and resolves outlier flags (exclude all of a voter's counted votes
/// as <see cref="VoteExclusion.OutlierVoter"/>, or clear the flag).
/// </summary>
public sealed class ArenaVoteReview(IDbContextFactory<ModelwatchDbContext> contexts, ArenaDataset dataset, TimeProvider time)
{
    public async Task<(IReadOnlyList<ArenaVoteItem> Items, int Total)> ListAsync(VoteExclusion? exclusion, bool? counted, int page, int pageSize, CancellationToken ct, int? id = null)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var query = db.ArenaVotes.AsNoTracking();
            if (id is { } one)
            {
                query = query.Where(v => v.Id == one);
            }

            if (exclusion is { } reason)
            {
                query = query.Where(v => v.Exclusion == reason);
            }

            if (counted is { } c)
            {
                query = query.Where(v => v.Counted == c);
            }

            var total = await query.CountAsync(ct).ConfigureAwait(false);
            var rows = await query.OrderByDescending(v => v.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct).ConfigureAwait(false);
            return (rows.Select(Item).ToList(), total);
        }
    }

    public async Task<ExclusionCounts> CountsAsync(CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var groups = await db.ArenaVotes.GroupBy(v => new { v.Exclusion, v.Counted, v.Overridden })
                .Select(g => new { g.Key.Exclusion, g.Key.Counted, g.Key.Overridden, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
            var excluded = Enum.GetValues<VoteExclusion>().Where(e => e != VoteExclusion.None)
                .ToDictionary(e => e.ToString(), e => groups.Where(g => !g.Counted && g.Exclusion == e).Sum(g => g.Count), StringComparer.Ordinal);
            return new ExclusionCounts(groups.Sum(g => g.Count), groups.Where(g => g.Counted).Sum(g => g.Count), groups.Where(g => g.Overridden).Sum(g => g.Count), excluded);
        }
    }

    /// <summary>Counts an excluded vote (Overridden); unchanged when it already counts.</summary>
    public Task<ReviewOutcome> ReinstateAsync(int voteId, CancellationToken ct) =>
        ChangeAsync(voteId, count: true, ct);

    /// <summary>Excludes a counted vote by hand; unchanged when it is already excluded.</summary>
    public Task<ReviewOutcome> ExcludeAsync(int voteId, CancellationToken ct) =>
        ChangeAsync(voteId, count: false, ct);

    public async Task<IReadOnlyList<VoterFlagItem>> FlagsAsync(bool openOnly, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var query = db.ArenaVoterFlags.AsNoTracking();
            if (openOnly)
            {
                query = query.Where(f => f.Resolution == FlagResolution.Open);
            }

            var rows = await query.ToListAsync(ct).ConfigureAwait(false);
            return [.. rows.OrderByDescending(f => f.FlaggedAt).Select(f => new VoterFlagItem(f.Voter, f.FlaggedAt, f.Reason, f.Score, f.Votes, f.Resolution, f.ResolvedAt))];
        }
    }

    /// <summary>Excludes all of a flagged voter's counted votes (as OutlierVoter) and resolves the flag; returns how many were excluded, or null when no flag.</summary>
    public async Task<int?> ExcludeVoterAsync(string voter, CancellationToken ct)
    {
        var datasetId = await dataset.IdAsync(ct).ConfigureAwait(false);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginWriteAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ArenaDataset.LockAsync(db, datasetId, ct).ConfigureAwait(false);
                var flag = await db.ArenaVoterFlags.FirstOrDefaultAsync(f => f.Voter == voter, ct).ConfigureAwait(false);
                if (flag is null)
                {
                    return null;
                }

                var votes = await db.ArenaVotes.Where(v => v.Voter == voter && v.Counted).ToListAsync(ct).ConfigureAwait(false);
                foreach (var vote in votes)
                {
                    vote.Counted = false;
                    vote.Exclusion = VoteExclusion.OutlierVoter;
                    vote.Overridden = false;
                }

                flag.Resolution = FlagResolution.Excluded;
                flag.ResolvedAt = time.GetUtcNow();
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                foreach (var vote in votes)
                {
                    await ArenaDataset.RemoveAsync(db, datasetId, vote.Id, ct).ConfigureAwait(false);
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return votes.Count;
            }
        }
    }

    /// <summary>Clears a voter's flag (the votes stay as they are); false when there is no flag.</summary>
    public async Task<bool> ClearFlagAsync(string voter, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var flag = await db.ArenaVoterFlags.FirstOrDefaultAsync(f => f.Voter == voter, ct).ConfigureAwait(false);
            if (flag is null)
            {
                return false;
            }

            if (flag.Resolution != FlagResolution.Cleared)
            {
                flag.Resolution = FlagResolution.Cleared;
                flag.ResolvedAt = time.GetUtcNow();
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }

            return true;
        }
    }

    private async Task<ReviewOutcome> ChangeAsync(int voteId, bool count, CancellationToken ct)
    {
        var datasetId = await dataset.IdAsync(ct).ConfigureAwait(false);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginWriteAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ArenaDataset.LockAsync(db, datasetId, ct).ConfigureAwait(false);
                var vote = await db.ArenaVotes.FirstOrDefaultAsync(v => v.Id == voteId, ct).ConfigureAwait(false);
                if (vote is null)
                {
                    return ReviewOutcome.NotFound;
                }

                if (vote.Counted == count)
                {
                    return ReviewOutcome.Unchanged;
                }

                if (count)
                {
                    // A vote excluded by its rule is reinstated against the rule (overridden); one excluded by hand
                    // returns to counting as the rules had it (no override left).
                    if (vote.Exclusion == VoteExclusion.Manual)
                    {
                        vote.Exclusion = VoteExclusion.None;
                        vote.Overridden = false;
                    }
                    else
                    {
                        vote.Overridden = true;
                    }

                    vote.Counted = true;
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    var battle = await db.ArenaBattles.AsNoTracking().Include(b => b.Answers).FirstAsync(b => b.Id == vote.BattleId, ct).ConfigureAwait(false);
                    var names = await db.ArenaContestants.Where(c => c.Id == battle.ContestantA || c.Id == battle.ContestantB)
                        .ToDictionaryAsync(c => c.Id, c => c.BoardName, ct).ConfigureAwait(false);
                    await ArenaDataset.AddAsync(db, datasetId, vote, names[battle.ContestantA], names[battle.ContestantB], battle.Answers, null, ct).ConfigureAwait(false);
                }
                else
                {
                    // Counted against its rule (reinstated): back to its reason; counted by the rules: excluded by hand.
                    if (vote.Exclusion == VoteExclusion.None)
                    {
                        vote.Exclusion = VoteExclusion.Manual;
                        vote.Overridden = true;
                    }
                    else
                    {
                        vote.Overridden = false;
                    }

                    vote.Counted = false;
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    await ArenaDataset.RemoveAsync(db, datasetId, vote.Id, ct).ConfigureAwait(false);
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return ReviewOutcome.Changed;
            }
        }
    }

    private static ArenaVoteItem Item(ArenaVote v) =>
        new(v.Id, v.BattleId, v.Turn, v.Choice, v.Voter, v.CastAt, v.Blind, v.Exclusion, v.Overridden, v.Counted, v.Categories);
}
