using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;
using Modelwatch.Data;
using Modelwatch.Data.Catalog.Store;
using Modelwatch.Data.Votes;
using Modelwatch.Import.Catalog;
using Modelwatch.Web.Features.Leaderboard;

namespace Modelwatch.Web.Features.Sources;

/// <summary>
/// What an import job does, the same way the CLI's <c>import votes</c> and <c>catalog import</c> do it: the stores are
/// transactional, so a failing job leaves the database as it was (a catalog source that cannot be read is marked as
/// failing, as the CLI marks it).
/// </summary>
internal static class ImportWork
{
    /// <summary>Problems listed in a job's summary; all are stored with the import run.</summary>
    public const int ProblemsShown = 20;

    public static async Task<ImportJobSummary> VotesAsync(ImportJobContext context, string path, string? name, bool replace)
    {
        var services = context.Services;
        var time = services.GetRequiredService<TimeProvider>();
        var db = await services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>().CreateDbContextAsync(context.Cancel).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var progress = new Reporter<VoteImportProgress>(p => context.Job.Report(
                p.Phase.ToString().ToLowerInvariant(),
                p.Phase == VoteImportPhase.Writing ? p.RowsWritten : p.BytesRead,
                p.Phase == VoteImportPhase.Writing ? p.TotalRows : p.TotalBytes));
            var result = await new VoteStore(db, time).ImportAsync(path, name, new VoteImportOptions { Replace = replace }, progress, context.Cancel).ConfigureAwait(false);
            services.GetRequiredService<LeaderboardService>().Invalidate();
            return new ImportJobSummary
            {
                Dataset = result.Dataset.Name,
                Votes = result.Dataset.VoteCount,
                Models = result.Dataset.ModelCount,
                AlreadyStored = result.AlreadyStored,
            };
        }
    }

    /// <summary>Reads the source from the file <c>fetch</c> gives (dated <c>asOf</c> when the file does not say) and stores it; the run records <c>location</c> (the URL or the upload's name, not the temporary path).</summary>
    public static async Task<ImportJobSummary> CatalogAsync(ImportJobContext context, string source, string location, Func<Task<string>> fetch, DateOnly? asOf = null)
    {
        var services = context.Services;
        var time = services.GetRequiredService<TimeProvider>();
        var db = await services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>().CreateDbContextAsync(context.Cancel).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var importer = CatalogImporters.CreateDefault(time, asOf).Find(source)
                ?? throw new InvalidOperationException($"no importer for '{source}'");
            CatalogBatch batch;
            string? path = null;
            try
            {
                path = await fetch().ConfigureAwait(false);
                context.Job.Report("reading", 0, null);
                using var input = CatalogInput.FromPath(path);
                batch = await Task.Run(() => importer.Read(input, context.Cancel), context.Cancel).ConfigureAwait(false) with { Location = location };
            }
            catch (CatalogSourceException error)
            {
                var message = path is null ? error.Message : error.Message.Replace(path, location, StringComparison.Ordinal);
                await new CatalogStore(db, time).RecordFailureAsync(source, location, message, context.Cancel).ConfigureAwait(false);
                throw new CatalogSourceException($"{message} The catalog is unchanged; {source} is marked as failing.", error);
            }

            var progress = new Reporter<ImportProgress>(p => context.Job.Report(p.Stage, p.Done, p.Total));
            var summary = await CatalogImport.ApplyAsync(db, time, batch, progress, context.Cancel).ConfigureAwait(false);
            services.GetRequiredService<ArenaModelLinks>().Invalidate();
            return new ImportJobSummary
            {
                RunId = summary.RunId,
                Outcome = summary.Outcome.ToString(),
                Kinds = [.. summary.Kinds().Select(k => new ImportKindCounts(k.Kind, k.Counts.Added, k.Counts.Changed, k.Counts.Unchanged, k.Counts.Removed))],
                Problems = summary.Problems.Count,
                FirstProblems = [.. summary.Problems.Take(ProblemsShown).Select(p => $"{p.Location}: {p.Message}")],
                Unmatched = summary.Unmatched,
                Pending = summary.Pending,
            };
        }
    }

    /// <summary>Reports on the caller's thread (<see cref="Progress{T}"/> would post, and reports could arrive out of order).</summary>
    private sealed class Reporter<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
