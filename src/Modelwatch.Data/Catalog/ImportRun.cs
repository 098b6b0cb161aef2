namespace Modelwatch.Data.Catalog;

/// <summary>How an import ended.</summary>
public enum ImportOutcome
{
    /// <summary>Still running (or the process died: a run left in this state after start-up is a crash).</summary>
    Running,

    /// <summary>Every record stored.</summary>
    Succeeded,

    /// <summary>Stored, with some records reported as problems and skipped.</summary>
    SucceededWithProblems,

    /// <summary>Nothing stored: the source could not be read or the whole batch was refused.</summary>
    Failed,
}

/// <summary>One import of one source: what it read, when, and what it changed. Facts point back to the run that stated them.</summary>
public sealed class ImportRun
{
    public long Id { get; set; }

    public required string Source { get; set; }

    /// <summary>The path or URL read (URLs without query strings).</summary>
    public required string Location { get; set; }

    public string? SourceVersion { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public ImportOutcome Outcome { get; set; }

    public int Added { get; set; }

    public int Changed { get; set; }

    public int Unchanged { get; set; }

    public int ProblemCount { get; set; }

    /// <summary>Why a failed run failed.</summary>
    public string? Error { get; set; }

    public List<ImportProblemRow> Problems { get; } = [];
}

/// <summary>A record an import skipped, with where it is and what was wrong.</summary>
public sealed class ImportProblemRow
{
    public long Id { get; set; }

    public long ImportRunId { get; set; }

    public required string Location { get; set; }

    public required string Message { get; set; }
}

/// <summary>A source's health as the status page shows it: last attempt, last success, last error.</summary>
public sealed class SourceStatusRow
{
    /// <summary>One of <c>CatalogSources</c> (or a feed's id later).</summary>
    public required string Source { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }

    public ImportOutcome LastOutcome { get; set; }

    public string? LastError { get; set; }

    public string? LastLocation { get; set; }

    public long? LastRunId { get; set; }
}
