using Modelwatch.Core.Votes;
using static System.FormattableString;

namespace Modelwatch.Import.Votes;

/// <summary>
/// What every format reader shares while it streams one file: the table being built, name interning, tag
/// discovery, the skip-or-fail policy for bad rows, notes, progress and cancellation.
/// </summary>
internal sealed class ReadContext
{
    private const long ProgressStepBytes = 1 << 20;

    private readonly IProgress<VoteReadProgress>? _progress;
    private readonly CountingStream _stored;
    private readonly long? _totalBytes;
    private readonly Dictionary<string, long> _skipped = new(StringComparer.Ordinal);
    private long _lastReportedBytes;

    public ReadContext(string sourceName, VoteReadOptions options, CountingStream stored, long? totalBytes, IProgress<VoteReadProgress>? progress, CancellationToken cancellationToken)
    {
        SourceName = sourceName;
        Options = options;
        _stored = stored;
        _totalBytes = totalBytes;
        _progress = progress;
        CancellationToken = cancellationToken;
        Tags = new TagColumns(Builder, Notes);
        ModelNames = new Utf8NameCache(Builder.Models);
        JudgeNames = new Utf8NameCache(Builder.Judges);
        LanguageNames = new Utf8NameCache(Builder.Languages);
    }

    public string SourceName { get; }

    public VoteReadOptions Options { get; }

    public CancellationToken CancellationToken { get; }

    public VoteTableBuilder Builder { get; } = new(1 << 16);

    public List<string> Notes { get; } = [];

    public TagColumns Tags { get; }

    public Utf8NameCache ModelNames { get; }

    public Utf8NameCache JudgeNames { get; }

    public Utf8NameCache LanguageNames { get; }

    public Utf8WinnerCache Winners { get; } = new();

    /// <summary>Data rows seen so far, skipped ones included.</summary>
    public long RowsRead { get; set; }

    /// <summary>True for Parquet, whose places are rows rather than lines.</summary>
    public bool PlacesAreRows { get; set; }

    /// <summary>What a message calls a field: "column" (CSV, Parquet) or "field" (JSON).</summary>
    public string FieldWord { get; set; } = "column";

    public IReadOnlyDictionary<string, long> SkippedByReason => _skipped;

    /// <summary>"battles.csv:17" for a line, "battles.parquet: row 17" for a row.</summary>
    public string Where(long place) => PlacesAreRows ? Invariant($"{SourceName}: row {place}") : Invariant($"{SourceName}:{place}");

    /// <summary>"on line 17" / "in row 17", for notes.</summary>
    public string OnPlace(long place) => PlacesAreRows ? Invariant($"in row {place}") : Invariant($"on line {place}");

    /// <summary>A row that cannot be a vote: counted under <paramref name="reason"/> when skipping, otherwise thrown.</summary>
    public void Reject(long place, string reason, string? field, string message, long? byteOffset = null)
    {
        if (Options.SkipInvalid)
        {
            _skipped[reason] = _skipped.GetValueOrDefault(reason) + 1;
            return;
        }

        throw Error(place, field, message, byteOffset);
    }

    /// <summary>An error at a place, for damage that no option skips.</summary>
    public VoteFileException Error(long place, string? field, string message, long? byteOffset = null, Exception? inner = null) =>
        new(
            SourceName,
            $"{Where(place)}: {message}",
            line: PlacesAreRows ? null : place,
            field: field,
            row: PlacesAreRows ? place : null,
            byteOffset: byteOffset,
            innerException: inner);

    /// <summary>An error about the whole file.</summary>
    public VoteFileException FileError(string message, Exception? inner = null) => new(SourceName, $"{SourceName}: {message}", innerException: inner);

    /// <summary>Called by readers after each buffer or row group; reports about once per mebibyte of stored input.</summary>
    public void Progress()
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (_progress is not null && _stored.BytesRead - _lastReportedBytes >= ProgressStepBytes)
        {
            _lastReportedBytes = _stored.BytesRead;
            _progress.Report(new VoteReadProgress(_stored.BytesRead, _totalBytes, RowsRead));
        }
    }

    public void FinalProgress() => _progress?.Report(new VoteReadProgress(_stored.BytesRead, _totalBytes, RowsRead));
}
