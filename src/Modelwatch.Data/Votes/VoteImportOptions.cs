using Modelwatch.Import.Votes;

namespace Modelwatch.Data.Votes;

/// <summary>How <see cref="VoteStore.ImportAsync(string, string?, VoteImportOptions?, IProgress{VoteImportProgress}?, CancellationToken)"/> treats a file.</summary>
public sealed record VoteImportOptions
{
    /// <summary>Skip rows that cannot become a vote and count them, instead of refusing the file (<see cref="VoteReadOptions.SkipInvalid"/>).</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Forces a layout instead of detecting it from the content.</summary>
    public VoteFileFormat? Format { get; init; }

    /// <summary>
    /// When a dataset of the same name holds other content, replace it (in the same transaction: until the new votes
    /// are committed the old ones stay). Without this the import is refused.
    /// </summary>
    public bool Replace { get; init; }
}

/// <summary>The stages of an import, in order.</summary>
public enum VoteImportPhase
{
    /// <summary>Computing the file's SHA-256 (a seekable input is hashed first, so a file already stored is not parsed).</summary>
    Hashing,

    /// <summary>Parsing the file into votes.</summary>
    Reading,

    /// <summary>Inserting the votes.</summary>
    Writing,

    /// <summary>Counting and storing wins per model pair and category.</summary>
    Aggregating,
}

/// <summary>
/// How far an import has got: bytes of the input (as stored) while hashing and reading, rows while writing.
/// <paramref name="TotalBytes"/> is known for a seekable input, <paramref name="TotalRows"/> once the file is read.
/// </summary>
public readonly record struct VoteImportProgress(VoteImportPhase Phase, long BytesRead, long? TotalBytes, long RowsWritten, long TotalRows);
