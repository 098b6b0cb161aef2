using Modelwatch.Core.Votes;

namespace Modelwatch.Import.Votes;

/// <summary>What <see cref="VoteFileReader"/> found in a file: the votes and an account of everything left out.</summary>
public sealed class VoteReadResult
{
    internal VoteReadResult(
        VoteTable votes,
        VoteFileFormat format,
        bool gzipped,
        long rowsRead,
        IReadOnlyDictionary<string, long> skippedByReason,
        IReadOnlyList<string> notes)
    {
        Votes = votes;
        Format = format;
        Gzipped = gzipped;
        RowsRead = rowsRead;
        SkippedByReason = skippedByReason;
        Notes = notes;
        RowsSkipped = skippedByReason.Values.Sum();
    }

    /// <summary>Every vote read, in file order, self-votes included (cleaning decides what a fit sees).</summary>
    public VoteTable Votes { get; }

    public VoteFileFormat Format { get; }

    /// <summary>Whether the content was gzip-compressed.</summary>
    public bool Gzipped { get; }

    /// <summary>Data rows (CSV records, JSON objects, Parquet rows) seen, skipped ones included; headers and blank lines excluded.</summary>
    public long RowsRead { get; }

    /// <summary>Rows left out with <see cref="VoteReadOptions.SkipInvalid"/>; <c>RowsRead − RowsSkipped</c> votes were kept.</summary>
    public long RowsSkipped { get; }

    /// <summary>Skipped rows per reason; the keys are the stable strings in <see cref="SkipReasons"/>.</summary>
    public IReadOnlyDictionary<string, long> SkippedByReason { get; }

    /// <summary>Things worth knowing that are not errors, e.g. a column that looked like a tag until it held a 4.</summary>
    public IReadOnlyList<string> Notes { get; }
}
