using System.Globalization;
using System.Text.Json;

namespace Modelwatch.Import.Catalog;

/// <summary>
/// Typed reads of JSON values for the catalog importers. Numbers are read as <see cref="decimal"/> from their text,
/// never through <see cref="double"/>, so <c>3e-06</c> per token is exactly 3 per million. A value of the wrong kind
/// is reported to <see cref="RecordProblems"/> with its JSON path and read as null.
/// </summary>
internal static class JsonValues
{
    /// <summary>A member that is present and not JSON null.</summary>
    public static bool TryMember(JsonElement record, string name, out JsonElement value) =>
        record.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public static bool TryNumber(JsonElement value, string location, RecordProblems problems, out decimal number)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out number))
        {
            return true;
        }

        problems.Unexpected(location, value.ValueKind == JsonValueKind.Number ? "a number within ±7.9e28" : "a number", value);
        number = 0;
        return false;
    }

    /// <summary>A price in USD (any unit): a number of at least 0, without trailing zeros.</summary>
    public static decimal? Price(JsonElement value, string location, RecordProblems problems)
    {
        if (!TryNumber(value, location, problems, out var number))
        {
            return null;
        }

        if (number < 0)
        {
            problems.Unexpected(location, "a price of at least 0", value);
            return null;
        }

        return Normalise(number);
    }

    /// <summary>
    /// A token limit or threshold: a whole number (<c>2000000.0</c> is accepted) that fits an <see cref="int"/>, positive
    /// unless <paramref name="zeroAllowed"/> (a moderation model's output limit is 0).
    /// </summary>
    public static int? TokenCount(JsonElement value, string location, RecordProblems problems, bool zeroAllowed = false)
    {
        if (!TryNumber(value, location, problems, out var number))
        {
            return null;
        }

        if (number < (zeroAllowed ? 0 : 1) || number > int.MaxValue || decimal.Truncate(number) != number)
        {
            problems.Unexpected(location, zeroAllowed ? "a whole number of tokens" : "a positive whole number of tokens", value);
            return null;
        }

        return (int)number;
    }

    public static string? Text(JsonElement value, string location, RecordProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problems.Unexpected(location, "a string", value);
        return null;
    }

    /// <summary>A non-empty string with no surrounding white space (ids and names used as keys).</summary>
    public static string? Id(JsonElement value, string location, RecordProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text && text.Trim().Length == text.Length)
        {
            return text;
        }

        problems.Unexpected(location, "a non-empty id without surrounding spaces", value);
        return null;
    }

    public static bool? Boolean(JsonElement value, string location, RecordProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        problems.Unexpected(location, "true or false", value);
        return null;
    }

    /// <summary>A calendar date written <c>yyyy-MM-dd</c>.</summary>
    public static DateOnly? Date(JsonElement value, string location, RecordProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value.ValueKind == JsonValueKind.String &&
            DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Unexpected(location, "a date written yyyy-MM-dd", value);
        return null;
    }

    /// <summary>The same value with the smallest scale (<c>3.000000</c> → <c>3</c>), so stored and shown prices carry no noise digits.</summary>
    public static decimal Normalise(decimal value) => value / 1.0000000000000000000000000000m;
}
