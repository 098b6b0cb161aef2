using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>What one import changed, per kind of record; a re-import of the same batch reports nothing added or changed.</summary>
/// <param name="Source">One of <see cref="CatalogSources"/>.</param>
/// <param name="RunId">The <see cref="ImportRun"/> stored for this import.</param>
/// <param name="Outcome">Succeeded, with problems, or failed.</param>
public sealed record ImportSummary(string Source, long RunId, ImportOutcome Outcome)
{
    /// <summary>Canonical models: added = created by this source; changed = a resolved column changed.</summary>
    public KindCounts Models { get; init; } = KindCounts.Zero;

    /// <summary>(source, external id) rows: linked, unmatched or pending.</summary>
    public KindCounts Aliases { get; init; } = KindCounts.Zero;

    /// <summary>Facts this source states; removed = no longer stated.</summary>
    public KindCounts Facts { get; init; } = KindCounts.Zero;

    public KindCounts Variants { get; init; } = KindCounts.Zero;

    public KindCounts Offerings { get; init; } = KindCounts.Zero;

    /// <summary>Price periods: a changed price closes one period (changed) and opens another (added).</summary>
    public KindCounts Prices { get; init; } = KindCounts.Zero;

    public KindCounts BenchmarkScores { get; init; } = KindCounts.Zero;

    public KindCounts LeaderboardEntries { get; init; } = KindCounts.Zero;

    /// <summary>Records skipped by the importer or the store, with where and why.</summary>
    public IReadOnlyList<RecordProblem> Problems { get; init; } = [];

    /// <summary>External ids of this batch that link to no model (kept as unmatched aliases).</summary>
    public int Unmatched { get; init; }

    /// <summary>External ids of this batch waiting in the review queue.</summary>
    public int Pending { get; init; }

    /// <summary>The kinds in the order the CLI prints them.</summary>
    public IEnumerable<(string Kind, KindCounts Counts)> Kinds()
    {
        yield return ("models", Models);
        yield return ("aliases", Aliases);
        yield return ("facts", Facts);
        yield return ("variants", Variants);
        yield return ("offerings", Offerings);
        yield return ("prices", Prices);
        yield return ("benchmark scores", BenchmarkScores);
        yield return ("leaderboard entries", LeaderboardEntries);
    }

    public int TotalAdded => Kinds().Sum(k => k.Counts.Added);

    /// <summary>Changed and removed rows of every kind.</summary>
    public int TotalChanged => Kinds().Sum(k => k.Counts.Changed + k.Counts.Removed);

    public int TotalUnchanged => Kinds().Sum(k => k.Counts.Unchanged);
}

/// <summary>Rows of one kind an import added, changed, left as they were, or removed.</summary>
public sealed record KindCounts(int Added, int Changed, int Unchanged, int Removed = 0)
{
    public static KindCounts Zero { get; } = new(0, 0, 0);

    public int Total => Added + Changed + Unchanged + Removed;
}

/// <summary>Progress of an import: the stage (<c>models</c>, <c>offerings</c>, …) and records done of its total.</summary>
public readonly record struct ImportProgress(string Stage, int Done, int Total);
