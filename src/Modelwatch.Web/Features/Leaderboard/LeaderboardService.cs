using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Leaderboards;
using Modelwatch.Core.Votes;
using Modelwatch.Data;
using Modelwatch.Data.Leaderboards;
using Modelwatch.Data.Votes;

namespace Modelwatch.Web.Features.Leaderboard;

/// <summary>Which board: a dataset (null: the most recently imported), a category, style control on or off.</summary>
public sealed record BoardQuery(string? Dataset = null, string Category = VoteCategories.Full, bool StyleControl = false);

/// <summary>A vote dataset as the pages list it.</summary>
public sealed record DatasetInfo(int Id, string Name, string SourceFileName, string SourceFormat, DateTimeOffset ImportedAt, int VoteCount, int ModelCount, bool HasStyle, IReadOnlyList<string> Categories, long Revision = 0)
{
    internal static DatasetInfo From(VoteDataset d) =>
        new(d.Id, d.Name, d.SourceFileName, d.SourceFormat, d.ImportedAt, d.VoteCount, d.ModelCount, d.HasStyle, d.Categories, d.Revision);
}

/// <summary>One computed board: the rating engine's report and what it was computed from.</summary>
public sealed record ComputedBoard(DatasetInfo Dataset, BoardQuery Query, RatingReport Report, DateTimeOffset ComputedAt, TimeSpan Took)
{
    /// <summary>The command that reproduces every number of this board from the exported votes file.</summary>
    public string ReproduceCommand =>
        $"modelwatch rank {Dataset.Name}.jsonl --category {Query.Category}{(Query.StyleControl ? " --style-control" : "")} --format json";

    /// <summary>The same from the database the app uses.</summary>
    public string ReproduceFromDatabaseCommand =>
        $"modelwatch rank --dataset {Dataset.Name} --category {Query.Category}{(Query.StyleControl ? " --style-control" : "")} --format json";
}

/// <summary>The query names a dataset or category the database does not have.</summary>
public sealed class BoardNotFoundException(string message) : Exception(message);

/// <summary>
/// Computes leaderboards from the votes in the database with the same code as <c>modelwatch rank --dataset</c>
/// (<see cref="DatasetBoards"/>), and keeps each board until its dataset changes: a board is fitted once
/// (milliseconds on stored counts; seconds with style control, which reads every vote) and then served from memory.
/// A dataset's identity in the cache includes its import time and revision, so a re-imported dataset or one that grew
/// (the arena's) is never served stale, also across several app instances sharing one PostgreSQL database.
/// </summary>
public sealed class LeaderboardService(IDbContextFactory<ModelwatchDbContext> contexts, TimeProvider time)
{
    /// <summary>How long the list of datasets is trusted before it is read again (imports in this instance invalidate at once).</summary>
    public static readonly TimeSpan DatasetListLifetime = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(int Dataset, long Imported, long Revision, string Category, bool Style), Lazy<Task<ComputedBoard>>> _boards = new();
    private volatile DatasetList? _datasets;

    /// <summary>The request every board is computed with: LMArena's defaults (sandwich 95% intervals), with the pair matrices for the heat maps.</summary>
    public static RatingRequest RequestFor(BoardQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new RatingRequest
        {
            StyleControl = query.StyleControl,
            IncludeMatrices = true,
            Filter = new VoteFilterOptions { Category = query.Category },
        };
    }

    /// <summary>Every dataset, most recently imported first.</summary>
    /// <remarks>Read at most once per <see cref="DatasetListLifetime"/>: every page asks, and on PostgreSQL the round trip is a real share of a cached board's answer.</remarks>
    public async Task<IReadOnlyList<DatasetInfo>> DatasetsAsync(CancellationToken ct = default)
    {
        if (_datasets is { } cached && time.GetElapsedTime(cached.ReadAt) <= DatasetListLifetime)
        {
            return cached.Datasets;
        }

        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.Set<VoteDataset>().AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
            IReadOnlyList<DatasetInfo> list = [.. rows.OrderByDescending(d => d.ImportedAt).ThenByDescending(d => d.Id).Select(DatasetInfo.From)];
            _datasets = new DatasetList(list, time.GetTimestamp());
            return list;
        }
    }

    /// <summary>The board <paramref name="query"/> names; null when the database has no votes yet (or the dataset has none, as the arena's before its first counted vote).</summary>
    /// <exception cref="BoardNotFoundException">The dataset or category does not exist.</exception>
    public async Task<ComputedBoard?> GetAsync(BoardQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var datasets = await DatasetsAsync(ct).ConfigureAwait(false);
        if (datasets.Count == 0)
        {
            return null;
        }

        // The arena's live dataset ("arena", grown by votes, never imported) is the default board only when it is the
        // only dataset: it changes after every vote, and the imported datasets are what the home page is about. It is
        // linked as /?dataset=arena.
        var dataset = query.Dataset is null
            ? datasets.FirstOrDefault(d => !string.Equals(d.SourceFormat, Arena.Fairness.ArenaDataset.Format, StringComparison.Ordinal)) ?? datasets[0]
            : datasets.FirstOrDefault(d => string.Equals(d.Name, query.Dataset, StringComparison.Ordinal))
              ?? throw new BoardNotFoundException($"No vote dataset '{query.Dataset}'. Datasets: {string.Join(", ", datasets.Select(d => d.Name))}.");
        if (dataset.VoteCount == 0)
        {
            return null;
        }

        if (!dataset.Categories.Contains(query.Category, StringComparer.Ordinal))
        {
            throw new BoardNotFoundException($"Dataset '{dataset.Name}' has no category '{query.Category}'. Categories: {string.Join(", ", dataset.Categories)}.");
        }

        if (query.StyleControl && !dataset.HasStyle)
        {
            throw new BoardNotFoundException($"Dataset '{dataset.Name}' carries no style features, so style control cannot be applied.");
        }

        var normalised = query with { Dataset = dataset.Name };
        var key = (dataset.Id, dataset.ImportedAt.UtcTicks, dataset.Revision, query.Category, query.StyleControl);
        var added = false;
        var lazy = _boards.GetOrAdd(key, _ =>
        {
            added = true;
            return new Lazy<Task<ComputedBoard>>(() => ComputeAsync(dataset, normalised));
        });
        if (added)
        {
            // Only a new board can make older ones stale; a cached answer does not walk the cache.
            ForgetOlderRevisions(key);
        }
        try
        {
            return await lazy.Value.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception) when (lazy.IsValueCreated && lazy.Value.IsFaulted)
        {
            _boards.TryRemove(new KeyValuePair<(int, long, long, string, bool), Lazy<Task<ComputedBoard>>>(key, lazy));
            throw;
        }
    }

    /// <summary>Forgets every computed board (after an import or a deletion in this instance).</summary>
    public void Invalidate()
    {
        _datasets = null;
        _boards.Clear();
    }

    /// <summary>Drops boards of the same dataset at another import or revision: a growing dataset would otherwise fill memory.</summary>
    private void ForgetOlderRevisions((int Dataset, long Imported, long Revision, string Category, bool Style) current)
    {
        foreach (var key in _boards.Keys)
        {
            if (key.Dataset == current.Dataset && (key.Imported != current.Imported || key.Revision != current.Revision))
            {
                _boards.TryRemove(key, out _);
            }
        }
    }

    private sealed record DatasetList(IReadOnlyList<DatasetInfo> Datasets, long ReadAt);

    private async Task<ComputedBoard> ComputeAsync(DatasetInfo dataset, BoardQuery query)
    {
        // Not the request's token: the board is shared by every request waiting for it.
        var start = time.GetTimestamp();
        var request = RequestFor(query);
        var db = await contexts.CreateDbContextAsync().ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var store = new VoteStore(db, time);
            RatingReport report;
            if (DatasetBoards.NeedsEachVote(request))
            {
                var votes = await store.LoadVoteTableAsync(dataset.Name).ConfigureAwait(false);
                report = await Task.Run(() => RatingEngine.Run(votes, request)).ConfigureAwait(false);
            }
            else
            {
                var stored = await store.LoadCountsAsync(dataset.Name, query.Category).ConfigureAwait(false);
                report = DatasetBoards.RankOnCounts(stored, request);
            }

            return new ComputedBoard(dataset, query, report, time.GetUtcNow(), time.GetElapsedTime(start));
        }
    }
}
