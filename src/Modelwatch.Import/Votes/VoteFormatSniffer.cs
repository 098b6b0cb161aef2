namespace Modelwatch.Import.Votes;

/// <summary>
/// Tells the layout of (decompressed) vote content from its first bytes, never from a file name: Parquet starts
/// with the magic <c>PAR1</c>; after a UTF-8 byte order mark and white space, <c>[</c> opens a JSON array and
/// <c>{</c> a JSON Lines file; anything else is taken for CSV.
/// </summary>
internal static class VoteFormatSniffer
{
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;

    /// <summary>The layout, or null when the bytes hold nothing but white space.</summary>
    public static VoteFileFormat? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PAR1"u8))
        {
            return VoteFileFormat.Parquet;
        }

        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        var first = head.TrimStart(" \t\r\n"u8);
        if (first.IsEmpty)
        {
            return null;
        }

        return first[0] switch
        {
            (byte)'[' => VoteFileFormat.JsonArray,
            (byte)'{' => VoteFileFormat.JsonLines,
            _ => VoteFileFormat.Csv,
        };
    }
}
