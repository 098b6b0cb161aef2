using System.Buffers;
using System.Text.Unicode;

namespace Modelwatch.Import.Votes;

/// <summary>Finding the first byte that breaks UTF-8, for messages that point at it.</summary>
internal static class Utf8Text
{
    /// <summary>Index of the first byte that does not start a valid UTF-8 sequence (an incomplete one at the end included), or -1.</summary>
    public static int FindInvalid(ReadOnlySpan<byte> utf8)
    {
        if (Utf8.IsValid(utf8))
        {
            return -1;
        }

        Span<char> scratch = stackalloc char[1024];
        var done = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(utf8[done..], scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            done += read;
            if (status != OperationStatus.DestinationTooSmall)
            {
                return status == OperationStatus.Done ? -1 : done;
            }
        }
    }
}
