using System.Text.Json;

namespace Modelwatch.Import.Votes;

/// <summary>
/// Streams a JSON array of vote objects (FastChat's <c>clean_battle_*.json</c>) with <see cref="Utf8JsonReader"/>
/// over a refilled buffer, never holding more than the current buffer: each element is skipped over to find its
/// end (<see cref="Utf8JsonReader.TrySkip"/>), then parsed on its own. An element cut by the buffer end is retried
/// from a copy of the reader taken before it, after the buffer was refilled (and grown if one element is bigger).
/// </summary>
internal sealed class JsonArrayVoteReader(ReadContext ctx, Stream input, byte[] head, int headLength)
{
    private const int MinimumBufferSize = 1 << 20;

    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private bool _eof;

    // Physical line of _buffer[_lineIndex]; moves forward as elements are found.
    private int _lineIndex;
    private long _line = 1;
    private long _bufferOffset;

    private enum Phase
    {
        BeforeArray,
        InArray,
        AfterArray,
    }

    public void Read()
    {
        ctx.FieldWord = "field";
        var objects = new JsonVoteObjectReader(ctx);
        _buffer = head.Length >= MinimumBufferSize ? head : new byte[MinimumBufferSize];
        head.AsSpan(0, headLength).CopyTo(_buffer);
        _end = headLength;
        if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
        {
            _start = _lineIndex = 3;
        }

        var state = default(JsonReaderState);
        var phase = Phase.BeforeArray;
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, state);
            try
            {
                phase = ReadElements(ref reader, phase, objects);
            }
            catch (JsonException e)
            {
                // The reader state carries its line count across buffers, so the exception's line is absolute.
                var line = e.LineNumber is { } zeroBased ? zeroBased + 1 : _line;
                var where = _eof && EndsEarly(_buffer.AsSpan(_start, _end - _start), state)
                    ? "the file ends inside the array (truncated?)"
                    : JsonErrors.Describe(e);
                throw ctx.Error(line, null, $"malformed JSON: {where}; expected an array of vote objects [{{\"model_a\": …}}, …].", inner: e);
            }

            _start += (int)reader.BytesConsumed;
            state = reader.CurrentState;
            if (_eof)
            {
                break;
            }

            ctx.Progress();
            Refill();
        }

        if (phase != Phase.AfterArray)
        {
            throw ctx.Error(_line, null, "malformed JSON: the file ends inside the array (truncated?); expected the closing ']'.");
        }
    }

    /// <summary>
    /// Whether JSON that failed as a final block is merely cut short: read again as if more data could follow,
    /// it raises no error and just runs out.
    /// </summary>
    private static bool EndsEarly(ReadOnlySpan<byte> data, JsonReaderState state)
    {
        var probe = new Utf8JsonReader(data, isFinalBlock: false, state);
        try
        {
            while (probe.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads elements until the buffer runs out; the reader is left after the last whole element.</summary>
    private Phase ReadElements(ref Utf8JsonReader reader, Phase phase, JsonVoteObjectReader objects)
    {
        while (true)
        {
            var checkpoint = reader;
            if (!reader.Read())
            {
                reader = checkpoint;
                return phase;
            }

            switch (phase)
            {
                case Phase.BeforeArray:
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw new JsonException($"the file starts with a JSON {reader.TokenType}, not an array");
                    }

                    phase = Phase.InArray;
                    break;
                case Phase.InArray when reader.TokenType == JsonTokenType.EndArray:
                    phase = Phase.AfterArray;
                    break;
                case Phase.InArray:
                    var elementStart = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        reader = checkpoint;
                        return phase;
                    }

                    var element = _buffer.AsSpan(_start + elementStart, (int)reader.BytesConsumed - elementStart);
                    objects.Read(element, LineAt(_start + elementStart), _bufferOffset + _start + elementStart);
                    break;
                default:
                    throw new JsonException("more JSON follows the closing ']'");
            }
        }
    }

    private long LineAt(int index)
    {
        _line += _buffer.AsSpan(_lineIndex, index - _lineIndex).Count((byte)'\n');
        _lineIndex = index;
        return _line;
    }

    private void Refill()
    {
        // Keep the counted line position valid across the move.
        LineAt(_start);
        _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
        _bufferOffset += _start;
        _end -= _start;
        _lineIndex = 0;
        _start = 0;
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, checked(_buffer.Length * 2));
        }

        var wanted = _buffer.Length - _end;
        var got = input.ReadAtLeast(_buffer.AsSpan(_end), wanted, throwOnEndOfStream: false);
        _end += got;
        _eof = got < wanted;
    }
}
