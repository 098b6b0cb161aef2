using System.Text.Json;
using System.Text.RegularExpressions;

namespace Modelwatch.News.Digest;

/// <summary>
/// Reads a model's JSON answer leniently: models wrap JSON in code fences or add a sentence around it, so the
/// outermost object is taken. A claim's sources are 1-based numbers of the inputs it was given; the links a text
/// mentions are found so a claim can be checked against the inputs.
/// </summary>
internal static partial class ModelAnswer
{
    /// <summary>The outermost JSON object of <paramref name="text"/>, or null when there is none that parses.</summary>
    public static JsonElement? Object(string text)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text.AsMemory(start, end - start + 1));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;

    /// <summary>The numbers of a "sources" array (numbers, or strings like "2" / "[2]"); non-numbers become -1 (invalid).</summary>
    public static IReadOnlyList<int> Sources(JsonElement element, string name = "sources")
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var numbers = new List<int>();
        foreach (var entry in value.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Number && entry.TryGetInt32(out var n))
            {
                numbers.Add(n);
            }
            else if (entry.ValueKind == JsonValueKind.String && int.TryParse(entry.GetString()!.Trim('[', ']', ' '), System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                numbers.Add(parsed);
            }
            else
            {
                numbers.Add(-1);
            }
        }

        return numbers;
    }

    /// <summary>Every http(s) address written in a text (a model may paste one it was not given).</summary>
    public static IReadOnlyList<string> Links(string text) =>
        [.. LinkPattern().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ')', ']', ';', ':', '>', '"', '\''))];

    [GeneratedRegex(@"https?://[^\s<>""'\]\)]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();
}
