using System.Text;
using Modelwatch.Core.Evals;

namespace Modelwatch.Import.Evals;

/// <summary>
/// Reads a prompt set from CSV or JSON Lines, told apart by content (a first non-blank character <c>{</c> is JSON
/// Lines), never by the name: uploads arrive as <c>prompts.txt</c> as often as not. The whole file is checked before
/// anything is returned, so a bad line means no prompts at all, and the error names file, line and field.
/// <para>
/// CSV (RFC 4180, quoted fields may span lines): a header with <c>prompt</c>, <c>text</c> or <c>question</c>; optional
/// <c>id</c>, <c>tags</c> (separated by <c>;</c> or <c>|</c>), <c>category</c> (one more tag) and <c>reference</c>.
/// JSON Lines: one object per line with <c>prompt</c> or <c>text</c>, or Arena-Hard's <c>turns[0].content</c>;
/// <c>id</c>, <c>question_id</c> or <c>uid</c>; <c>tags</c> (array or separated string) and <c>category</c>; <c>reference</c>.
/// A prompt without an id is keyed by the line it starts on.
/// </para>
/// </summary>
public static class PromptSetReader
{
    /// <summary>Largest file read (a prompt set is prompts, not a corpus).</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <exception cref="PromptSetFileException">The file is not a prompt set; the message names file, line and field.</exception>
    public static IReadOnlyList<PromptRecord> Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var name = string.IsNullOrWhiteSpace(fileName) ? "(upload)" : Path.GetFileName(fileName);
        var text = Decode(stream, name);
        var first = text.AsSpan().TrimStart();
        if (first.IsEmpty)
        {
            throw new PromptSetFileException(name, 1, null, "the file is empty; expected a CSV header or JSON Lines objects");
        }

        var records = first[0] switch
        {
            '{' => JsonLinesPrompts.Read(text, name),
            '[' => throw new PromptSetFileException(name, LineOf(text, text.IndexOf('[', StringComparison.Ordinal)), null,
                "the file is a JSON array; expected JSON Lines (one object per line) or CSV"),
            _ => CsvPrompts.Read(text, name),
        };
        return records.Count == 0
            ? throw new PromptSetFileException(name, 1, null, "the file holds no prompts; expected at least one prompt (after the header, for CSV)")
            : records;
    }

    /// <summary>Checks a key and the set's uniqueness; shared by both formats.</summary>
    internal static string Key(string? given, long line, HashSet<string> seen, Dictionary<string, long> lines, string file, string field)
    {
        var key = string.IsNullOrWhiteSpace(given) ? line.ToString(System.Globalization.CultureInfo.InvariantCulture) : given.Trim();
        if (key.Length > PromptKeyMaxLength)
        {
            throw new PromptSetFileException(file, line, field, $"the id is {key.Length} characters long; expected at most {PromptKeyMaxLength}");
        }

        if (!seen.Add(key))
        {
            throw new PromptSetFileException(file, line, field, $"the id \"{key}\" was used already on line {lines[key]}; expected every prompt to have its own id");
        }

        lines[key] = line;
        return key;
    }

    /// <summary>Tags from a <c>;</c>- or <c>|</c>-separated string.</summary>
    internal static IEnumerable<string> SplitTags(string? tags) =>
        string.IsNullOrWhiteSpace(tags) ? [] : tags.Split([';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>1-based line of a character offset.</summary>
    internal static long LineOf(string text, int offset)
    {
        long line = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    // The prompt table's key column length (EvalPrompt.MaxKeyLength); Import does not reference Data.
    private const int PromptKeyMaxLength = 128;

    private static string Decode(Stream stream, string name)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        if (buffer.Length > MaxBytes)
        {
            throw new PromptSetFileException(name, 0, null, $"the file is {buffer.Length:N0} bytes; expected at most {MaxBytes:N0}");
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var start = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[start..]);
        }
        catch (DecoderFallbackException e)
        {
            var at = Math.Clamp(e.Index, 0, bytes.Length - start);
            var line = 1 + bytes.Slice(start, at).Count((byte)'\n');
            throw new PromptSetFileException(name, line, null, "the text is not UTF-8; expected a UTF-8 file (save it as UTF-8 and upload it again)");
        }
    }
}
