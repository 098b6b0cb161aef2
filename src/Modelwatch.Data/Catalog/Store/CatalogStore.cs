using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>
/// Applies an importer's <see cref="CatalogBatch"/> to the database in one transaction: identity (aliases, new
/// canonical models, the review queue), facts with provenance and resolved columns, offerings with price history,
/// benchmark scores, published leaderboard rows, problems, the import run and the source's status. All or nothing;
/// applying the same batch twice changes nothing the second time.
/// </summary>
/// <param name="db">The context to write with; the caller owns it.</param>
/// <param name="time">Clock for run times and for the date an undated price takes effect.</param>
public sealed class CatalogStore(ModelwatchDbContext db, TimeProvider time)
{
    /// <summary>Stores <paramref name="batch"/>; on any failure nothing of it is kept and a failed run is recorded instead.</summary>
    /// <param name="batch">An importer's output.</param>
    /// <param name="matcher">Finds the canonical model of an id that has no alias yet.</param>
    /// <param name="progress">Records done per stage.</param>
    /// <param name="ct">Cancels the import (nothing is kept).</param>
    public async Task<ImportSummary> ApplyAsync(CatalogBatch batch, IModelMatcher matcher, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(matcher);
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            return await ApplyInTransactionAsync(batch, matcher, progress, ct).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
            await RecordFailureAsync(batch.Source, batch.Location, $"the import was rolled back: {error.Message}", ct).ConfigureAwait(false);
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Records that <paramref name="source"/> could not be read: a failed run and status, nothing else changes.</summary>
    /// <param name="source">One of <see cref="CatalogSources"/>.</param>
    /// <param name="location">The path or URL that failed.</param>
    /// <param name="error">Why, as the user should see it.</param>
    /// <param name="ct">Cancels the write.</param>
    public async Task<ImportRun> RecordFailureAsync(string source, string location, string error, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(error);
        var now = time.GetUtcNow();
        var run = new ImportRun { Source = source, Location = Clip(location), StartedAt = now, FinishedAt = now, Outcome = ImportOutcome.Failed, Error = error };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await UpdateStatusAsync(run, ct).ConfigureAwait(false);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return run;
    }

    private async Task<ImportSummary> ApplyInTransactionAsync(CatalogBatch batch, IModelMatcher matcher, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var run = new ImportRun { Source = batch.Source, Location = Clip(batch.Location), SourceVersion = batch.SourceVersion, StartedAt = now, Outcome = ImportOutcome.Running };
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);

            var context = new ImportContext(db, run, now, progress);
            var linker = await ModelLinker.LoadAsync(context, matcher, ct).ConfigureAwait(false);
            linker.LinkAll(batch);
            var models = await ModelStep.RunAsync(context, linker, batch.Models, ct).ConfigureAwait(false);
            var offerings = await WriteOfferingsAsync(context, linker, batch.Offerings, ct).ConfigureAwait(false);
            var scores = await WriteScoresAsync(context, linker, batch, ct).ConfigureAwait(false);

            context.Track(run);
            var problems = batch.Problems.Concat(context.Problems).ToList();
            foreach (var problem in problems)
            {
                db.ImportProblems.Add(new ImportProblemRow { ImportRunId = run.Id, Location = Clip(problem.Location), Message = problem.Message });
            }

            var summary = new ImportSummary(batch.Source, run.Id, problems.Count == 0 ? ImportOutcome.Succeeded : ImportOutcome.SucceededWithProblems)
            {
                Models = models.Models,
                Facts = models.Facts,
                Aliases = linker.Aliases.ToCounts(),
                Variants = linker.Variants.ToCounts(),
                Offerings = offerings.Offerings.ToCounts(),
                Prices = offerings.Prices.ToCounts(),
                BenchmarkScores = scores.Scores.ToCounts(),
                LeaderboardEntries = scores.Ratings.ToCounts(),
                Problems = problems,
                Unmatched = linker.Unmatched,
                Pending = linker.Pending,
            };
            run.Outcome = summary.Outcome;
            run.FinishedAt = time.GetUtcNow();
            run.Added = summary.TotalAdded;
            run.Changed = summary.TotalChanged;
            run.Unchanged = summary.TotalUnchanged;
            run.ProblemCount = problems.Count;
            await UpdateStatusAsync(run, ct).ConfigureAwait(false);
            await context.SaveAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return summary;
        }
    }

    private static async Task<OfferingWriter> WriteOfferingsAsync(ImportContext context, ModelLinker linker, IReadOnlyList<SourceOffering> offerings, CancellationToken ct)
    {
        var writer = await OfferingWriter.LoadAsync(context, ct).ConfigureAwait(false);
        for (var i = 0; i < offerings.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var o = offerings[i];
            var link = linker.Link(o.ModelRef, o.CanonicalId, o.Variant, ModelLinker.HintsFor(o), describesModel: false);
            writer.Write(o, link, i);
            context.Report("offerings", i + 1, offerings.Count);
        }

        await context.SaveAsync(ct).ConfigureAwait(false);
        return writer;
    }

    private static async Task<ScoreWriter> WriteScoresAsync(ImportContext context, ModelLinker linker, CatalogBatch batch, CancellationToken ct)
    {
        var writer = await ScoreWriter.LoadAsync(context, ct).ConfigureAwait(false);
        for (var i = 0; i < batch.BenchmarkScores.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var s = batch.BenchmarkScores[i];
            writer.Write(s, linker.Link(s.ModelRef, s.CanonicalId, null, MatchHints.None, describesModel: false), i);
            context.Report("benchmark scores", i + 1, batch.BenchmarkScores.Count);
        }

        for (var i = 0; i < batch.LeaderboardEntries.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var e = batch.LeaderboardEntries[i];
            writer.Write(e, linker.Link(e.ModelRef, null, null, MatchHints.None, describesModel: false), i);
            context.Report("leaderboard entries", i + 1, batch.LeaderboardEntries.Count);
        }

        await context.SaveAsync(ct).ConfigureAwait(false);
        return writer;
    }

    private async Task UpdateStatusAsync(ImportRun run, CancellationToken ct)
    {
        var status = await db.SourceStatuses.FirstOrDefaultAsync(s => s.Source == run.Source, ct).ConfigureAwait(false);
        if (status is null)
        {
            status = new SourceStatusRow { Source = run.Source };
            db.SourceStatuses.Add(status);
        }

        status.LastAttemptAt = run.StartedAt;
        status.LastOutcome = run.Outcome;
        status.LastLocation = run.Location;
        status.LastRunId = run.Id;
        status.LastError = run.Error;
        if (run.Outcome is not ImportOutcome.Failed)
        {
            status.LastSuccessAt = run.FinishedAt;
        }
    }

    private static string Clip(string text) => text.Length <= 2048 ? text : text[..2048];
}
