using System.Diagnostics.CodeAnalysis;

namespace Modelwatch.Import.Votes;

/// <summary>
/// A vote file that cannot be read as asked. The message names the file, the place (line for text formats, row
/// for Parquet), the field, what was found and what was expected, e.g.
/// <c>battles.csv:17: column 'winner' is 'draw'; expected one of model_a, model_b, …</c>.
/// </summary>
public sealed class VoteFileException : Exception
{
    private string _source;

    public VoteFileException(string source, string message, long? line = null, string? field = null, long? row = null, long? byteOffset = null, Exception? innerException = null)
        : base(message, innerException)
    {
        _source = source;
        Line = line;
        Field = field;
        Row = row;
        ByteOffset = byteOffset;
    }

    public VoteFileException()
        : this("(unknown source)", "The vote file cannot be read.")
    {
    }

    public VoteFileException(string message)
        : this("(unknown source)", message)
    {
    }

    public VoteFileException(string message, Exception innerException)
        : this("(unknown source)", message, innerException: innerException)
    {
    }

    /// <summary>The file (name as the caller gave it) the error is in. Replaces <see cref="Exception.Source"/>'s assembly name.</summary>
    [AllowNull]
    public override string Source
    {
        get => _source;
        set => _source = value ?? _source;
    }

    /// <summary>1-based physical line in a text format; null for Parquet and for whole-file problems.</summary>
    public long? Line { get; }

    /// <summary>1-based row in a Parquet file; null for text formats.</summary>
    public long? Row { get; }

    /// <summary>The column or field at fault, when there is one.</summary>
    public string? Field { get; }

    /// <summary>Offset in the (decompressed) content of the bad byte, for encoding errors.</summary>
    public long? ByteOffset { get; }
}
