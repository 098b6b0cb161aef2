using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Modelwatch.Data;

/// <summary>
/// Rounds a decimal to its column's scale on the way in and drops trailing zeros on the way out, so both databases
/// store and return the same number.
/// </summary>
/// <remarks>
/// PostgreSQL's <c>numeric(18,6)</c> rounds to six places (half away from zero) and reads back with six places
/// (<c>1.500000</c>); SQLite keeps decimals as text, exactly as given. Without this, <c>1.2345675</c> would read back
/// as <c>1.234568</c> on one and <c>1.2345675</c> on the other, and <c>1.5</c> would print as <c>1.500000</c> on one.
/// </remarks>
internal sealed class DecimalScaleConverter(int scale) : ValueConverter<decimal, decimal>(
    value => decimal.Round(value, scale, MidpointRounding.AwayFromZero),
    value => value / Normaliser)
{
    /// <summary>Dividing by 1 written with 28 zeros gives the same value with the smallest scale (no trailing zeros).</summary>
    private const decimal Normaliser = 1.0000000000000000000000000000m;
}
