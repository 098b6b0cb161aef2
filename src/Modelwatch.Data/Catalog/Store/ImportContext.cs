using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>What every step of one import shares: the context, the run, the clock, problems, models whose facts moved.</summary>
internal sealed class ImportContext(ModelwatchDbContext db, ImportRun run, DateTimeOffset now, IProgress<ImportProgress>? progress)
{
    private const int ReportEvery = 500;

    public ModelwatchDbContext Db { get; } = db;

    public ImportRun Run { get; } = run;

    public string Source => Run.Source;

    public DateTimeOffset Now { get; } = now;

    /// <summary>The date an undated price takes effect from: today in UTC.</summary>
    public DateOnly Today { get; } = DateOnly.FromDateTime(now.UtcDateTime);

    public List<RecordProblem> Problems { get; } = [];

    /// <summary>Models whose facts were added, changed or removed: their resolved columns are recomputed.</summary>
    public HashSet<string> TouchedModels { get; } = new(StringComparer.Ordinal);

    public void Report(string stage, int done, int total)
    {
        if (progress is not null && (done % ReportEvery == 0 || done == total))
        {
            progress.Report(new ImportProgress(stage, done, total));
        }
    }

    /// <summary>
    /// Saves what the step changed and forgets it: automatic change detection is off during an import (it made every
    /// Add scan all tracked rows), so changes are detected once here, and a clear tracker keeps the next step fast.
    /// </summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        Db.ChangeTracker.DetectChanges();
        await Db.SaveChangesAsync(ct).ConfigureAwait(false);
        Db.ChangeTracker.Clear();
    }

    /// <summary>Starts tracking a row read with AsNoTracking, so the properties set next are saved as an update.</summary>
    public void Track<T>(T row)
        where T : class
    {
        if (Db.Entry(row).State == EntityState.Detached)
        {
            Db.Attach(row);
        }
    }
}
