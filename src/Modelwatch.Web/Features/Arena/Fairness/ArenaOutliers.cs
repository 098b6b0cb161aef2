using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Arena;
using Modelwatch.Data;
using Modelwatch.Data.Arena;
using Modelwatch.Web.Features.Leaderboard;

namespace Modelwatch.Web.Features.Arena.Fairness;

/// <summary>
/// Scans voters for improbable choices (<see cref="OutlierStatistic"/>) under the arena board's current ratings and
/// records an open <see cref="ArenaVoterFlag"/>. Runs after each counted vote of that voter, or on demand. Flagging
/// does not exclude: an administrator excludes the voter's votes or clears the flag.
/// </summary>
public sealed class ArenaOutliers(IDbContextFactory<ModelwatchDbContext> contexts, LeaderboardService boards, TimeProvider time)
{
    /// <summary>Tests one voter; returns the verdict, and stores an open flag when it flags (unless the voter's flag was already resolved).</summary>
    public async Task<OutlierVerdict> ScanAsync(string voter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(voter);
        var ratings = await RatingsAsync(ct).ConfigureAwait(false);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var votes = await (from v in db.ArenaVotes
                               where v.Voter == voter && v.Counted && (v.Choice == ArenaChoice.A || v.Choice == ArenaChoice.B)
                               join b in db.ArenaBattles on v.BattleId equals b.Id
                               join ca in db.ArenaContestants on b.ContestantA equals ca.Id
                               join cb in db.ArenaContestants on b.ContestantB equals cb.Id
                               orderby v.Id
                               select new { v.Choice, A = ca.BoardName, B = cb.BoardName }).ToListAsync(ct).ConfigureAwait(false);
            var choices = votes.Select(v =>
            {
                // Unrated (or little-voted) models count as equal (p = ½): such a vote neither raises nor lowers the score.
                var rated = ratings.ContainsKey(v.A) && ratings.ContainsKey(v.B);
                var ra = rated ? ratings[v.A] : 0;
                var rb = rated ? ratings[v.B] : 0;
                return v.Choice == ArenaChoice.A ? new VoterChoice(ra, rb, true) : new VoterChoice(rb, ra, false);
            }).ToList();
            var verdict = OutlierStatistic.Test(choices);
            if (!verdict.Flag)
            {
                return verdict;
            }

            var flag = await db.ArenaVoterFlags.FirstOrDefaultAsync(f => f.Voter == voter, ct).ConfigureAwait(false);
            if (flag is null)
            {
                db.ArenaVoterFlags.Add(new ArenaVoterFlag
                {
                    Voter = voter,
                    FlaggedAt = time.GetUtcNow(),
                    Reason = Trim(verdict.Reason),
                    Score = verdict.Score,
                    Votes = verdict.Votes,
                    Resolution = FlagResolution.Open,
                });
            }
            else if (flag.Resolution == FlagResolution.Open)
            {
                flag.Reason = Trim(verdict.Reason);
                flag.Score = verdict.Score;
                flag.Votes = verdict.Votes;
            }

            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateException error) when (DatabaseErrors.IsUniqueViolation(error))
            {
                // Another scan of the same voter stored the flag first.
            }

            return verdict;
        }
    }

    /// <summary>Scans every voter with counted votes; returns how many are flagged.</summary>
    public async Task<int> ScanAllAsync(CancellationToken ct)
    {
        List<string> voters;
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            voters = await db.ArenaVotes.Where(v => v.Counted).Select(v => v.Voter).Distinct().ToListAsync(ct).ConfigureAwait(false);
        }

        var flagged = 0;
        foreach (var voter in voters)
        {
            if ((await ScanAsync(voter, ct).ConfigureAwait(false)).Flag)
            {
                flagged++;
            }
        }

        return flagged;
    }

    private async Task<Dictionary<string, double>> RatingsAsync(CancellationToken ct)
    {
        try
        {
            var board = await boards.GetAsync(new BoardQuery(ArenaDataset.Name), ct).ConfigureAwait(false);
            return board?.Report.Entries.Where(e => e.Votes >= OutlierStatistic.MinModelVotes)
                .ToDictionary(e => e.Model, e => e.Rating, StringComparer.Ordinal) ?? [];
        }
        catch (Exception error) when (error is BoardNotFoundException or ArgumentException)
        {
            return [];
        }
    }

    private static string Trim(string reason) => reason.Length <= ArenaVoterFlag.MaxReasonLength ? reason : reason[..ArenaVoterFlag.MaxReasonLength];
}
