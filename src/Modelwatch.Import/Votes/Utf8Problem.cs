using static System.FormattableString;

namespace Modelwatch.Import.Votes;

/// <summary>Where the first byte that is not UTF-8 sits, and the message that points at it.</summary>
internal sealed record Utf8Problem(long Line, long Offset, string Message)
{
    /// <param name="value">The offending byte.</param>
    /// <param name="offset">Its offset in the (decompressed) content.</param>
    /// <param name="line">Its 1-based physical line.</param>
    /// <param name="byteInLine">Its 1-based position within that line.</param>
    public static Utf8Problem At(byte value, long offset, long line, long byteInLine) => new(
        line,
        offset,
        Invariant($"byte 0x{value:X2} at byte offset {offset} (byte {byteInLine} of the line) is not valid UTF-8; expected UTF-8 text (was the file saved as Latin-1 or Windows-1252?)."));
}
