using Microsoft.EntityFrameworkCore;
using Modelwatch.Data;
using Modelwatch.Data.Votes;

namespace Modelwatch.ArenaLoad;

/// <summary>The database after the run: every vote stored once, and the counted ones exactly once in the board's counts.</summary>
internal sealed record VoteAudit(int StoredVotes, int StoredCounted, int DistinctBattleTurns, int DatasetVotes, int PairCountTotal, int DatasetVoteCount)
{
    public static async Task<VoteAudit> ReadAsync(string database)
    {
        var factory = await ModelwatchDatabase.OpenAsync(DatabaseOptions.Parse(database, Path.GetTempPath()), CancellationToken.None);
        await using var db = factory.CreateDbContext();
        var votes = await db.ArenaVotes.CountAsync();
        var counted = await db.ArenaVotes.CountAsync(v => v.Counted);
        var turns = await db.ArenaVotes.Select(v => new { v.BattleId, v.Turn }).Distinct().CountAsync();
        var dataset = await db.VoteDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.Name == "arena");
        if (dataset is null)
        {
            return new VoteAudit(votes, counted, turns, 0, 0, 0);
        }

        var first = StoredVote.FirstKey(dataset.Id);
        var last = StoredVote.LastKey(dataset.Id);
        var stored = await db.StoredVotes.CountAsync(v => v.Id >= first && v.Id <= last);
        var pairs = await db.VotePairCounts.Where(p => p.DatasetId == dataset.Id && p.Category == "full")
            .SumAsync(p => p.WinsA + p.WinsB + p.Ties + p.BothBad);
        return new VoteAudit(votes, counted, turns, stored, pairs, dataset.VoteCount);
    }
}
