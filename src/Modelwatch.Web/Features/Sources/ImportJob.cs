using System.Text.Json;
using System.Text.Json.Serialization;

namespace Modelwatch.Web.Features.Sources;

/// <summary>Where an import job is: waiting for the one before it, running, or done one way or the other.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ImportJobState>))]
public enum ImportJobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>What an import job imports.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ImportJobKind>))]
public enum ImportJobKind
{
    Votes,
    Catalog,
}

/// <summary>
/// One import requested from the browser or the API, run later by <see cref="ImportJobRunner"/>. Imports take from
/// seconds to minutes, longer than a request should wait, so the request only queues the job and the job's page
/// (and <c>GET /api/imports/{id}</c>) shows its progress. Written by the runner's thread, read by requests: every
/// change and every <see cref="Snapshot"/> takes the lock.
/// </summary>
public sealed class ImportJob
{
    private readonly Lock _lock = new();
    private ImportJobState _state = ImportJobState.Queued;
    private string _stage = "waiting";
    private long _done;
    private long? _total;
    private string? _message;
    private ImportJobSummary? _summary;
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _finishedAt;

    internal ImportJob(string id, ImportJobKind kind, string title, string? source, DateTimeOffset queuedAt, Func<ImportJobContext, Task<ImportJobSummary>> work, string? temporaryDirectory)
    {
        Id = id;
        Kind = kind;
        Title = title;
        Source = source;
        QueuedAt = queuedAt;
        Work = work;
        TemporaryDirectory = temporaryDirectory;
    }

    public string Id { get; }

    public ImportJobKind Kind { get; }

    /// <summary>The file name or URL imported.</summary>
    public string Title { get; }

    /// <summary>The catalog source (null for votes).</summary>
    public string? Source { get; }

    public DateTimeOffset QueuedAt { get; }

    internal Func<ImportJobContext, Task<ImportJobSummary>> Work { get; }

    /// <summary>Where the uploaded or downloaded file waits; deleted when the job ends.</summary>
    internal string? TemporaryDirectory { get; }

    /// <summary>The job's state as one consistent record.</summary>
    public ImportJobStatus Snapshot()
    {
        lock (_lock)
        {
            return new ImportJobStatus(Id, Kind, Title, Source, _state, _stage, _done, _total, _message, QueuedAt, _startedAt, _finishedAt, _summary);
        }
    }

    internal void Start(DateTimeOffset now)
    {
        lock (_lock)
        {
            _state = ImportJobState.Running;
            _stage = "starting";
            _startedAt = now;
        }
    }

    internal void Report(string stage, long done, long? total)
    {
        lock (_lock)
        {
            _stage = stage;
            _done = done;
            _total = total;
        }
    }

    internal void Succeed(ImportJobSummary summary, string message, DateTimeOffset now)
    {
        lock (_lock)
        {
            _state = ImportJobState.Succeeded;
            _stage = "done";
            _summary = summary;
            _message = message;
            _finishedAt = now;
        }
    }

    internal void Fail(string message, DateTimeOffset now)
    {
        lock (_lock)
        {
            _state = ImportJobState.Failed;
            _message = message;
            _finishedAt = now;
        }
    }
}

/// <summary>
/// A job as the API and the page show it. Stage: <c>waiting</c>, <c>downloading</c>, <c>hashing</c>, <c>reading</c>,
/// <c>writing</c>, a catalog stage (<c>models</c>, <c>offerings</c>, …) or <c>done</c>; Done and Total count bytes or
/// records of the stage (Total null when unknown); Message says the outcome, for a failed job what was wrong (file,
/// line, field) and what was expected.
/// </summary>
public sealed record ImportJobStatus(
    string Id,
    ImportJobKind Kind,
    string Title,
    string? Source,
    ImportJobState State,
    string Stage,
    long Done,
    long? Total,
    string? Message,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    ImportJobSummary? Summary)
{
    /// <summary>True once the job has succeeded or failed: pages stop refreshing.</summary>
    public bool Finished => State is ImportJobState.Succeeded or ImportJobState.Failed;
}

/// <summary>What a finished import stored: a vote dataset's figures or a catalog run's counts per kind.</summary>
public sealed record ImportJobSummary
{
    /// <summary>The vote dataset now holding the votes.</summary>
    public string? Dataset { get; init; }

    public int? Votes { get; init; }

    public int? Models { get; init; }

    /// <summary>The same bytes were imported before: nothing was read or written.</summary>
    public bool AlreadyStored { get; init; }

    /// <summary>The catalog import run stored.</summary>
    public long? RunId { get; init; }

    public string? Outcome { get; init; }

    public IReadOnlyList<ImportKindCounts> Kinds { get; init; } = [];

    public int Problems { get; init; }

    /// <summary>The first problems, each naming where (file, line or JSON path) and what was wrong.</summary>
    public IReadOnlyList<string> FirstProblems { get; init; } = [];

    public int Unmatched { get; init; }

    public int Pending { get; init; }
}

/// <summary>One kind's counts of a catalog import (<c>models</c>, <c>offerings</c>, …).</summary>
public sealed record ImportKindCounts(string Kind, int Added, int Changed, int Unchanged, int Removed);

/// <summary>What a job's work gets: its services (a scope of its own), the job to report progress on, and the app's stopping token.</summary>
public sealed record ImportJobContext(IServiceProvider Services, ImportJob Job, CancellationToken Cancel);

/// <summary>Enums in the API as the words people read (<c>queued</c>, <c>running</c>, …), not numbers.</summary>
public sealed class CamelCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase)
    where T : struct, Enum;
