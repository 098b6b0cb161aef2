using System.Text.Json;

namespace Modelwatch.Import.Votes;

/// <summary>
/// Streams JSON Lines: one vote object per physical line, blank lines allowed. Lines are cut from big buffered
/// reads and parsed in place. Broken JSON fails with its line even when skipping invalid rows, since it means the
/// file is damaged rather than one vote being bad.
/// </summary>
internal sealed class JsonLinesVoteReader(ReadContext ctx, Stream input, byte[] head, int headLength)
{
    private const int MinimumBufferSize = 1 << 20;

    public void Read()
    {
        ctx.FieldWord = "field";
        var objects = new JsonVoteObjectReader(ctx);
        var buffer = head.Length >= MinimumBufferSize ? head : new byte[MinimumBufferSize];
        head.AsSpan(0, headLength).CopyTo(buffer);
        var end = headLength;
        var start = buffer.AsSpan(0, end).StartsWith("\uFEFF"u8) ? 3 : 0;
        var eof = false;
        long line = 1;
        long bufferOffset = 0;
        while (true)
        {
            while (start < end)
            {
                var nl = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (nl < 0 && !eof)
                {
                    break;
                }

                var lineEnd = nl < 0 ? end : start + nl;
                var raw = buffer.AsSpan(start, lineEnd - start);
                var text = raw.Trim(" \t\r"u8);
                var textOffset = bufferOffset + start + (raw.Length - raw.TrimStart(" \t\r"u8).Length);
                start = nl < 0 ? end : lineEnd + 1;
                if (!text.IsEmpty)
                {
                    try
                    {
                        objects.Read(text, line, textOffset);
                    }
                    catch (JsonException e)
                    {
                        throw ctx.Error(line, null, $"malformed JSON: {JsonErrors.Describe(e)}; expected one JSON object per line.", inner: e);
                    }
                }

                line++;
            }

            if (eof)
            {
                break;
            }

            ctx.Progress();
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            bufferOffset += start;
            end -= start;
            start = 0;
            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, checked(buffer.Length * 2));
            }

            var wanted = buffer.Length - end;
            var got = input.ReadAtLeast(buffer.AsSpan(end), wanted, throwOnEndOfStream: false);
            end += got;
            eof = got < wanted;
        }
    }
}
