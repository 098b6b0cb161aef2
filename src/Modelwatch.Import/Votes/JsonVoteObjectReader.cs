using System.Text;
using System.Text.Json;
using Modelwatch.Core.Votes;

namespace Modelwatch.Import.Votes;

/// <summary>
/// Turns one complete JSON value (an element of a FastChat array or one JSON line) into a vote. Top-level fields
/// map by <see cref="ColumnNames"/>; FastChat's nested <c>category_tag</c>, <c>conv_metadata</c> and
/// <c>dedup_tag</c> objects become tags, style counts and the de-duplication flag; any other top-level field is
/// a tag while its values are booleans. Names are copied to a scratch buffer and interned only once the whole
/// object proved to be a good vote.
/// </summary>
internal sealed class JsonVoteObjectReader(ReadContext ctx)
{
    private const int NameCount = 6;
    private const int ModelASlot = 0;
    private const int ModelBSlot = 1;
    private const int LeftSlot = 2;
    private const int RightSlot = 3;
    private const int JudgeSlot = 4;
    private const int LanguageSlot = 5;

    private static readonly byte[] WhiteSpace = " \t\r\n"u8.ToArray();

    private readonly Utf8Cache<Binding> _bindings = new();
    private readonly Utf8Cache<int> _styleIndex = new();
    private readonly Utf8Cache<int> _categorySlots = new();
    private readonly int[] _style = new int[OptionalFields.StyleFieldCount];
    private readonly int[] _nameStart = new int[NameCount];
    private readonly int[] _nameLength = new int[NameCount];
    private byte[] _scratch = new byte[1024];
    private int _scratchLength;

    /// <summary>Reads one JSON value.</summary>
    /// <param name="json">The value's bytes, complete.</param>
    /// <param name="line">The physical line it starts on.</param>
    /// <param name="offset">Where it starts in the (decompressed) content, for encoding errors.</param>
    /// <exception cref="JsonException">The value is not well-formed JSON (the caller reports it with its place).</exception>
    public void Read(ReadOnlySpan<byte> json, long line, long offset)
    {
        ctx.RowsRead++;
        var bad = Utf8Text.FindInvalid(json);
        if (bad >= 0)
        {
            var before = json[..bad];
            var problem = Utf8Problem.At(json[bad], offset + bad, line + before.Count((byte)'\n'), before.Length - before.LastIndexOf((byte)'\n'));
            ctx.Reject(problem.Line, SkipReasons.InvalidUtf8, null, problem.Message, problem.Offset);
            return;
        }

        var reader = new Utf8JsonReader(json, isFinalBlock: true, state: default);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var kind = reader.TokenType;
            reader.Skip();
            EnsureEnd(ref reader);
            ctx.Reject(line, SkipReasons.NotAnObject, null, $"found a JSON {Describe(kind)} where a vote object {{\"model_a\": …}} was expected.");
            return;
        }

        if (!ReadFields(ref reader, json, line, out var row, out var hasWinner, out var hasStyle))
        {
            // Finish reading so broken JSON after a bad value still fails as broken JSON.
            while (reader.Read())
            {
            }

            return;
        }

        EnsureEnd(ref reader);
        var modelA = _nameStart[ModelASlot] >= 0 ? ModelASlot : LeftSlot;
        var modelB = _nameStart[ModelBSlot] >= 0 ? ModelBSlot : RightSlot;
        if (_nameStart[modelA] < 0 || _nameStart[modelB] < 0)
        {
            var missing = _nameStart[modelA] < 0 ? "model_a" : "model_b";
            ctx.Reject(line, SkipReasons.MissingModel, missing, $"field '{missing}' is missing; expected a model name ({ColumnNames.RequiredColumnsText}).");
            return;
        }

        if (!hasWinner)
        {
            ctx.Reject(line, SkipReasons.MissingWinner, "winner", $"field 'winner' is missing; expected one of {string.Join(", ", WinnerSpelling.Accepted)}.");
            return;
        }

        row.SourceLine = line;
        row.ModelA = ctx.ModelNames.GetOrAdd(Name(modelA));
        row.ModelB = ctx.ModelNames.GetOrAdd(Name(modelB));
        if (_nameStart[JudgeSlot] >= 0)
        {
            row.Judge = ctx.JudgeNames.GetOrAdd(Name(JudgeSlot));
        }

        if (_nameStart[LanguageSlot] >= 0)
        {
            row.Language = ctx.LanguageNames.GetOrAdd(Name(LanguageSlot));
        }

        if (hasStyle)
        {
            row.Style = OptionalFields.ToStyleCounts(_style);
        }

        ctx.Builder.Add(row);
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        // With isFinalBlock the reader throws on anything but white space after the value.
        if (reader.Read())
        {
            throw new JsonException("more JSON follows the vote object");
        }
    }

    /// <summary>The physical line of the current token.</summary>
    private static long LineOf(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, long line) =>
        line + json[..(int)reader.TokenStartIndex].Count((byte)'\n');

    /// <summary>Reads the fields of a vote object; false when the row was rejected.</summary>
    private bool ReadFields(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, long line, out VoteRow row, out bool hasWinner, out bool hasStyle)
    {
        row = default;
        hasWinner = false;
        hasStyle = false;
        _scratchLength = 0;
        Array.Fill(_nameStart, -1);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var binding = Bind(ref reader);
            reader.Read();
            var ok = binding.Role switch
            {
                ColumnRole.ModelA => ReadModel(ref reader, json, line, binding, ModelASlot),
                ColumnRole.ModelB => ReadModel(ref reader, json, line, binding, ModelBSlot),
                ColumnRole.LeftModel => ReadModel(ref reader, json, line, binding, LeftSlot),
                ColumnRole.RightModel => ReadModel(ref reader, json, line, binding, RightSlot),
                ColumnRole.Judge => ReadName(ref reader, JudgeSlot),
                ColumnRole.Language => ReadName(ref reader, LanguageSlot),
                ColumnRole.Winner => ReadWinner(ref reader, json, line, binding, ref row, ref hasWinner),
                ColumnRole.TokensA or ColumnRole.TokensB or ColumnRole.HeadersA or ColumnRole.HeadersB
                    or ColumnRole.ListsA or ColumnRole.ListsB or ColumnRole.BoldA or ColumnRole.BoldB =>
                    ReadStyle(ref reader, json, line, binding.Name, OptionalFields.StyleIndex(binding.Role), ref hasStyle),
                ColumnRole.TagCandidate => ReadTag(ref reader, json, line, binding.TagSlot, ref row.Tags),
                ColumnRole.CategoryTagObject => ReadCategoryTags(ref reader, json, line, ref row.Tags),
                ColumnRole.ConvMetadataObject => ReadConvMetadata(ref reader, json, line, ref hasStyle),
                ColumnRole.DedupTagObject => ReadDedupTag(ref reader, json, line, ref row),
                ColumnRole.Ignore => Skip(ref reader),
                _ => ReadOptional(ref reader, json, line, binding, ref row, ref hasStyle),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return true;
    }

    private Binding Bind(ref Utf8JsonReader reader)
    {
        var name = Unescaped(ref reader, out var rented);
        if (!_bindings.TryGetValue(name, out var binding))
        {
            var text = Encoding.UTF8.GetString(name);
            var role = ColumnNames.Classify(text);
            binding = new Binding(role, text, role == ColumnRole.TagCandidate ? ctx.Tags.Register(text) : -1);
            _bindings.Add(name, binding);
        }

        _scratchLength -= rented;
        return binding;
    }

    /// <summary>The current string token's bytes without escapes; escaped ones are decoded into the scratch buffer (<paramref name="used"/> bytes).</summary>
    private ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader, out int used)
    {
        used = 0;
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        EnsureScratch(reader.ValueSpan.Length);
        used = reader.CopyString(_scratch.AsSpan(_scratchLength));
        var value = _scratch.AsSpan(_scratchLength, used);
        _scratchLength += used;
        return value;
    }

    private void EnsureScratch(int more)
    {
        if (_scratchLength + more > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + more));
        }
    }

    private ReadOnlySpan<byte> Name(int slot) => _scratch.AsSpan(_nameStart[slot], _nameLength[slot]);

    /// <summary>Keeps a string or number as a name in the scratch buffer; anything else leaves the name absent.</summary>
    private bool ReadName(ref Utf8JsonReader reader, int slot)
    {
        _nameStart[slot] = -1;
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
        {
            reader.Skip();
            return true;
        }

        var start = _scratchLength;
        var value = Unescaped(ref reader, out var used);
        if (used == 0)
        {
            EnsureScratch(value.Length);
            value.CopyTo(_scratch.AsSpan(_scratchLength));
            _scratchLength += value.Length;
        }

        var stored = _scratch.AsSpan(start, _scratchLength - start);
        var trimmed = stored.Trim(WhiteSpace);
        if (!trimmed.IsEmpty)
        {
            _nameStart[slot] = start + (stored.Length - stored.TrimStart(WhiteSpace).Length);
            _nameLength[slot] = trimmed.Length;
        }

        return true;
    }

    private bool ReadModel(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, long line, Binding binding, int slot)
    {
        var kind = reader.TokenType;
        ReadName(ref reader, slot);
        if (_nameStart[slot] >= 0 || kind == JsonTokenType.Null)
        {
            return true;
        }

        var shown = kind == JsonTokenType.String ? "empty" : $"a JSON {Describe(kind)}";
        ctx.Reject(LineOf(ref reader, json, line), SkipReasons.MissingModel, binding.Name, $"field '{binding.Name}' is {shown}; expected a model name.");
        return false;
    }

    private bool ReadWinner(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, long line, Binding binding, ref VoteRow row, ref bool hasWinner)
    {
        hasWinner = false;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            var value = Unescaped(ref reader, out var used);
            var ok = ctx.Winners.TryParse(value, out row.Winner);
            var shown = ok ? null : FieldValues.Describe(value);
            _scratchLength -= used;
            if (ok)
            {
                hasWinner = true;
                return true;
            }

            var reason = value.Trim(" \t\r\n"u8).IsEmpty ? SkipReasons.MissingWinner : SkipReasons.UnknownWinner;
            ctx.Reject(LineOf(ref reader, json, line), reason, binding.Name, $"field '{binding.Name}' is {shown}; expected one of {string.Join(", ", WinnerSpelling.Accepted)}.");
            return false;
        }

        var kind = reader.TokenType;
        reader.Skip();
        ctx.Reject(LineOf(ref reader, json, line), SkipReasons.UnknownWinner, binding.Name, $"field '{binding.Name}' is a JSON {Describe(kind)}; expected one of {string.Join(", ", WinnerSpelling.Accepted)}.");
        return false;
    }

    /// <summary>A JSON value as a yes/no: true/false, 0/1, a string that says so, or null (no value). False for anything else.</summary>
    private bool TryReadFlag(ref Utf8JsonReader reader, out bool? flag, out string shown)
    {
        flag = null;
        shown = string.Empty;
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                flag = true;
                return true;
            case JsonTokenType.False:
                flag = false;
                return true;
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.Number:
            case JsonTokenType.String:
                var value = Unescaped(ref reader, out var used);
                var ok = FieldValues.TryParseFlag(value, out flag);
                shown = ok ? string.Empty : FieldValues.Describe(value);
                _scratchLength -= used;
                return ok;
            default:
                shown = $"a JSON {Describe(reader.TokenType)}";
                reader.Skip();
                return false;
        }
    }

    private bool ReadTag(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, long line, int slot, ref ulong tags)
    {
        if (ctx.Tags.IsDropped(slot))
        {
            reader.Skip();
            return true;
        }

        if (!TryReadFlag(ref reader, out var flag, out var shown))
        {
            ctx.Tags.Drop(slot, ctx.OnPlace(LineOf(ref reader, json, line)), shown, ref tags);
        }
        else if (flag == true)
        {
            tags |= ctx.Tags.Mask(slot);
        }

        return true;
    }

    /// <summary>FastChat's <c>category_tag</c>: <c>{"criteria_v0.1": {"specificity": true, …}, "math_v0.1": {"math": false}, …}</c>.</summary>
    private bool ReadCategoryTags(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, long line, ref ulong tags)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return true;
        }

        Span<byte> key = stackalloc byte[256];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var group = Unescaped(ref reader, out var groupUsed);
            var groupLength = Math.Min(group.Length, key.Length - 1);
            group[..groupLength].CopyTo(key);
            key[groupLength] = 0;
            _scratchLength -= groupUsed;
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = Unescaped(ref reader, out var nameUsed);
                var nameLength = Math.Min(name.Length, key.Length - groupLength - 1);
                name[..nameLength].CopyTo(key[(groupLength + 1)..]);
                _scratchLength -= nameUsed;
                var slot = CategorySlot(key[..(groupLength + 1 + nameLength)], groupLength);
                reader.Read();
                if (slot < 0)
                {
                    reader.Skip();
                    continue;
                }

                ReadTag(ref reader, json, line, slot, ref tags);
            }
        }

        return true;
    }

    /// <summary>The tag slot for <c>group\0name</c>, or -1 when that flag is not a tag.</summary>
    private int CategorySlot(ReadOnlySpan<byte> key, int groupLength)
    {
        if (!_categorySlots.TryGetValue(key, out var slot))
        {
            var tag = FastChatCategoryTags.TagName(Encoding.UTF8.GetString(key[..groupLength]), Encoding.UTF8.GetString(key[(groupLength + 1)..]));
            slot = tag is null ? -1 : ctx.Tags.Register(tag);
            _categorySlots.Add(key, slot);
        }

        return slot;
    }

    /// <summary>FastChat's <c>conv_metadata</c>: token sums and per-side markdown counts, the latter as objects whose numbers are summed.</summary>
    private bool ReadConvMetadata(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, long line, ref bool hasStyle)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return true;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Unescaped(ref reader, out var used);
            if (!_styleIndex.TryGetValue(name, out var index))
            {
                index = OptionalFields.StyleIndex(ColumnNames.Classify(Encoding.UTF8.GetString(name)));
                _styleIndex.Add(name, index);
            }

            var field = index < 0 ? null : "conv_metadata." + Encoding.UTF8.GetString(name);
            _scratchLength -= used;
            reader.Read();
            if (field is null)
            {
                reader.Skip();
                continue;
            }

            if (!ReadStyle(ref reader, json, line, field, index, ref hasStyle))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One style counter: a count or an object of counts; rejects the row for anything else.</summary>
    private bool ReadStyle(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, long line, string field, int index, ref bool hasStyle)
    {
        var place = LineOf(ref reader, json, line);
        if (!TryReadCount(ref reader, out var count, out var shown))
        {
            ctx.Reject(place, SkipReasons.InvalidNumber, field, $"field '{field}' is {shown}; expected a whole number (a count) or an object of counts.");
            return false;
        }

        if (count is { } c)
        {
            OptionalFields.SetStyle(_style, ref hasStyle, index, c);
        }

        return true;
    }

    /// <summary>A count, or an object of counts (summed: <c>{"h1": 0, "h2": 3}</c>); null for JSON null.</summary>
    private static bool TryReadCount(ref Utf8JsonReader reader, out int? count, out string shown)
    {
        count = null;
        shown = string.Empty;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.Number:
                if (TryGetCount(ref reader, out var single))
                {
                    count = single;
                    return true;
                }

                shown = FieldValues.Describe(reader.ValueSpan);
                return false;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return true;
                }

                if (FieldValues.TryParseInt(text, out var parsed) && parsed >= 0)
                {
                    count = parsed;
                    return true;
                }

                shown = FieldValues.Describe(text);
                return false;
            case JsonTokenType.StartObject:
                var sum = 0;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        continue;
                    }

                    if (reader.TokenType != JsonTokenType.Number || !TryGetCount(ref reader, out var part))
                    {
                        shown = reader.TokenType == JsonTokenType.Number ? FieldValues.Describe(reader.ValueSpan) : $"an object holding a JSON {Describe(reader.TokenType)}";
                        reader.Skip();
                        return false;
                    }

                    sum += part;
                }

                count = sum;
                return true;
            default:
                shown = $"a JSON {Describe(reader.TokenType)}";
                reader.Skip();
                return false;
        }
    }

    private static bool TryGetCount(ref Utf8JsonReader reader, out int count)
    {
        if (reader.TryGetInt32(out count))
        {
            return count >= 0;
        }

        if (reader.TryGetDouble(out var d) && d >= 0 && d <= int.MaxValue && d == Math.Floor(d))
        {
            count = (int)d;
            return true;
        }

        return false;
    }

    /// <summary>FastChat's <c>dedup_tag</c>: <c>{"high_freq": false, "sampled": true}</c>; only <c>sampled</c> is kept.</summary>
    private bool ReadDedupTag(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, long line, ref VoteRow row)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return true;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isSampled = reader.ValueTextEquals("sampled"u8);
            reader.Read();
            if (!isSampled)
            {
                reader.Skip();
                continue;
            }

            if (!TryReadFlag(ref reader, out var flag, out var shown))
            {
                ctx.Reject(LineOf(ref reader, json, line), SkipReasons.InvalidBoolean, "dedup_tag.sampled", $"field 'dedup_tag.sampled' is {shown}; expected true or false.");
                return false;
            }

            row.DedupSampled = flag;
        }

        return true;
    }

    /// <summary>Timestamps, flags, turns and flat style counts: typed JSON values directly, strings through <see cref="OptionalFields"/>.</summary>
    private bool ReadOptional(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, long line, Binding binding, ref VoteRow row, ref bool hasStyle)
    {
        var place = LineOf(ref reader, json, line);
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.True or JsonTokenType.False when binding.Role is ColumnRole.Anonymous or ColumnRole.DedupSampled:
                if (binding.Role == ColumnRole.Anonymous)
                {
                    row.Anonymous = reader.TokenType == JsonTokenType.True;
                }
                else
                {
                    row.DedupSampled = reader.TokenType == JsonTokenType.True;
                }

                return true;
            case JsonTokenType.String:
            case JsonTokenType.Number:
                var value = Unescaped(ref reader, out var used);
                Span<char> chars = stackalloc char[128];
                ReadOnlySpan<char> text = value.Length <= chars.Length ? chars[..Encoding.UTF8.GetChars(value, chars)] : Encoding.UTF8.GetString(value);
                _scratchLength -= used;
                return OptionalFields.Apply(ctx, ref row, binding.Role, binding.Name, text, place, _style, ref hasStyle);
            default:
                var kind = reader.TokenType;
                reader.Skip();
                var reason = binding.Role switch
                {
                    ColumnRole.TimestampSeconds or ColumnRole.Timestamp => SkipReasons.InvalidTimestamp,
                    ColumnRole.Anonymous or ColumnRole.DedupSampled => SkipReasons.InvalidBoolean,
                    _ => SkipReasons.InvalidNumber,
                };
                ctx.Reject(place, reason, binding.Name, $"field '{binding.Name}' is a JSON {Describe(kind)}; expected a {(reason == SkipReasons.InvalidBoolean ? "boolean" : "number")}.");
                return false;
        }
    }

    private readonly record struct Binding(ColumnRole Role, string Name, int TagSlot);
}
