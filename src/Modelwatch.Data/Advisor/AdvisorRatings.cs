using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Advisor;
using Modelwatch.Core.Catalog;
using Modelwatch.Core.Leaderboards;
using Modelwatch.Core.Votes;
using Modelwatch.Data.Catalog.Store;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Data.Leaderboards;
using Modelwatch.Data.Votes;

namespace Modelwatch.Data.Advisor;

/// <summary>The board the advisor ranks by, and every catalog model it could consider with its best rating there.</summary>
/// <param name="Category">The category used.</param>
/// <param name="Source">Which board: <c>dataset:&lt;name&gt;</c> or <c>lmarena &lt;date&gt;</c>; <c>none</c> when no source rates anything.</param>
/// <param name="Universe">Every catalog model the source rates in any category (those unrated in <paramref name="Category"/> are excluded with <c>quality</c>).</param>
/// <param name="Quality">The best rating of each model on the board, with the name it is rated under.</param>
/// <param name="Notes">Fallbacks taken.</param>
internal sealed record AdvisorBoard(string Category, string Source, IReadOnlySet<string> Universe, IReadOnlyDictionary<string, QualityEvidence> Quality, IReadOnlyList<string> Notes);

/// <summary>
/// Chooses the rating source and category for a use case and reads the ratings. Automatic choice: for each of the
/// profile's categories in order, a stored vote dataset that has it (fitted here: reproducible with
/// <c>modelwatch rank --dataset</c>), else LMArena's latest published board of it; a more specific category from the
/// published board beats the general one from votes. Fits are cached per (dataset, import, revision, category): a
/// Bradley–Terry fit with sandwich intervals on the 140k votes' counts is the one expensive step.
/// </summary>
internal sealed class AdvisorRatings(IDbContextFactory<ModelwatchDbContext> contexts, TimeProvider time)
{
    /// <summary>The board the LMArena importer writes the text leaderboard to.</summary>
    public const string PublishedBoard = "lmarena-text";

    /// <summary>
    /// <c>SourceFormat</c> of the arena's own live dataset (Web's <c>ArenaDataset.Format</c>): grown one vote at a
    /// time, so imported datasets are preferred, as the leaderboard's default board does.
    /// </summary>
    public const string LiveArenaFormat = "arena";

    private readonly ConcurrentDictionary<(int Dataset, long Imported, long Revision, string Category), Lazy<Task<IReadOnlyList<LeaderboardEntry>>>> _fits = new();

    private sealed record DatasetRow(int Id, string Name, string SourceFormat, DateTimeOffset ImportedAt, long Revision, int VoteCount, List<string> Categories);

    public async Task<AdvisorBoard> ReadAsync(ModelwatchDbContext db, UseCaseProfile profile, RatingSourceChoice choice, CancellationToken ct)
    {
        if (choice.EvalRun is { } runId)
        {
            if (choice.Dataset is not null || choice.PublishedOnly)
            {
                throw new AdvisorRequestException("eval-run", "Rank by an evaluation run or by a public board, not both.");
            }

            return await AdvisorEvalBoards.ReadAsync(new EvalStore(contexts, time), runId, choice.EvalTag, ct).ConfigureAwait(false);
        }

        if (choice.Dataset is not null && choice.PublishedOnly)
        {
            throw new AdvisorRequestException("published-only", "Choose a dataset or LMArena's published boards, not both.");
        }

        var datasets = choice.PublishedOnly ? [] : await DatasetsAsync(db, ct).ConfigureAwait(false);
        DatasetRow? named = null;
        if (choice.Dataset is { } wanted)
        {
            named = datasets.FirstOrDefault(d => string.Equals(d.Name, wanted, StringComparison.Ordinal))
                ?? throw new AdvisorRequestException("dataset", $"No vote dataset '{wanted}'. Datasets: {(datasets.Count == 0 ? "none" : string.Join(", ", datasets.Select(d => d.Name)))}.");
        }

        var published = named is null ? await PublishedCategoriesAsync(db, ct).ConfigureAwait(false) : [];
        var notes = new List<string>();
        foreach (var category in profile.Categories)
        {
            var dataset = named is not null
                ? (named.Categories.Contains(category, StringComparer.Ordinal) ? named : null)
                : datasets.Where(d => d.VoteCount > 0 && d.Categories.Contains(category, StringComparer.Ordinal))
                    .OrderBy(d => d.SourceFormat == LiveArenaFormat).ThenByDescending(d => d.VoteCount).ThenBy(d => d.Name, StringComparer.Ordinal)
                    .FirstOrDefault();
            var searched = named is not null ? $"dataset '{named.Name}'"
                : choice.PublishedOnly ? "LMArena's published boards"
                : "the vote datasets or LMArena's published boards";
            if (dataset is not null)
            {
                Fallback(profile, category, searched, notes);
                return await FromDatasetAsync(db, dataset, category, notes, ct).ConfigureAwait(false);
            }

            if (published.TryGetValue(category, out var on))
            {
                Fallback(profile, category, searched, notes);
                return await FromPublishedAsync(db, category, on, notes, ct).ConfigureAwait(false);
            }
        }

        notes.Add(named is not null
            ? $"Dataset '{named.Name}' has none of the categories {string.Join(", ", profile.Categories)}: nothing to rank by."
            : "No vote dataset or published board rates any model: import votes or LMArena's board first.");
        return new AdvisorBoard(profile.Categories[0], "none", new HashSet<string>(), new Dictionary<string, QualityEvidence>(), notes);
    }

    /// <summary>Names the fallback when the profile's first (most specific) category was not available.</summary>
    private static void Fallback(UseCaseProfile profile, string category, string where, List<string> notes)
    {
        var skipped = profile.Categories.TakeWhile(c => c != category).ToList();
        if (skipped.Count > 0)
        {
            notes.Add($"No '{string.Join("' or '", skipped)}' board in {where}: ranked on '{category}'.");
        }
    }

    private static async Task<List<DatasetRow>> DatasetsAsync(ModelwatchDbContext db, CancellationToken ct)
    {
        var rows = await db.VoteDatasets.AsNoTracking()
            .Select(d => new DatasetRow(d.Id, d.Name, d.SourceFormat, d.ImportedAt, d.Revision, d.VoteCount, d.Categories))
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.OrderBy(d => d.Name, StringComparer.Ordinal)];
    }

    /// <summary>Each published category with its latest publish date.</summary>
    public static async Task<Dictionary<string, DateOnly>> PublishedCategoriesAsync(ModelwatchDbContext db, CancellationToken ct)
    {
        var rows = await db.PublishedRatings.AsNoTracking()
            .Where(r => r.Board == PublishedBoard)
            .GroupBy(r => r.Category)
            .Select(g => new { Category = g.Key, Latest = g.Max(r => r.PublishedOn) })
            .ToListAsync(ct).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Category, r => r.Latest, StringComparer.Ordinal);
    }

    private async Task<AdvisorBoard> FromDatasetAsync(ModelwatchDbContext db, DatasetRow dataset, string category, List<string> notes, CancellationToken ct)
    {
        var entries = await FitAsync(dataset, category, ct).ConfigureAwait(false);
        var names = await db.VoteModels.AsNoTracking().Where(m => m.DatasetId == dataset.Id).Select(m => m.Name).ToListAsync(ct).ConfigureAwait(false);
        var modelOf = await VoteNameLinks.ModelIdsAsync(db, names, ct).ConfigureAwait(false);
        var source = "dataset:" + dataset.Name;
        var asOf = DateOnly.FromDateTime(dataset.ImportedAt.UtcDateTime);
        var quality = Best(entries
            .Where(e => modelOf.ContainsKey(e.Model))
            .Select(e => (ModelId: modelOf[e.Model], Evidence: new QualityEvidence(source, category, e.Model, e.Rating, e.Lower, e.Upper, (int)Math.Min(e.Votes, int.MaxValue), asOf))));
        return new AdvisorBoard(category, source, modelOf.Values.ToHashSet(StringComparer.Ordinal), quality, notes);
    }

    private static async Task<AdvisorBoard> FromPublishedAsync(ModelwatchDbContext db, string category, DateOnly publishedOn, List<string> notes, CancellationToken ct)
    {
        var rows = await db.PublishedRatings.AsNoTracking()
            .Where(r => r.Board == PublishedBoard && r.Category == category && r.PublishedOn == publishedOn && r.ModelId != null)
            .Select(r => new { r.ExternalId, ModelId = r.ModelId!, r.Rating, r.Lower, r.Upper, r.Votes })
            .ToListAsync(ct).ConfigureAwait(false);
        var universe = await db.PublishedRatings.AsNoTracking()
            .Where(r => r.Board == PublishedBoard && r.ModelId != null)
            .Select(r => r.ModelId!).Distinct()
            .ToListAsync(ct).ConfigureAwait(false);
        var quality = Best(rows.Select(r => (r.ModelId, new QualityEvidence(
            CatalogSources.LmArena, category, r.ExternalId, r.Rating, r.Lower ?? double.NaN, r.Upper ?? double.NaN, r.Votes, publishedOn))));
        var source = string.Create(CultureInfo.InvariantCulture, $"{CatalogSources.LmArena} {publishedOn:yyyy-MM-dd}");
        return new AdvisorBoard(category, source, universe.ToHashSet(StringComparer.Ordinal), quality, notes);
    }

    /// <summary>Several rated names of one catalog model (snapshots, thinking modes): the best-rated one speaks for it, under its own name.</summary>
    internal static Dictionary<string, QualityEvidence> Best(IEnumerable<(string ModelId, QualityEvidence Evidence)> rated) =>
        rated.Where(r => double.IsFinite(r.Evidence.Rating))
            .GroupBy(r => r.ModelId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(r => r.Evidence.Rating).ThenBy(r => r.Evidence.RatedName, StringComparer.Ordinal).First().Evidence,
                StringComparer.Ordinal);

    private async Task<IReadOnlyList<LeaderboardEntry>> FitAsync(DatasetRow dataset, string category, CancellationToken ct)
    {
        var key = (dataset.Id, dataset.ImportedAt.UtcTicks, dataset.Revision, category);
        // Its own context and no request's token: the fit is shared by every request waiting for it.
        var lazy = _fits.GetOrAdd(key, _ => new Lazy<Task<IReadOnlyList<LeaderboardEntry>>>(async () =>
        {
            var db = await contexts.CreateDbContextAsync().ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                var stored = await new VoteStore(db, time).LoadCountsAsync(dataset.Name, category).ConfigureAwait(false);
                var request = new RatingRequest { Filter = new VoteFilterOptions { Category = category } };
                return DatasetBoards.RankOnCounts(stored, request).Entries;
            }
        }));
        try
        {
            var entries = await lazy.Value.WaitAsync(ct).ConfigureAwait(false);
            foreach (var old in _fits.Keys.Where(k => k.Dataset == dataset.Id && (k.Imported != key.Item2 || k.Revision != key.Revision)))
            {
                _fits.TryRemove(old, out _);
            }

            return entries;
        }
        catch (Exception) when (lazy.IsValueCreated && lazy.Value.IsFaulted)
        {
            _fits.TryRemove(new KeyValuePair<(int, long, long, string), Lazy<Task<IReadOnlyList<LeaderboardEntry>>>>(key, lazy));
            throw;
        }
    }
}
