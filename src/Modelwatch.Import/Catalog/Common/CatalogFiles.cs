using System.Text.Json;
using Modelwatch.Import.Votes;

namespace Modelwatch.Import.Catalog.Common;

/// <summary>Opening a catalog file; anything that keeps it from being read at all is a <see cref="CatalogSourceException"/> naming it.</summary>
internal static class CatalogFiles
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>The file behind <paramref name="input"/>; a directory is an error for sources that are one file.</summary>
    public static string RequireFile(CatalogInput input, string expected)
    {
        if (input.IsDirectory)
        {
            throw new CatalogSourceException($"{input.Location}: is a directory; expected {expected}.");
        }

        return input.Path;
    }

    /// <summary>How messages name the input: a URL in full, a local file by its name.</summary>
    public static string ShownName(CatalogInput input) =>
        input.Location.Contains("://", StringComparison.Ordinal) ? input.Location : Path.GetFileName(input.Location.TrimEnd('/', '\\'));

    /// <summary>Parses a whole JSON file; a syntax error names the file, line and byte.</summary>
    public static JsonDocument ReadJson(string path, string shownAs)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonDocument.Parse(stream, Options);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? FormattableString.Invariant($":{l + 1}") : "";
            throw new CatalogSourceException($"{shownAs}{line}: not valid JSON ({JsonErrors.Describe(e)}).", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogSourceException($"{shownAs}: could not be read ({e.Message}).", e);
        }
    }

    /// <summary>Parses JSON held in memory (a member of an archive).</summary>
    public static JsonDocument ReadJson(ReadOnlyMemory<byte> bytes, string shownAs)
    {
        try
        {
            return JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? FormattableString.Invariant($":{l + 1}") : "";
            throw new CatalogSourceException($"{shownAs}{line}: not valid JSON ({JsonErrors.Describe(e)}).", e);
        }
    }
}
