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

    /// <summary>Reads this column of a row group; arrays are kept and reused by the next row group.</summary>
    public async Task ReadAsync(ParquetRowGroupReader group, int rows, CancellationToken ct)
    {
        var type = Field.ClrType;
        switch (Kind)
        {
            case ValueKind.Text when type == typeof(string):
                var strings = await ReadValues(group, rows, ct).ConfigureAwait(false);
                Reuse(ref _text, rows);
                for (var i = 0; i < rows; i++)
                {
                    _text[i] = strings[i]?.AsMemory();
                }

                break;
            case ValueKind.Text:
                await ReadInto(group, rows, ct, _text = Reuse(ref _text, rows)).ConfigureAwait(false);
                break;
            case ValueKind.Flag:
                await ReadInto(group, rows, ct, _flags = Reuse(ref _flags, rows)).ConfigureAwait(false);
                break;
            case ValueKind.Integer when type == typeof(long):
                await ReadInto(group, rows, ct, _integers = Reuse(ref _integers, rows)).ConfigureAwait(false);
                break;
            case ValueKind.Integer when type == typeof(sbyte):
                await ReadWidened<sbyte>(group, rows, ct).ConfigureAwait(false);
                break;
            case ValueKind.Integer when type == typeof(byte):
                await ReadWidened<byte>(group, rows, ct).ConfigureAwait(false);
                break;
            case ValueKind.Integer when type == typeof(short):
                await ReadWidened<short>(group, rows, ct).ConfigureAwait(false);
                break;
            case ValueKind.Integer when type == typeof(ushort):
                await ReadWidened<ushort>(group, rows, ct).ConfigureAwait(false);
                break;
            case ValueKind.Integer when type == typeof(int):
                await ReadWidened<int>(group, rows, ct).ConfigureAwait(false);
                break;
            case ValueKind.Integer when type == typeof(uint):
                await ReadWidened<uint>(group, rows, ct).ConfigureAwait(false);
                break;
            case ValueKind.Integer:
                await ReadWidened<ulong>(group, rows, ct).ConfigureAwait(false);
                break;
            case ValueKind.Real when type == typeof(double):
                await ReadInto(group, rows, ct, _reals = Reuse(ref _reals, rows)).ConfigureAwait(false);
                break;
            case ValueKind.Real when type == typeof(float):
                await ReadReal<float>(group, rows, ct).ConfigureAwait(false);
                break;
            case ValueKind.Real:
                await ReadReal<decimal>(group, rows, ct).ConfigureAwait(false);
                break;
            case ValueKind.Time:
                await ReadInto(group, rows, ct, _times = Reuse(ref _times, rows)).ConfigureAwait(false);
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

    /// <summary>An array of at least <paramref name="rows"/> slots: the one from the last row group when it is big enough.</summary>
    private static T[] Reuse<T>(ref T[] values, int rows)
    {
        if (values.Length < rows)
        {
            values = new T[rows];
        }

        return values;
    }

    private Task ReadInto<T>(ParquetRowGroupReader group, int rows, CancellationToken ct, T?[] values)
        where T : struct =>
        group.ReadAsync<T>(Field, values.AsMemory(0, rows), null, ct).AsTask();

    private async Task<string?[]> ReadValues(ParquetRowGroupReader group, int rows, CancellationToken ct)
    {
        var values = new string?[rows];
        await group.ReadAsync(Field, values.AsMemory(), null, ct).ConfigureAwait(false);
        return values;
    }

    private async Task ReadWidened<T>(ParquetRowGroupReader group, int rows, CancellationToken ct)
        where T : struct, INumberBase<T>
    {
        var narrow = new T?[rows];
        await ReadInto(group, rows, ct, narrow).ConfigureAwait(false);
        Reuse(ref _integers, rows);
        for (var i = 0; i < rows; i++)
        {
            _integers[i] = narrow[i] is { } x ? long.CreateSaturating(x) : null;
        }
    }

    private async Task ReadReal<T>(ParquetRowGroupReader group, int rows, CancellationToken ct)
        where T : struct, INumberBase<T>
    {
        var narrow = new T?[rows];
        await ReadInto(group, rows, ct, narrow).ConfigureAwait(false);
        Reuse(ref _reals, rows);
        for (var i = 0; i < rows; i++)
        {
            _reals[i] = narrow[i] is { } x ? double.CreateSaturating(x) : null;
        }
    }
}
