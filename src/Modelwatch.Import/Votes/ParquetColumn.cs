using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace Modelwatch.Import.Votes;

/// <summary>
/// One leaf column of a Parquet row group, read whole and viewed as text, yes/no, integer, real or time whatever
/// its physical type, so the vote logic does not care whether a file stores <c>turn</c> as int32 or int64, or
/// <c>anony</c> as a boolean or 0/1. Strings are read as <see cref="ReadOnlyMemory{T}"/> slices (no string per value).
/// </summary>
internal sealed class ParquetColumn(DataField field)
{
    private ReadOnlyMemory<char>?[] _text = [];
    private bool?[] _flags = [];
    private long?[] _integers = [];
    private double?[] _reals = [];
    private DateTime?[] _times = [];

    public enum ValueKind
    {
        Unsupported,
        Text,
        Flag,
        Integer,
        Real,
        Time,
    }

    public DataField Field { get; } = field;

    public ValueKind Kind { get; } = KindOf(field.ClrType);

    public static ValueKind KindOf(Type type) =>
        type == typeof(ReadOnlyMemory<char>) || type == typeof(string) ? ValueKind.Text
        : type == typeof(bool) ? ValueKind.Flag
        : type == typeof(sbyte) || type == typeof(byte) || type == typeof(short) || type == typeof(ushort)
            || type == typeof(int) || type == typeof(uint) || type == typeof(long) || type == typeof(ulong) ? ValueKind.Integer
        : type == typeof(float) || type == typeof(double) || type == typeof(decimal) ? ValueKind.Real
        : type == typeof(DateTime) ? ValueKind.Time
        : ValueKind.Unsupported;

    public async Task ReadAsync(ParquetRowGroupReader group, int rows, CancellationToken ct)
    {
        var type = Field.ClrType;
        switch (Kind)
        {
            case ValueKind.Text when type == typeof(string):
                var strings = new string?[rows];
                await group.ReadAsync(Field, strings.AsMemory(), null, ct).ConfigureAwait(false);
                _text = Array.ConvertAll(strings, s => s is null ? (ReadOnlyMemory<char>?)null : s.AsMemory());
                break;
            case ValueKind.Text:
                _text = await ReadValues<ReadOnlyMemory<char>>(group, rows, ct).ConfigureAwait(false);
                break;
            case ValueKind.Flag:
                _flags = await ReadValues<bool>(group, rows, ct).ConfigureAwait(false);
                break;
            case ValueKind.Integer when type == typeof(sbyte):
                _integers = Widen(await ReadValues<sbyte>(group, rows, ct).ConfigureAwait(false));
                break;
            case ValueKind.Integer when type == typeof(byte):
                _integers = Widen(await ReadValues<byte>(group, rows, ct).ConfigureAwait(false));
                break;
            case ValueKind.Integer when type == typeof(short):
                _integers = Widen(await ReadValues<short>(group, rows, ct).ConfigureAwait(false));
                break;
            case ValueKind.Integer when type == typeof(ushort):
                _integers = Widen(await ReadValues<ushort>(group, rows, ct).ConfigureAwait(false));
                break;
            case ValueKind.Integer when type == typeof(int):
                _integers = Widen(await ReadValues<int>(group, rows, ct).ConfigureAwait(false));
                break;
            case ValueKind.Integer when type == typeof(uint):
                _integers = Widen(await ReadValues<uint>(group, rows, ct).ConfigureAwait(false));
                break;
            case ValueKind.Integer when type == typeof(ulong):
                _integers = Widen(await ReadValues<ulong>(group, rows, ct).ConfigureAwait(false));
                break;
            case ValueKind.Integer:
                _integers = await ReadValues<long>(group, rows, ct).ConfigureAwait(false);
                break;
            case ValueKind.Real when type == typeof(float):
                _reals = Array.ConvertAll(await ReadValues<float>(group, rows, ct).ConfigureAwait(false), v => (double?)v);
                break;
            case ValueKind.Real when type == typeof(decimal):
                _reals = Array.ConvertAll(await ReadValues<decimal>(group, rows, ct).ConfigureAwait(false), v => (double?)v);
                break;
            case ValueKind.Real:
                _reals = await ReadValues<double>(group, rows, ct).ConfigureAwait(false);
                break;
            case ValueKind.Time:
                _times = await ReadValues<DateTime>(group, rows, ct).ConfigureAwait(false);
                break;
        }
    }

    public bool IsNull(int i) => Kind switch
    {
        ValueKind.Text => _text[i] is null,
        ValueKind.Flag => _flags[i] is null,
        ValueKind.Integer => _integers[i] is null,
        ValueKind.Real => _reals[i] is null,
        ValueKind.Time => _times[i] is null,
        _ => true,
    };

    /// <summary>The value as text: strings as they are, other kinds formatted invariantly; empty for null.</summary>
    public ReadOnlyMemory<char> Text(int i) => Kind switch
    {
        ValueKind.Text => _text[i] ?? ReadOnlyMemory<char>.Empty,
        ValueKind.Flag => _flags[i] is { } f ? (f ? "true" : "false").AsMemory() : default,
        ValueKind.Integer => _integers[i]?.ToString(CultureInfo.InvariantCulture).AsMemory() ?? default,
        ValueKind.Real => _reals[i]?.ToString("R", CultureInfo.InvariantCulture).AsMemory() ?? default,
        ValueKind.Time => _times[i]?.ToString("O", CultureInfo.InvariantCulture).AsMemory() ?? default,
        _ => default,
    };

    /// <summary>A yes/no: booleans, 0/1 numbers, or text that says so; null for a missing value. False for anything else.</summary>
    public bool TryGetFlag(int i, out bool? flag)
    {
        flag = null;
        switch (Kind)
        {
            case ValueKind.Flag:
                flag = _flags[i];
                return true;
            case ValueKind.Integer:
                flag = _integers[i] switch { null => null, 0 => false, 1 => true, _ => null };
                return _integers[i] is null or 0 or 1;
            case ValueKind.Real:
                flag = _reals[i] switch { null => null, 0.0 => false, 1.0 => true, _ => null };
                return _reals[i] is null or 0.0 or 1.0;
            case ValueKind.Text:
                return FieldValues.TryParseFlag(Text(i).Span, out flag);
            default:
                return IsNull(i);
        }
    }

    /// <summary>A whole number from an integer column or an integral real; null for a missing value; false for anything else (text is the caller's).</summary>
    public bool TryGetInteger(int i, out long? value)
    {
        value = null;
        switch (Kind)
        {
            case ValueKind.Integer:
                value = _integers[i];
                return true;
            case ValueKind.Real when _reals[i] is null:
                return true;
            case ValueKind.Real when _reals[i] is { } d && d == Math.Floor(d) && Math.Abs(d) < 9e15:
                value = (long)d;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A number from an integer or real column; null for a missing value; false for other kinds.</summary>
    public bool TryGetReal(int i, out double? value)
    {
        value = Kind switch
        {
            ValueKind.Integer => _integers[i],
            ValueKind.Real => _reals[i],
            _ => null,
        };
        return Kind is ValueKind.Integer or ValueKind.Real;
    }

    /// <summary>Milliseconds since the epoch of a time column (a time without a zone is taken as UTC).</summary>
    public long? TimeMs(int i)
    {
        if (Kind != ValueKind.Time || _times[i] is not { } time)
        {
            return null;
        }

        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
        return new DateTimeOffset(utc).ToUnixTimeMilliseconds();
    }

    private static long?[] Widen<T>(T?[] values)
        where T : struct, INumberBase<T> =>
        Array.ConvertAll(values, v => v is { } x ? long.CreateSaturating(x) : (long?)null);

    private async Task<T?[]> ReadValues<T>(ParquetRowGroupReader group, int rows, CancellationToken ct)
        where T : struct
    {
        var values = new T?[rows];
        await group.ReadAsync<T>(Field, values.AsMemory(), null, ct).ConfigureAwait(false);
        return values;
    }
}
