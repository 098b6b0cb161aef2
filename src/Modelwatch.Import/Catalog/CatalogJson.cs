using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Modelwatch.Import.Catalog;

/// <summary>
/// Shared pieces of the JSON catalog importers: reading a whole source file (they are a few MB at most), JSON paths
/// for <see cref="Core.Catalog.RecordProblem.Location"/>, and short descriptions of unexpected values.
/// </summary>
internal static class CatalogJson
{
    private const int MaxDescribedLength = 60;

    /// <summary>
    /// Parses the file behind <paramref name="input"/>; anything that is not one JSON document becomes a
    /// <see cref="CatalogSourceException"/> naming the file, the line and the byte in that line.
    /// </summary>
    public static JsonDocument Parse(CatalogInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.IsDirectory)
        {
            throw new CatalogSourceException($"{input.Location}: is a directory; expected the source's JSON file.");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(input.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogSourceException($"{input.Location}: cannot be read ({e.Message}).", e);
        }

        ct.ThrowIfCancellationRequested();
        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            // LineNumber and BytePositionInLine are zero-based; people count from one.
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            throw new CatalogSourceException(
                FormattableString.Invariant($"{input.Location}: not valid JSON at line {line}, byte {column} of the line: {Reason(e)}."), e);
        }
    }

    /// <summary>Throws unless the document's root is of <paramref name="kind"/>; <paramref name="what"/> says what the source should hold.</summary>
    public static void RequireRoot(JsonDocument document, JsonValueKind kind, CatalogInput input, string what)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(input);
        if (document.RootElement.ValueKind != kind)
        {
            throw new CatalogSourceException($"{input.Location}: expected {what} at the top level, found {Describe(document.RootElement)}.");
        }
    }

    /// <summary><c>$["key"]</c>: a top-level member, always in brackets (catalog keys are rarely identifiers).</summary>
    public static string Key(string name) => Member("$", name, brackets: true);

    /// <summary><c>parent.name</c>, or <c>parent["odd name"]</c> when the name is not a plain identifier.</summary>
    public static string Member(string parent, string name, bool brackets = false)
    {
        if (!brackets && IsPlainName(name))
        {
            return parent + "." + name;
        }

        var escaped = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            _ = c switch
            {
                '"' => escaped.Append("\\\""),
                '\\' => escaped.Append("\\\\"),
                _ when char.IsControl(c) => escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => escaped.Append(c),
            };
        }

        return parent + "[\"" + escaped + "\"]";
    }

    /// <summary><c>parent[index]</c>.</summary>
    public static string Index(string parent, int index) => FormattableString.Invariant($"{parent}[{index}]");

    /// <summary>What a value is, short enough for a message: strings and numbers as written, containers by kind.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        JsonValueKind.Undefined => "nothing",
        _ => Shorten(value.GetRawText()),
    };

    private static string Shorten(string text) =>
        text.Length <= MaxDescribedLength ? text : string.Concat(text.AsSpan(0, MaxDescribedLength - 1), "…");

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The exception's message without its own position suffix (the caller states the position once).</summary>
    private static string Reason(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
