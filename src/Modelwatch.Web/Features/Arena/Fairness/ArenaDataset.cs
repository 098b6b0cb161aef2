using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Arena;
using Modelwatch.Core.Votes;
using Modelwatch.Data;
using Modelwatch.Data.Arena;
using Modelwatch.Data.Votes;

namespace Modelwatch.Web.Features.Arena.Fairness;

/// <summary>
/// The arena's own vote dataset ("arena"): every counted arena vote as a <see cref="StoredVote"/> plus live per-category
/// pair counts, so the leaderboard and <c>modelwatch rank</c> rate it exactly like an imported dataset.
/// <para>Concurrency: a counted vote adds its pair counts with one atomic upsert and raises the dataset's
/// <see cref="VoteDataset.Revision"/> and totals last, so the dataset row's lock (which serialises votes across app
/// instances on PostgreSQL; on SQLite the write transaction does) is held only until the commit. A model's first vote,
/// and the review's reinstate and exclude, take that lock first instead: model indices and removals cannot race.</para>
/// <para>Style counters: a vote judges the conversation shown so far, so each side's tokens, headers, lists and bold
/// are summed over turns 1..n of the voted turn n.</para>
/// </summary>
public sealed class ArenaDataset(IDbContextFactory<ModelwatchDbContext> contexts, TimeProvider time)
{
    public const string Name = "arena";
    public const string Format = "arena";

    /// <summary>The dataset's fixed content hash: SHA-256 of "modelwatch:arena" (no file stands behind it).</summary>
    public static string Hash { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("modelwatch:arena")));

    /// <summary>Tag names (one bit each in <see cref="StoredVote.Categories"/>).</summary>
    public static IReadOnlyList<string> TagNames => PromptCategories.All;

    /// <summary>Boards: full, no_tie, then each tag.</summary>
    public static IReadOnlyList<string> Categories { get; } = [VoteCategories.Full, VoteCategories.NoTie, .. PromptCategories.All];

    private volatile int _id;

    /// <summary>The dataset's id, creating it on first need (a second instance's insert loses the unique name race and re-reads).</summary>
    public async Task<int> IdAsync(CancellationToken ct)
    {
        if (_id != 0)
        {
            return _id;
        }

        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var existing = await db.VoteDatasets.Where(d => d.Name == Name).Select(d => d.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (existing != 0)
            {
                return _id = existing;
            }

            var dataset = new VoteDataset
            {
                Name = Name,
                SourceFileName = Name,
                ContentHash = Hash,
                SourceFormat = Format,
                ImportedAt = time.GetUtcNow(),
                HasTimestamps = true,
                HasJudges = true,
                HasAnonymous = true,
                HasTurns = true,
                HasStyle = true,
                TagNames = [.. TagNames],
                Categories = [.. Categories],
            };
            db.VoteDatasets.Add(dataset);
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                return _id = dataset.Id;
            }
            catch (DbUpdateException error) when (DatabaseErrors.IsUniqueViolation(error))
            {
                db.ChangeTracker.Clear();
                return _id = await db.VoteDatasets.Where(d => d.Name == Name).Select(d => d.Id).SingleAsync(ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Forgets the cached id (the dataset was deleted).</summary>
    internal void Forget() => _id = 0;

    /// <summary>
    /// Raises the revision (and takes the row lock that serialises count changes); false when the dataset is gone.
    /// Call first inside the transaction.
    /// </summary>
    internal static async Task<bool> LockAsync(ModelwatchDbContext db, int datasetId, CancellationToken ct) =>
        await db.VoteDatasets.Where(d => d.Id == datasetId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Revision, d => d.Revision + 1), ct).ConfigureAwait(false) == 1;

    /// <summary>The stored vote of an arena vote (model indices filled in by <see cref="AddAsync"/>).</summary>
    internal static StoredVote ToStored(int datasetId, ArenaVote vote, IReadOnlyList<ArenaAnswer> answers)
    {
        long bits = 0;
        for (var i = 0; i < TagNames.Count; i++)
        {
            if (vote.Categories.Contains(TagNames[i], StringComparer.Ordinal))
            {
                bits |= 1L << i;
            }
        }

        var upTo = answers.Where(a => a.Turn <= vote.Turn).ToList();
        int Sum(BattleSide side, Func<ArenaAnswer, long> value) =>
            (int)Math.Min(int.MaxValue, upTo.Where(a => a.Side == side).Sum(value));
        return new StoredVote
        {
            Id = StoredVote.Key(datasetId, vote.Id),
            Winner = WinnerOf(vote.Choice),
            TimestampMs = vote.CastAt.ToUnixTimeMilliseconds(),
            Categories = bits,
            JudgeHash = JudgeHash(vote.Voter),
            Anonymous = true,
            Turn = (short)Math.Min(short.MaxValue, vote.Turn),
            TokensA = Sum(BattleSide.A, a => a.OutputTokens),
            TokensB = Sum(BattleSide.B, a => a.OutputTokens),
            HeadersA = Sum(BattleSide.A, a => a.Headers),
            HeadersB = Sum(BattleSide.B, a => a.Headers),
            ListsA = Sum(BattleSide.A, a => a.Lists),
            ListsB = Sum(BattleSide.B, a => a.Lists),
            BoldA = Sum(BattleSide.A, a => a.Bold),
            BoldB = Sum(BattleSide.B, a => a.Bold),
        };
    }

    /// <summary>The rating engine's winner for a choice (tie and both-bad are both half a win each on the board).</summary>
    public static Winner WinnerOf(ArenaChoice choice) => choice switch
    {
        ArenaChoice.A => Winner.ModelA,
        ArenaChoice.B => Winner.ModelB,
        ArenaChoice.Tie => Winner.Tie,
        _ => Winner.BothBad,
    };

    /// <summary>A voter as the dataset's judge: the first 8 bytes of SHA-256 of the voter id (the id itself is not exported).</summary>
    public static long JudgeHash(string voter) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(voter)), 0);

    /// <summary>
    /// Gives models their rows (indices) in the dataset before their first vote is counted, in a short transaction of
    /// its own under the dataset lock, so indices cannot race and the vote's own transaction never takes that lock
    /// early (a vote holding the lock while waiting for a pair row another vote holds, which waits for the lock, is a
    /// deadlock). Returns the dataset's model rows; null when the dataset row is gone.
    /// </summary>
    internal static async Task<List<VoteModelRow>?> EnsureModelsAsync(ModelwatchDbContext db, int datasetId, IReadOnlyList<string> names, CancellationToken ct)
    {
        var known = await db.VoteModels.AsNoTracking().Where(m => m.DatasetId == datasetId).ToListAsync(ct).ConfigureAwait(false);
        if (names.All(n => known.Exists(m => string.Equals(m.Name, n, StringComparison.Ordinal))))
        {
            return known;
        }

        var transaction = await db.Database.BeginWriteAsync(ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            if (!await LockAsync(db, datasetId, ct).ConfigureAwait(false))
            {
                return null;
            }

            var models = await db.VoteModels.AsNoTracking().Where(m => m.DatasetId == datasetId).ToListAsync(ct).ConfigureAwait(false);
            foreach (var name in names.Distinct(StringComparer.Ordinal).Where(n => !models.Exists(m => string.Equals(m.Name, n, StringComparison.Ordinal))))
            {
                var row = new VoteModelRow { DatasetId = datasetId, Index = models.Count, Name = name };
                models.Add(row);
                db.VoteModels.Add(row);
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await db.VoteDatasets.Where(d => d.Id == datasetId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ModelCount, d => db.VoteModels.Count(m => m.DatasetId == d.Id)), ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return models;
        }
    }

    /// <summary>
    /// Adds a counted vote: its stored vote, its pair counts in each category (one <c>INSERT … ON CONFLICT DO UPDATE</c>,
    /// the same SQL on both databases), then the dataset's totals and revision. The dataset row is changed last, so its
    /// lock, which every vote of every instance waits for, is held only until the commit that follows. Its models must
    /// have rows (<see cref="EnsureModelsAsync"/>, whose rows the caller passes as <c>models</c>; or the caller holds the
    /// dataset lock and passes null, and they are read here). False when the dataset row is gone.
    /// </summary>
    internal static async Task<bool> AddAsync(
        ModelwatchDbContext db, int datasetId, ArenaVote vote, string boardA, string boardB, IReadOnlyList<ArenaAnswer> answers, List<VoteModelRow>? models, CancellationToken ct)
    {
        var stored = ToStored(datasetId, vote, answers);
        models ??= await db.VoteModels.AsNoTracking().Where(m => m.DatasetId == datasetId).ToListAsync(ct).ConfigureAwait(false);
        foreach (var name in new[] { boardA, boardB }.Where(n => !Has(n)).Distinct(StringComparer.Ordinal))
        {
            var row = new VoteModelRow { DatasetId = datasetId, Index = models.Count, Name = name };
            models.Add(row);
            db.VoteModels.Add(row);
        }

        stored.ModelA = IndexOf(boardA);
        stored.ModelB = IndexOf(boardB);
        db.StoredVotes.Add(stored);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return await CountAsync(db, datasetId, stored, ct).ConfigureAwait(false);

        bool Has(string name) => models.Exists(m => string.Equals(m.Name, name, StringComparison.Ordinal));
        int IndexOf(string name) => models.First(m => string.Equals(m.Name, name, StringComparison.Ordinal)).Index;
    }

    /// <summary>
    /// Adds one vote to its pair's row in each of its categories (rows created when missing), then the dataset's totals
    /// and revision: one command of two statements, the same SQL on both databases, so the rows it locks are held for
    /// that one round trip and the commit. False when the dataset row is gone.
    /// </summary>
    private static async Task<bool> CountAsync(ModelwatchDbContext db, int datasetId, StoredVote vote, CancellationToken ct)
    {
        var sql = new StringBuilder();
        var values = new List<object>();
        var pairRows = 0;
        if (vote.ModelA != vote.ModelB)
        {
            var (a, b, winner) = Canonical(vote);
            sql.Append("""INSERT INTO "VotePairCounts" ("DatasetId", "Category", "ModelA", "ModelB", "WinsA", "WinsB", "Ties", "BothBad") VALUES """);
            // Categories in one fixed order, so two votes of the same pair lock its rows in the same order.
            foreach (var category in CategoriesOf(vote).Order(StringComparer.Ordinal))
            {
                var at = values.Count;
                sql.Append(values.Count == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{at}}}, {{{at + 1}}}, {{{at + 2}}}, {{{at + 3}}}, {{{at + 4}}}, {{{at + 5}}}, {{{at + 6}}}, {{{at + 7}}})");
                values.AddRange([datasetId, category, a, b, winner == Winner.ModelA ? 1 : 0, winner == Winner.ModelB ? 1 : 0, winner == Winner.Tie ? 1 : 0, winner == Winner.BothBad ? 1 : 0]);
                pairRows++;
            }

            sql.Append("""
                 ON CONFLICT ("DatasetId", "Category", "ModelA", "ModelB") DO UPDATE SET
                 "WinsA" = "VotePairCounts"."WinsA" + excluded."WinsA", "WinsB" = "VotePairCounts"."WinsB" + excluded."WinsB",
                 "Ties" = "VotePairCounts"."Ties" + excluded."Ties", "BothBad" = "VotePairCounts"."BothBad" + excluded."BothBad";
                """);
        }

        var id = values.Count;
        values.Add(datasetId);
        sql.Append(CultureInfo.InvariantCulture, $$"""
             UPDATE "VoteDatasets" SET "Revision" = "Revision" + 1, "VoteCount" = "VoteCount" + 1,
             "ModelCount" = (SELECT COUNT(*) FROM "VoteModels" WHERE "DatasetId" = {{{id}}}) WHERE "Id" = {{{id}}};
            """);
        var changed = await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct).ConfigureAwait(false);
        return changed == pairRows + 1;
    }

    /// <summary>The canonical pair (a &lt; b), with the winner seen from a, as <c>VotePairAggregation</c> stores it.</summary>
    private static (int A, int B, Winner Winner) Canonical(StoredVote vote) => vote.ModelA < vote.ModelB
        ? (vote.ModelA, vote.ModelB, vote.Winner)
        : (vote.ModelB, vote.ModelA, vote.Winner switch { Winner.ModelA => Winner.ModelB, Winner.ModelB => Winner.ModelA, var w => w });

    /// <summary>Removes a counted vote's stored vote and counts. Inside the lock. False when it was not stored.</summary>
    internal static async Task<bool> RemoveAsync(ModelwatchDbContext db, int datasetId, int voteId, CancellationToken ct)
    {
        var key = StoredVote.Key(datasetId, voteId);
        var stored = await db.StoredVotes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == key, ct).ConfigureAwait(false);
        if (stored is null)
        {
            return false;
        }

        await db.StoredVotes.Where(v => v.Id == key).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await SubtractPairsAsync(db, datasetId, stored, ct).ConfigureAwait(false);
        await db.VoteDatasets.Where(d => d.Id == datasetId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.VoteCount, d => d.VoteCount - 1), ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>The categories a stored vote is counted in (as the import's aggregation does: full, no_tie when decisive, each tag).</summary>
    internal static IEnumerable<string> CategoriesOf(StoredVote vote)
    {
        yield return VoteCategories.Full;
        if (!vote.Winner.IsTie())
        {
            yield return VoteCategories.NoTie;
        }

        for (var i = 0; i < TagNames.Count; i++)
        {
            if ((vote.Categories & (1L << i)) != 0)
            {
                yield return TagNames[i];
            }
        }
    }

    /// <summary>Takes one vote out of its pair's row in each of its categories; a row left at zero is deleted.</summary>
    private static async Task SubtractPairsAsync(ModelwatchDbContext db, int datasetId, StoredVote vote, CancellationToken ct)
    {
        if (vote.ModelA == vote.ModelB)
        {
            return;
        }

        var (a, b, winner) = Canonical(vote);
        foreach (var category in CategoriesOf(vote))
        {
            var row = db.VotePairCounts.Where(c => c.DatasetId == datasetId && c.Category == category && c.ModelA == a && c.ModelB == b);
            _ = winner switch
            {
                Winner.ModelA => await row.ExecuteUpdateAsync(s => s.SetProperty(c => c.WinsA, c => c.WinsA - 1), ct).ConfigureAwait(false),
                Winner.ModelB => await row.ExecuteUpdateAsync(s => s.SetProperty(c => c.WinsB, c => c.WinsB - 1), ct).ConfigureAwait(false),
                Winner.Tie => await row.ExecuteUpdateAsync(s => s.SetProperty(c => c.Ties, c => c.Ties - 1), ct).ConfigureAwait(false),
                _ => await row.ExecuteUpdateAsync(s => s.SetProperty(c => c.BothBad, c => c.BothBad - 1), ct).ConfigureAwait(false),
            };
            await row.Where(c => c.WinsA + c.WinsB + c.Ties + c.BothBad == 0).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        }
    }
}
