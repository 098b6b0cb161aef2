using System.Globalization;
using System.Text.Json;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog.Common;

/// <summary>
/// Reads the optional fields of one JSON object. A field of the wrong type becomes a <see cref="RecordProblem"/>
/// (where it is, what it held, what was expected) and reads as absent, so the rest of the record still counts.
/// Absent and <c>null</c> fields read as null without a problem: every catalog leaves fields out.
/// </summary>
/// <param name="obj">The object; callers check it is one.</param>
/// <param name="location">File and JSON path of the object (<c>models.json $.data[3]</c>); field names are appended.</param>
/// <param name="record">The record as a person would name it in a message (<c>model "openai/gpt-5"</c>).</param>
/// <param name="problems">Where problems go.</param>
internal sealed class JsonFields(JsonElement obj, string location, string record, List<RecordProblem> problems)
{
    public JsonElement Element => obj;

    /// <summary>Whether the property is there at all, even as null (tells the older OpenRouter schema from "no value").</summary>
    public bool Has(string name) => obj.TryGetProperty(name, out _);

    public string? String(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Problem(name, value, "a string");
            return null;
        }

        return value.GetString();
    }

    /// <summary>A non-empty string after trimming, or null.</summary>
    public string? Text(string name) => String(name) is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    /// <summary>A whole number; <c>73400000000.0</c> counts (a number printed as a float), <c>1.5</c> does not.</summary>
    public long? Int64(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out var whole))
            {
                return whole;
            }

            if (value.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue)
            {
                return (long)d;
            }
        }

        Problem(name, value, "a whole number");
        return null;
    }

    public int? Int32(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var whole))
        {
            return whole;
        }

        Problem(name, value, "a whole number of at most 2,147,483,647");
        return null;
    }

    public double? Double(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d))
        {
            return d;
        }

        Problem(name, value, "a number");
        return null;
    }

    /// <summary>A number, read from its text as a decimal (never through a double), or a string holding one.</summary>
    public decimal? Decimal(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d))
        {
            return d;
        }

        if (value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d))
        {
            return d;
        }

        Problem(name, value, "a decimal number");
        return null;
    }

    public bool? Boolean(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Problem(name, value, "true or false");
        return null;
    }

    /// <summary>A <c>yyyy-MM-dd</c> date (month and day may be unpadded).</summary>
    /// <param name="name">The field.</param>
    /// <param name="consequence">What happens to the record when the date is unreadable, for the message.</param>
    public DateOnly? Date(string name, string? consequence = null)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        // "2025-1-2" (LLMStats writes one date unpadded) is as clear as "2025-01-02".
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Problem(name, $"is \"{text}\"; expected a date yyyy-MM-dd{(consequence is null ? "" : ". " + consequence)}");
        return null;
    }

    /// <summary>A month or a day (<c>yyyy-MM</c> or <c>yyyy-MM-dd</c>), kept as written: knowledge cutoffs are often months.</summary>
    public string? MonthOrDate(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ||
            DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return text;
        }

        Problem(name, $"is \"{text}\"; expected yyyy-MM or yyyy-MM-dd");
        return null;
    }

    public IReadOnlyList<string>? Strings(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            Problem(name, value, "an array of strings");
            return null;
        }

        return value.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    /// <summary>A nested object as fields of its own (path and record name carried on).</summary>
    public JsonFields? Object(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Problem(name, value, "an object");
            return null;
        }

        return new JsonFields(value, $"{location}.{name}", record, problems);
    }

    public JsonElement? Array(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(name, value, "an array");
            return null;
        }

        return value;
    }

    /// <summary>Fields of the <paramref name="index"/>-th object of an array (for nested lists such as price tiers).</summary>
    public JsonFields Item(string arrayName, int index, JsonElement item) =>
        new(item, FormattableString.Invariant($"{location}.{arrayName}[{index}]"), record, problems);

    public void Problem(string field, string message) => problems.Add(new RecordProblem($"{location}.{field}", $"{record}: {field} {message}."));

    public void Problem(string field, JsonElement value, string expected) => Problem(field, $"is {Describe(value)}; expected {expected}");

    /// <summary>A JSON value as a message shows it: its kind and (shortened) text.</summary>
    public static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        if (raw.Length > 60)
        {
            raw = raw[..57] + "...";
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => $"the string {raw}",
            JsonValueKind.Number => $"the number {raw}",
            JsonValueKind.Object => $"an object {raw}",
            JsonValueKind.Array => $"an array {raw}",
            JsonValueKind.True or JsonValueKind.False => raw,
            _ => raw,
        };
    }

    private bool TryGet(string name, out JsonElement value) =>
        obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
}
