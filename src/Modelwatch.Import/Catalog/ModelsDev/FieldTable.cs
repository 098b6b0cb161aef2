using System.Globalization;
using Modelwatch.Core.Catalog;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;

namespace Modelwatch.Import.Catalog.ModelsDev;

/// <summary>
/// Typed reads of one table of a models.dev record (a TOML file or an <c>api.json</c> object converted to a
/// <see cref="TomlTable"/>). A value of the wrong type becomes a <see cref="RecordProblem"/> naming the file, the
/// line when known, and the field, and reads as absent, so the rest of the record still imports.
/// </summary>
internal sealed class FieldTable
{
    private readonly TomlTable _table;
    private readonly ITomlMetadataStore? _metadata;
    private readonly string _file;
    private readonly string _path;
    private readonly List<RecordProblem> _problems;

    /// <param name="table">The table.</param>
    /// <param name="metadata">Source spans of TOML keys (null for JSON, whose locations are paths).</param>
    /// <param name="file">The file for messages (<c>providers/openai/models/gpt-5.toml</c>, <c>api.json</c>).</param>
    /// <param name="path">Where the table is inside the file (<c>cost</c>, <c>openai.models["gpt-5"]</c>); empty for the root.</param>
    /// <param name="problems">Where problems go.</param>
    public FieldTable(TomlTable table, ITomlMetadataStore? metadata, string file, string path, List<RecordProblem> problems)
    {
        _table = table;
        _metadata = metadata;
        _file = file;
        _path = path;
        _problems = problems;
    }

    public bool Has(string key) => _table.ContainsKey(key);

    public IEnumerable<string> Keys => _table.Keys;

    /// <summary>The file and line (when known) and the dotted field, as problems name it.</summary>
    public string Where(string key)
    {
        var field = FieldPath(key);
        var line = LineOf(key);
        return line is { } l ? $"{_file}:{l.ToString(CultureInfo.InvariantCulture)} {field}" : $"{_file} {field}";
    }

    public void Problem(string key, string message) => _problems.Add(new RecordProblem(Where(key), message));

    public string? String(string key)
    {
        if (!_table.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        if (value is string s)
        {
            return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        }

        Problem(key, $"expected a string, found {Describe(value)}.");
        return null;
    }

    public bool? Bool(string key)
    {
        if (!_table.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        if (value is bool b)
        {
            return b;
        }

        Problem(key, $"expected true or false, found {Describe(value)}.");
        return null;
    }

    public long? Integer(string key)
    {
        if (!_table.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        switch (value)
        {
            case long l:
                return l;
            case double d when double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 9e15:
                return (long)d;
            default:
                Problem(key, $"expected a whole number, found {Describe(value)}.");
                return null;
        }
    }

    /// <summary>A token count: a whole number from 0 to <see cref="int.MaxValue"/>.</summary>
    public int? Tokens(string key)
    {
        var n = Integer(key);
        if (n is null)
        {
            return null;
        }

        if (n < 0 || n > int.MaxValue)
        {
            Problem(key, $"expected a token count from 0 to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}, found {n.Value.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        return (int)n;
    }

    public double? Number(string key)
    {
        if (!_table.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        switch (value)
        {
            case long l:
                return l;
            case double d when double.IsFinite(d):
                return d;
            default:
                Problem(key, $"expected a number, found {Describe(value)}.");
                return null;
        }
    }

    /// <summary>A price in USD per million tokens: a number that is not negative.</summary>
    public decimal? Price(string key)
    {
        var n = Number(key);
        if (n is null)
        {
            return null;
        }

        if (n < 0 || n > 1e9)
        {
            Problem(key, $"expected a price in USD per million tokens, from 0 to 1000000000, found {n.Value.ToString("R", CultureInfo.InvariantCulture)}.");
            return null;
        }

        // Through the shortest round-trip text, so 0.1 stays 0.1 and not the double nearest to it.
        return decimal.Parse(n.Value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>A date as models.dev writes it, <c>YYYY-MM-DD</c> or <c>YYYY-MM</c> (a string or a TOML date), in that text form.</summary>
    public string? MonthOrDay(string key)
    {
        if (!_table.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        switch (value)
        {
            case TomlDateTime { Kind: TomlDateTimeKind.LocalDate } date:
                return date.DateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case string s when ParseMonthOrDay(s.Trim()) is not null:
                return s.Trim();
            default:
                Problem(key, $"expected a date YYYY-MM-DD or YYYY-MM, found {Describe(value)}.");
                return null;
        }
    }

    /// <summary>A date; a month (<c>YYYY-MM</c>) reads as its first day.</summary>
    public DateOnly? Date(string key) => MonthOrDay(key) is { } text ? ParseMonthOrDay(text) : null;

    public FieldTable? Table(string key)
    {
        if (!_table.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        if (value is TomlTable t)
        {
            return new FieldTable(t, _metadata, _file, FieldPath(key), _problems);
        }

        Problem(key, $"expected a table, found {Describe(value)}.");
        return null;
    }

    /// <summary>An array of tables (<c>[[benchmarks]]</c> or an inline <c>[{…}, {…}]</c>); items that are not tables are reported and skipped.</summary>
    public IReadOnlyList<FieldTable> Tables(string key)
    {
        if (!_table.TryGetValue(key, out var value) || value is null)
        {
            return [];
        }

        IEnumerable<object?> items;
        if (value is TomlTableArray tables)
        {
            items = tables;
        }
        else if (value is TomlArray array)
        {
            items = array;
        }
        else
        {
            Problem(key, $"expected an array of tables, found {Describe(value)}.");
            return [];
        }

        var result = new List<FieldTable>();
        var index = 0;
        foreach (var item in items)
        {
            var itemPath = $"{key}[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (item is TomlTable t)
            {
                result.Add(new FieldTable(t, _metadata, _file, FieldPath(itemPath), _problems));
            }
            else
            {
                _problems.Add(new RecordProblem(WhereWithLineOf(key, itemPath), $"expected a table, found {Describe(item)}."));
            }

            index++;
        }

        return result;
    }

    /// <summary>An array of strings; other items are reported and skipped.</summary>
    public IReadOnlyList<string>? Strings(string key)
    {
        if (!_table.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        if (value is not TomlArray array)
        {
            Problem(key, $"expected an array of strings, found {Describe(value)}.");
            return null;
        }

        var result = new List<string>(array.Count);
        var index = 0;
        foreach (var item in array)
        {
            if (item is string s && !string.IsNullOrWhiteSpace(s))
            {
                result.Add(s.Trim());
            }
            else
            {
                var itemPath = $"{key}[{index.ToString(CultureInfo.InvariantCulture)}]";
                _problems.Add(new RecordProblem(WhereWithLineOf(key, itemPath), $"expected a non-empty string, found {Describe(item)}."));
            }

            index++;
        }

        return result;
    }

    /// <summary>The raw value, for fields that may take more than one shape.</summary>
    public object? Raw(string key) => _table.TryGetValue(key, out var value) ? value : null;

    internal static DateOnly? ParseMonthOrDay(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;
    }

    internal static string Describe(object? value) => value switch
    {
        null => "nothing",
        string s => $"the string \"{(s.Length > 40 ? s[..40] + "…" : s)}\"",
        bool b => b ? "true" : "false",
        long l => $"the integer {l.ToString(CultureInfo.InvariantCulture)}",
        double d => $"the number {d.ToString("R", CultureInfo.InvariantCulture)}",
        TomlDateTime dt => $"the date-time {dt}",
        TomlTable => "a table",
        TomlTableArray or TomlArray => "an array",
        _ => value.GetType().Name,
    };

    private string FieldPath(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    private string WhereWithLineOf(string lineKey, string fieldKey)
    {
        var line = LineOf(lineKey);
        var field = FieldPath(fieldKey);
        return line is { } l ? $"{_file}:{l.ToString(CultureInfo.InvariantCulture)} {field}" : $"{_file} {field}";
    }

    private int? LineOf(string key)
    {
        if (_metadata is null || !_metadata.TryGetProperties(_table, out var properties) || properties is null ||
            !properties.TryGetProperty(key, out var property) || property?.Span is not { } span)
        {
            return null;
        }

        // Spans count lines from 0; people count from 1.
        return span.Start.Line + 1;
    }
}
