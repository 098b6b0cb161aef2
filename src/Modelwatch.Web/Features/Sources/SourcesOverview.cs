using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;
using Modelwatch.Data;
using Modelwatch.Data.Catalog;
using Modelwatch.Data.Votes;

namespace Modelwatch.Web.Features.Sources;

/// <summary>Every catalog source with its status and last import run, and every vote dataset: what the sources page and <c>GET /api/sources</c> show.</summary>
/// <param name="Sources">In <see cref="CatalogSources.All"/> order, each whether or not it was ever imported.</param>
/// <param name="Datasets">By name.</param>
public sealed record SourcesOverview(IReadOnlyList<SourceOverview> Sources, IReadOnlyList<DatasetOverview> Datasets)
{
    /// <summary>Problems listed per source; all are stored with the run.</summary>
    public const int ProblemsShown = 20;

    /// <summary>Reads the overview in one context.</summary>
    public static async Task<SourcesOverview> LoadAsync(ModelwatchDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var statuses = await db.SourceStatuses.AsNoTracking().ToListAsync(ct);
        var sources = new List<SourceOverview>();
        foreach (var name in CatalogSources.All)
        {
            var status = statuses.FirstOrDefault(s => s.Source == name);
            var run = status?.LastRunId is { } id
                ? await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
                : await db.ImportRuns.AsNoTracking().Where(r => r.Source == name).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
            var problems = run is null
                ? []
                : await db.ImportProblems.AsNoTracking().Where(p => p.ImportRunId == run.Id).OrderBy(p => p.Id).Take(ProblemsShown).Select(p => new SourceProblem(p.Location, p.Message)).ToListAsync(ct);
            sources.Add(new SourceOverview(
                name,
                status is null ? "never imported" : status.LastOutcome == ImportOutcome.Failed ? "failing" : "ok",
                status?.LastAttemptAt,
                status?.LastSuccessAt,
                status?.LastError,
                status?.LastLocation,
                run is null ? null : new RunOverview(run.Id, run.Location, run.StartedAt, run.FinishedAt, run.Outcome.ToString(), run.Added, run.Changed, run.Unchanged, run.ProblemCount, run.Error),
                problems));
        }

        var datasets = await new VoteStore(db, time).ListAsync(ct);
        return new SourcesOverview(
            sources,
            [.. datasets.Select(d => new DatasetOverview(d.Name, d.SourceFileName, d.SourceFormat, d.ImportedAt, d.VoteCount, d.ModelCount, d.Categories))]);
    }
}

/// <summary>A catalog source's health and last run. Status: <c>ok</c>, <c>failing</c> (the last attempt failed; LastError says why) or <c>never imported</c>.</summary>
public sealed record SourceOverview(string Source, string Status, DateTimeOffset? LastAttemptAt, DateTimeOffset? LastSuccessAt, string? LastError, string? LastLocation, RunOverview? LastRun, IReadOnlyList<SourceProblem> Problems);

/// <summary>An import run's totals (all kinds together, as the run stores them).</summary>
public sealed record RunOverview(long Id, string Location, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Outcome, int Added, int Changed, int Unchanged, int Problems, string? Error);

/// <summary>A record an import skipped: where (file, line or JSON path) and why.</summary>
public sealed record SourceProblem(string Location, string Message);

/// <summary>A stored vote dataset.</summary>
public sealed record DatasetOverview(string Name, string File, string Format, DateTimeOffset ImportedAt, int Votes, int Models, IReadOnlyList<string> Categories);
