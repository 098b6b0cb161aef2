using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Votes;
using Modelwatch.Import.Votes;

namespace Modelwatch.Data.Votes;

/// <summary>
/// Vote files in the database: import (read, store every vote, aggregate per category, all in one transaction),
/// load a category's counts for a fit, load the votes back as a <see cref="VoteTable"/>, list, delete.
/// </summary>
/// <remarks>
/// An import is all or nothing: a file that cannot be read fails before anything is written, and a failure or
/// cancellation while writing rolls the transaction back, so other datasets are never touched and no dataset is
/// left half-written. Importing the same bytes again (same SHA-256) is a no-op. A store works on one context and,
/// like the context, is not for concurrent use: make one per request or job.
/// </remarks>
public sealed class VoteStore(ModelwatchDbContext db, TimeProvider time)
{
    /// <summary>Imports the file at <paramref name="path"/>; the dataset is named <paramref name="name"/>, or after the file.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="VoteFileException">The file is not a readable vote file (nothing was written).</exception>
    /// <exception cref="VoteStoreException">The name is taken by other content and <see cref="VoteImportOptions.Replace"/> is off.</exception>
    /// <exception cref="ArgumentException">The name is empty or too long.</exception>
    public async Task<VoteImportResult> ImportAsync(string path, string? name = null, VoteImportOptions? options = null, IProgress<VoteImportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"file not found: {path}", path);
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            return await ImportAsync(file, Path.GetFileName(path), name, options, progress, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Imports votes from a stream (left open). A seekable stream is hashed before it is parsed, so content already stored is not read twice.</summary>
    /// <param name="stream">The file's content from its current position.</param>
    /// <param name="sourceName">The file name messages use and the dataset records.</param>
    /// <param name="name">The dataset's name; null for the file name without its extensions.</param>
    /// <param name="options">Skip-invalid, format override, replace.</param>
    /// <param name="progress">Told about hashing, reading and writing as they go.</param>
    /// <param name="ct">Cancels the import; nothing is left written.</param>
    /// <exception cref="VoteFileException">The content is not a readable vote file (nothing was written).</exception>
    /// <exception cref="VoteStoreException">The name is taken by other content and <see cref="VoteImportOptions.Replace"/> is off.</exception>
    /// <exception cref="ArgumentException">The name is empty or too long.</exception>
    public async Task<VoteImportResult> ImportAsync(Stream stream, string sourceName, string? name = null, VoteImportOptions? options = null, IProgress<VoteImportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= new VoteImportOptions();
        name ??= DefaultName(sourceName);
        CheckName(name);
        long? totalBytes = stream.CanSeek ? stream.Length - stream.Position : null;

        string? hash = null;
        if (stream.CanSeek)
        {
            hash = await ContentHash.OfSeekableAsync(stream, bytes => progress?.Report(new VoteImportProgress(VoteImportPhase.Hashing, bytes, totalBytes, 0, 0)), ct).ConfigureAwait(false);
            if (await FindByHashAsync(hash, ct).ConfigureAwait(false) is { } stored)
            {
                return new VoteImportResult { Dataset = stored, AlreadyStored = true };
            }

            await RefuseTakenNameAsync(name, options, ct).ConfigureAwait(false);
        }

        var readProgress = progress is null ? null : new ReadProgressAdapter(p => progress.Report(new VoteImportProgress(VoteImportPhase.Reading, p.BytesRead, p.TotalBytes, 0, 0)));
        var readOptions = new VoteReadOptions { SkipInvalid = options.SkipInvalid, Format = options.Format };
        VoteReadResult read;
        if (hash is null)
        {
            using var hashing = new HashingStream(stream);
            read = await Task.Run(() => VoteFileReader.Read(hashing, sourceName, readOptions, readProgress, ct), ct).ConfigureAwait(false);
            hash = hashing.Finish();
            if (await FindByHashAsync(hash, ct).ConfigureAwait(false) is { } stored)
            {
                return new VoteImportResult { Dataset = stored, AlreadyStored = true };
            }

            await RefuseTakenNameAsync(name, options, ct).ConfigureAwait(false);
        }
        else
        {
            read = await Task.Run(() => VoteFileReader.Read(stream, sourceName, readOptions, readProgress, ct), ct).ConfigureAwait(false);
        }

        return await StoreAsync(read, name, sourceName, hash, options, progress, ct).ConfigureAwait(false);
    }

    /// <summary>Every dataset, by name (models not loaded).</summary>
    public async Task<IReadOnlyList<VoteDataset>> ListAsync(CancellationToken ct = default)
    {
        var all = await db.VoteDatasets.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        return [.. all.OrderBy(d => d.Name, StringComparer.Ordinal)];
    }

    /// <summary>The dataset of that name with its models (by index), or null.</summary>
    public async Task<VoteDataset?> FindAsync(string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var dataset = await db.VoteDatasets.AsNoTracking().Include(d => d.Models).FirstOrDefaultAsync(d => d.Name == name, ct).ConfigureAwait(false);
        dataset?.Models.Sort((x, y) => x.Index.CompareTo(y.Index));
        return dataset;
    }

    /// <summary>The stored counts of one category of a dataset.</summary>
    /// <exception cref="VoteStoreException">No dataset has that name.</exception>
    /// <exception cref="ArgumentException">The dataset has no such category (the message lists those it has).</exception>
    public async Task<StoredVoteCounts> LoadCountsAsync(string dataset, string category = VoteCategories.Full, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(category);
        var stored = await RequireAsync(dataset, ct).ConfigureAwait(false);
        if (!stored.Categories.Contains(category, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown category '{category}' for dataset '{stored.Name}'. Available categories: {string.Join(", ", stored.Categories)}.", nameof(category));
        }

        var rows = await db.VotePairCounts.AsNoTracking()
            .Where(c => c.DatasetId == stored.Id && c.Category == category)
            .ToListAsync(ct).ConfigureAwait(false);
        return new StoredVoteCounts(stored, category, [.. stored.Models.Select(m => m.Name)], rows);
    }

    /// <summary>
    /// A dataset's votes, in file order, as a <see cref="VoteTable"/> for methods that need each vote (Elo, style control,
    /// per-voter caps). Voters come back as their 16-hex-digit hashes; source lines are vote numbers (1-based).
    /// </summary>
    /// <exception cref="VoteStoreException">No dataset has that name.</exception>
    public async Task<VoteTable> LoadVoteTableAsync(string dataset, IProgress<long>? rowsRead = null, CancellationToken ct = default)
    {
        var stored = await RequireAsync(dataset, ct).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            var reader = await StoredVoteReader.ExecuteAsync(db, command, stored, ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await StoredVoteReader.ReadAsync(reader, stored, rowsRead, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Deletes a dataset with its votes, models and counts, in one transaction.</summary>
    /// <returns>False when there was no dataset of that name.</returns>
    public async Task<bool> DeleteAsync(string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var id = await db.VoteDatasets.Where(d => d.Name == name).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (id is null)
            {
                return false;
            }

            await DeleteRowsAsync(id.Value, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>The dataset name a file gets by default: its name without <c>.gz</c> and one more extension.</summary>
    public static string DefaultName(string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        var name = Path.GetFileName(sourceName);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        var stem = Path.GetFileNameWithoutExtension(name);
        return stem.Length > 0 ? stem : name;
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length != name.Length)
        {
            throw new ArgumentException($"A dataset name must be non-empty without leading or trailing spaces; got '{name}'.", nameof(name));
        }

        if (name.Length > VoteDataset.MaxNameLength)
        {
            throw new ArgumentException($"A dataset name has at most {VoteDataset.MaxNameLength} characters; '{name[..20]}…' has {name.Length}.", nameof(name));
        }
    }

    private async Task<VoteDataset> RequireAsync(string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (await FindAsync(name, ct).ConfigureAwait(false) is { } found)
        {
            return found;
        }

        var names = await db.VoteDatasets.Select(d => d.Name).ToListAsync(ct).ConfigureAwait(false);
        var have = names.Count == 0 ? "no datasets are stored (import one with `modelwatch import votes FILE`)" : "stored: " + string.Join(", ", names.Order(StringComparer.Ordinal));
        throw new VoteStoreException($"No vote dataset named '{name}'; {have}.");
    }

    private Task<VoteDataset?> FindByHashAsync(string hash, CancellationToken ct) =>
        db.VoteDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.ContentHash == hash, ct);

    private async Task RefuseTakenNameAsync(string name, VoteImportOptions options, CancellationToken ct)
    {
        if (!options.Replace && await db.VoteDatasets.AnyAsync(d => d.Name == name, ct).ConfigureAwait(false))
        {
            throw new VoteStoreException($"A vote dataset named '{name}' already holds other votes; choose another name, or replace it (--replace).");
        }
    }

    private async Task<VoteImportResult> StoreAsync(VoteReadResult read, string name, string sourceName, string hash, VoteImportOptions options, IProgress<VoteImportProgress>? progress, CancellationToken ct)
    {
        var votes = read.Votes;
        var categories = VoteCategories.Available(votes);
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var replaced = await db.VoteDatasets.Where(d => d.Name == name).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
                if (replaced is { } oldId)
                {
                    if (!options.Replace)
                    {
                        throw new VoteStoreException($"A vote dataset named '{name}' already holds other votes; choose another name, or replace it (--replace).");
                    }

                    await DeleteRowsAsync(oldId, ct).ConfigureAwait(false);
                }

                var dataset = NewDataset(read, name, sourceName, hash, categories);
                db.VoteDatasets.Add(dataset);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);

                var columns = new VoteColumns(votes, dataset.Id);
                var inserter = BulkInserter.For(db);
                inserter.Insert<StoredVote>(db, columns.Properties, columns.Count, columns.Fill, rows => progress?.Report(new VoteImportProgress(VoteImportPhase.Writing, 0, null, rows, votes.Count)), ct);

                progress?.Report(new VoteImportProgress(VoteImportPhase.Aggregating, 0, null, votes.Count, votes.Count));
                var counts = VotePairAggregation.Compute(votes, categories, dataset.Id, ct);
                inserter.Insert<VotePairCount>(db, VotePairAggregation.Properties, counts.Count, (row, values) => VotePairAggregation.Fill(counts[row], values), null, ct);
                await transaction.CommitAsync(ct).ConfigureAwait(false);

                return new VoteImportResult
                {
                    Dataset = dataset,
                    Replaced = replaced is not null,
                    CountRows = counts.Count,
                    VotesPerCategory = [.. categories.Select(c => KeyValuePair.Create(c, counts.Where(r => r.Category == c).Sum(r => (long)r.Total)))],
                    SkippedByReason = read.SkippedByReason,
                    Notes = read.Notes,
                };
            }
        }
        finally
        {
            // The entities of a rolled-back import must not leak into the next SaveChanges.
            db.ChangeTracker.Clear();
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private VoteDataset NewDataset(VoteReadResult read, string name, string sourceName, string hash, IReadOnlyList<string> categories)
    {
        var votes = read.Votes;
        var selfVotes = 0;
        var modelA = votes.ModelA;
        var modelB = votes.ModelB;
        for (var i = 0; i < votes.Count; i++)
        {
            selfVotes += modelA[i] == modelB[i] ? 1 : 0;
        }

        var dataset = new VoteDataset
        {
            Name = name,
            SourceFileName = Path.GetFileName(sourceName),
            ContentHash = hash,
            SourceFormat = read.Format + (read.Gzipped ? "+gzip" : string.Empty),
            ImportedAt = time.GetUtcNow(),
            VoteCount = votes.Count,
            SelfVoteCount = selfVotes,
            RowsSkipped = read.RowsSkipped,
            ModelCount = votes.Models.Count,
            HasTimestamps = votes.HasTimestamps,
            HasJudges = votes.HasJudges,
            HasLanguages = votes.HasLanguages,
            HasAnonymous = votes.HasAnonymous,
            HasTurns = votes.HasTurns,
            HasDedupTags = votes.HasDedupTags,
            HasStyle = votes.HasStyle,
            TagNames = [.. votes.TagNames],
            Categories = [.. categories],
            Languages = votes.HasLanguages ? [.. votes.Languages.Names] : [],
        };
        for (var i = 0; i < votes.Models.Count; i++)
        {
            dataset.Models.Add(new VoteModelRow { Index = i, Name = votes.Models[i] });
        }

        return dataset;
    }

    /// <summary>Deletes a dataset's rows inside the caller's transaction: votes by key range, then counts, models and the dataset.</summary>
    private async Task DeleteRowsAsync(int datasetId, CancellationToken ct)
    {
        var first = StoredVote.FirstKey(datasetId);
        var last = StoredVote.LastKey(datasetId);
        await db.StoredVotes.Where(v => v.Id >= first && v.Id <= last).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.VotePairCounts.Where(c => c.DatasetId == datasetId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.VoteModels.Where(m => m.DatasetId == datasetId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.VoteDatasets.Where(d => d.Id == datasetId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Adapts the reader's progress to a callback (no synchronisation context: reports arrive on the reading thread).</summary>
    private sealed class ReadProgressAdapter(Action<VoteReadProgress> report) : IProgress<VoteReadProgress>
    {
        public void Report(VoteReadProgress value) => report(value);
    }
}
