using System.Runtime.CompilerServices;
using System.Text;
using Modelwatch.Core.Votes;
using static System.FormattableString;

namespace Modelwatch.Import.Votes;

/// <summary>
/// Streams a CSV vote file (RFC 4180 quoting, header row) straight from UTF-8 bytes in big buffered reads. This is
/// the hot path: a record without quotes is split with vectorised searches, names are interned by their bytes
/// (<see cref="Utf8NameCache"/>), and a row allocates nothing. Quoted records take a slower path that unescapes
/// into a scratch buffer and may span lines. UTF-8 is checked a buffer at a time ahead of the parser, and a bad
/// byte is charged to the record that holds it, so <see cref="VoteReadOptions.SkipInvalid"/> can skip just that row.
/// Line numbers are physical (a quoted newline counts); a vote's <see cref="VoteRow.SourceLine"/> is where its record starts.
/// </summary>
internal sealed class CsvVoteReader
{
    private const int MinimumBufferSize = 1 << 20;
    private const int ShortValueChars = 128;
    private static readonly byte[] Blanks = " \t\r"u8.ToArray();

    private readonly ReadContext _ctx;
    private readonly Stream _input;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private long _line = 1;
    private long _bufferOffset;
    private int _validEnd;
    private int _invalidAt = -1;

    private int[] _fieldStart = new int[64];
    private int[] _fieldEnd = new int[64];
    private int _fieldCount;
    private byte[] _scratch = new byte[4096];
    private bool _fieldsInScratch;
    private bool _badQuote;

    private string[] _columns = [];
    private ColumnRole[] _roles = [];
    private int[] _tagSlot = [];
    private readonly int[] _style = new int[8];

    public CsvVoteReader(ReadContext ctx, Stream input, byte[] head, int headLength)
    {
        _ctx = ctx;
        _input = input;
        _buffer = head.Length >= MinimumBufferSize ? head : new byte[MinimumBufferSize];
        head.AsSpan(0, headLength).CopyTo(_buffer);
        _end = headLength;
        if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
        {
            _start = 3;
            _validEnd = 3;
        }
    }

    private enum Split
    {
        Complete,
        NeedMore,
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Read()
    {
        _ctx.FieldWord = "column";
        var headerDone = false;
        while (true)
        {
            while (_start < _end)
            {
                if (SplitRecord(out var recordEnd, out var newlines) == Split.NeedMore)
                {
                    break;
                }

                var recordStart = _start;
                var recordLine = _line;
                _start = recordEnd;
                _line += 1 + newlines;
                if (!headerDone)
                {
                    headerDone = ReadHeader(recordStart, recordEnd, recordLine);
                }
                else
                {
                    ReadVote(recordStart, recordEnd, recordLine);
                }
            }

            if (_eof)
            {
                break;
            }

            _ctx.Progress();
            Refill();
        }

        if (!headerDone)
        {
            throw _ctx.FileError("the file is empty: it has no header row (only blank lines).");
        }

        if (_ctx.RowsRead == 0)
        {
            _ctx.Notes.Add("The file has a header but no votes.");
        }
    }

    private void Refill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _bufferOffset += _start;
            _end -= _start;
            _validEnd -= _start;
            if (_invalidAt >= 0)
            {
                _invalidAt -= _start;
            }

            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // One record longer than the buffer: grow rather than fail.
            Array.Resize(ref _buffer, checked(_buffer.Length * 2));
        }

        var wanted = _buffer.Length - _end;
        var got = _input.ReadAtLeast(_buffer.AsSpan(_end), wanted, throwOnEndOfStream: false);
        _end += got;
        _eof = got < wanted;
    }

    /// <summary>Finds the record at <see cref="_start"/> and its fields; NeedMore when it may continue past the buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Split SplitRecord(out int recordEnd, out int newlines)
    {
        var data = _buffer.AsSpan(_start, _end - _start);

        // One scan finds the end of a plain line or the first quote, which sends the record down the slow path.
        var nl = data.IndexOfAny((byte)'\n', (byte)'"');
        if (nl >= 0 && data[nl] == (byte)'"')
        {
            return SplitQuoted(out recordEnd, out newlines);
        }

        ReadOnlySpan<byte> line;
        if (nl < 0)
        {
            if (!_eof)
            {
                recordEnd = 0;
                newlines = 0;
                return Split.NeedMore;
            }

            line = data;
            recordEnd = _end;
        }
        else
        {
            line = data[..nl];
            recordEnd = _start + nl + 1;
        }

        newlines = 0;
        _fieldsInScratch = false;
        _badQuote = false;
        var count = 0;
        var pos = 0;
        while (true)
        {
            var comma = line[pos..].IndexOf((byte)',');
            var fieldEnd = comma < 0 ? line.Length : pos + comma;
            StoreField(count++, _start + pos, _start + fieldEnd);
            if (comma < 0)
            {
                break;
            }

            pos = fieldEnd + 1;
        }

        _fieldCount = count;
        return Split.Complete;
    }

    /// <summary>RFC 4180 record with quotes: fields are unescaped into the scratch buffer; quoted newlines are counted.</summary>
    private Split SplitQuoted(out int recordEnd, out int newlines)
    {
        var data = _buffer.AsSpan(_start, _end - _start);
        var i = 0;
        var count = 0;
        var length = 0;
        newlines = 0;
        recordEnd = 0;
        _badQuote = false;
        while (true)
        {
            var fieldStart = length;
            int stop;
            if (i < data.Length && data[i] == (byte)'"')
            {
                i++;
                while (true)
                {
                    var quote = data[i..].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        if (!_eof)
                        {
                            return Split.NeedMore;
                        }

                        throw _ctx.Error(_line, null, "a quoted field starts on this line and never ends: the file ends inside quotes (unbalanced \" or a truncated file).");
                    }

                    var chunk = data.Slice(i, quote);
                    newlines += chunk.Count((byte)'\n');
                    AppendScratch(ref length, chunk);
                    i += quote + 1;
                    if (i == data.Length && !_eof)
                    {
                        return Split.NeedMore; // the next byte decides whether this quote is an escaped "".
                    }

                    if (i < data.Length && data[i] == (byte)'"')
                    {
                        AppendScratch(ref length, "\""u8);
                        i++;
                        continue;
                    }

                    break;
                }

                stop = data[i..].IndexOfAny((byte)',', (byte)'\n');
                if (stop < 0)
                {
                    if (!_eof)
                    {
                        return Split.NeedMore;
                    }

                    stop = data.Length - i;
                }

                if (!data.Slice(i, stop).Trim(Blanks).IsEmpty)
                {
                    _badQuote = true;
                }
            }
            else
            {
                stop = data[i..].IndexOfAny((byte)',', (byte)'\n');
                if (stop < 0)
                {
                    if (!_eof)
                    {
                        return Split.NeedMore;
                    }

                    stop = data.Length - i;
                }

                AppendScratch(ref length, data.Slice(i, stop));
            }

            i += stop;
            StoreField(count++, fieldStart, length);
            if (i >= data.Length)
            {
                recordEnd = _end;
                break;
            }

            if (data[i] == (byte)',')
            {
                i++;
                continue;
            }

            recordEnd = _start + i + 1;
            break;
        }

        _fieldCount = count;
        _fieldsInScratch = true;
        return Split.Complete;
    }

    private void AppendScratch(ref int length, ReadOnlySpan<byte> bytes)
    {
        if (length + bytes.Length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, length + bytes.Length));
        }

        bytes.CopyTo(_scratch.AsSpan(length));
        length += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void StoreField(int index, int start, int end)
    {
        if (index == _fieldStart.Length)
        {
            Array.Resize(ref _fieldStart, index * 2);
            Array.Resize(ref _fieldEnd, index * 2);
        }

        _fieldStart[index] = start;
        _fieldEnd[index] = end;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> Field(int index)
    {
        var source = _fieldsInScratch ? _scratch : _buffer;
        var value = source.AsSpan(_fieldStart[index], _fieldEnd[index] - _fieldStart[index]);
        if (value.Length > 0 && (value[0] <= (byte)' ' || value[^1] <= (byte)' '))
        {
            value = value.Trim(Blanks);
        }

        return value;
    }

    private bool IsBlankRecord() => _fieldCount == 1 && Field(0).IsEmpty;

    /// <summary>Reads the header; false for a blank line before it.</summary>
    private bool ReadHeader(int recordStart, int recordEnd, long recordLine)
    {
        if (CheckUtf8(recordStart, recordEnd, recordLine) is { } bad)
        {
            throw _ctx.Error(bad.Line, null, bad.Message, bad.Offset);
        }

        if (IsBlankRecord())
        {
            return false;
        }

        var n = _fieldCount;
        _columns = new string[n];
        _roles = new ColumnRole[n];
        _tagSlot = new int[n];
        for (var f = 0; f < n; f++)
        {
            _columns[f] = Encoding.UTF8.GetString(Field(f));
            _roles[f] = ColumnNames.Classify(_columns[f]);
        }

        var hasModelA = _roles.Any(r => r is ColumnRole.ModelA or ColumnRole.ModelB);
        var seen = new HashSet<ColumnRole>();
        var seenNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var f = 0; f < n; f++)
        {
            var role = ColumnNames.ResolveModelColumn(_roles[f], hasModelA);
            if (role is ColumnRole.CategoryTagObject or ColumnRole.ConvMetadataObject or ColumnRole.DedupTagObject)
            {
                _ctx.Notes.Add($"Column '{_columns[f]}' is ignored: in a CSV it cannot hold FastChat's nested object.");
                role = ColumnRole.Ignore;
            }

            if (!seenNames.Add(_columns[f]) || (role is not (ColumnRole.Ignore or ColumnRole.TagCandidate) && !seen.Add(role)))
            {
                _ctx.Notes.Add($"Column '{_columns[f]}' (column {f + 1}) repeats an earlier column and is ignored.");
                role = ColumnRole.Ignore;
            }

            _roles[f] = role;
            _tagSlot[f] = role == ColumnRole.TagCandidate ? _ctx.Tags.Register(_columns[f]) : -1;
        }

        foreach (var (role, name) in new[] { (ColumnRole.ModelA, "model_a"), (ColumnRole.ModelB, "model_b"), (ColumnRole.Winner, "winner") })
        {
            if (!_roles.Contains(role))
            {
                var alternative = role switch
                {
                    ColumnRole.ModelA => " (or 'left')",
                    ColumnRole.ModelB => " (or 'right')",
                    _ => string.Empty,
                };
                throw _ctx.Error(
                    recordLine,
                    name,
                    $"missing required column '{name}'{alternative}; the header has {n} column{(n == 1 ? string.Empty : "s")}: {string.Join(", ", _columns.Select(c => $"'{c}'"))}; expected {ColumnNames.RequiredColumnsText}.");
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadVote(int recordStart, int recordEnd, long recordLine)
    {
        if (CheckUtf8(recordStart, recordEnd, recordLine) is { } bad)
        {
            _ctx.RowsRead++;
            _validEnd = recordEnd;
            _invalidAt = -1;
            _ctx.Reject(bad.Line, SkipReasons.InvalidUtf8, null, bad.Message, bad.Offset);
            return;
        }

        if (IsBlankRecord())
        {
            return;
        }

        _ctx.RowsRead++;
        if (_badQuote)
        {
            _ctx.Reject(recordLine, SkipReasons.BadQuoting, null, "a quoted field is followed by more text before the next comma; expected the closing quote to end the field (write \"\" for a quote inside a field).");
            return;
        }

        var n = _columns.Length;
        if (_fieldCount != n)
        {
            _ctx.Reject(recordLine, SkipReasons.WrongFieldCount, null, Invariant($"the record has {_fieldCount} field{(_fieldCount == 1 ? string.Empty : "s")}; expected {n} like the header ({string.Join(", ", _columns)})."));
            return;
        }

        var row = new VoteRow { SourceLine = recordLine };
        int modelA = -1, modelB = -1, judge = -1, language = -1;
        var hasStyle = false;
        for (var f = 0; f < n; f++)
        {
            var role = _roles[f];
            if (role == ColumnRole.Ignore)
            {
                continue;
            }

            var value = Field(f);
            switch (role)
            {
                case ColumnRole.ModelA:
                case ColumnRole.ModelB:
                    if (value.IsEmpty)
                    {
                        _ctx.Reject(recordLine, SkipReasons.MissingModel, _columns[f], $"column '{_columns[f]}' is empty; expected a model name.");
                        return;
                    }

                    if (role == ColumnRole.ModelA)
                    {
                        modelA = f;
                    }
                    else
                    {
                        modelB = f;
                    }

                    break;
                case ColumnRole.Winner:
                    if (!_ctx.Winners.TryParse(value, out row.Winner))
                    {
                        RejectWinner(recordLine, f, value);
                        return;
                    }

                    break;
                case ColumnRole.Judge:
                    judge = value.IsEmpty ? -1 : f;
                    break;
                case ColumnRole.Language:
                    language = value.IsEmpty ? -1 : f;
                    break;
                case ColumnRole.TagCandidate:
                    ReadTag(f, value, recordLine, ref row.Tags);
                    break;
                default:
                    if (!ReadOptional(ref row, role, f, value, recordLine, ref hasStyle))
                    {
                        return;
                    }

                    break;
            }
        }

        // Names are interned only once the whole row is known to be good, so a skipped row adds no phantom model.
        row.ModelA = _ctx.ModelNames.GetOrAdd(Field(modelA));
        row.ModelB = _ctx.ModelNames.GetOrAdd(Field(modelB));
        if (judge >= 0)
        {
            row.Judge = _ctx.JudgeNames.GetOrAdd(Field(judge));
        }

        if (language >= 0)
        {
            row.Language = _ctx.LanguageNames.GetOrAdd(Field(language));
        }

        if (hasStyle)
        {
            row.Style = OptionalFields.ToStyleCounts(_style);
        }

        _ctx.Builder.Add(row);
    }

    private void RejectWinner(long recordLine, int f, ReadOnlySpan<byte> value)
    {
        var reason = value.IsEmpty ? SkipReasons.MissingWinner : SkipReasons.UnknownWinner;
        _ctx.Reject(recordLine, reason, _columns[f], $"column '{_columns[f]}' is {FieldValues.Describe(value)}; expected one of {string.Join(", ", WinnerSpelling.Accepted)}.");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadTag(int f, ReadOnlySpan<byte> value, long recordLine, ref ulong tags)
    {
        var slot = _tagSlot[f];
        if (_ctx.Tags.IsDropped(slot))
        {
            return;
        }

        if (!FieldValues.TryParseFlag(value, out var flag))
        {
            _ctx.Tags.Drop(slot, _ctx.OnPlace(recordLine), FieldValues.Describe(value), ref tags);
        }
        else if (flag == true)
        {
            tags |= _ctx.Tags.Mask(slot);
        }
    }

    /// <summary>Parses a metadata column into the row; false when the row was rejected.</summary>
    private bool ReadOptional(ref VoteRow row, ColumnRole role, int f, ReadOnlySpan<byte> value, long recordLine, ref bool hasStyle)
    {
        if (value.IsEmpty)
        {
            return true;
        }

        Span<char> buffer = stackalloc char[ShortValueChars];
        ReadOnlySpan<char> text = value.Length <= ShortValueChars ? buffer[..Encoding.UTF8.GetChars(value, buffer)] : Encoding.UTF8.GetString(value);
        return OptionalFields.Apply(_ctx, ref row, role, _columns[f], text, recordLine, _style, ref hasStyle);
    }

    /// <summary>Null when the record is valid UTF-8; otherwise where its first bad byte is and what to say about it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Utf8Problem? CheckUtf8(int recordStart, int recordEnd, long recordLine)
    {
        if (_invalidAt < 0 && recordEnd > _validEnd)
        {
            // Check ahead up to the last complete line in the buffer: one vectorised pass per buffer, not per row.
            var chunkEnd = _end;
            if (!_eof)
            {
                var lastNewline = _buffer.AsSpan(_validEnd, _end - _validEnd).LastIndexOf((byte)'\n');
                chunkEnd = Math.Max(recordEnd, _validEnd + lastNewline + 1);
            }

            var bad = Utf8Text.FindInvalid(_buffer.AsSpan(_validEnd, chunkEnd - _validEnd));
            if (bad < 0)
            {
                _validEnd = chunkEnd;
            }
            else
            {
                _invalidAt = _validEnd + bad;
                _validEnd = _invalidAt;
            }
        }

        if (_invalidAt < 0 || _invalidAt >= recordEnd)
        {
            return null;
        }

        var before = _buffer.AsSpan(recordStart, _invalidAt - recordStart);
        var line = recordLine + before.Count((byte)'\n');
        var column = before.Length - before.LastIndexOf((byte)'\n');
        return Utf8Problem.At(_buffer[_invalidAt], _bufferOffset + _invalidAt, line, column);
    }
}
