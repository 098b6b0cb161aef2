using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Modelwatch.Data;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as its UTC ticks (an SQLite <c>INTEGER</c>), cut to whole microseconds, and
/// reads it back in UTC.
/// </summary>
/// <remarks>
/// SQLite has no date type: EF Core's default stores <see cref="DateTimeOffset"/> as text with the offset, which it
/// refuses to order or compare in SQL ("SQLite does not support expressions of type 'DateTimeOffset' in ORDER BY
/// clauses"), and text with mixed offsets would not sort by instant anyway. UTC ticks sort and compare as the
/// instants do. Microseconds, because that is what PostgreSQL's <c>timestamptz</c> keeps: a value reads back the same
/// from both. PostgreSQL needs no more than <see cref="UtcConverter"/>.
/// </remarks>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMicrosecond),
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

/// <summary>
/// Turns a <see cref="DateTimeOffset"/> into UTC before Npgsql writes it to <c>timestamptz</c>.
/// </summary>
/// <remarks>
/// Npgsql refuses any offset other than zero ("only offset 0 (UTC) is supported"), while SQLite (through
/// <see cref="UtcTicksConverter"/>) takes any. Converting first makes both accept the same values and both read
/// them back in UTC.
/// </remarks>
internal sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value);
