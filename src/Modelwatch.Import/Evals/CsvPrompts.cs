using System.Text;
using Modelwatch.Core.Evals;

namespace Modelwatch.Import.Evals;

/// <summary>CSV prompt files: RFC 4180 records (quoted fields may hold commas, quotes and line breaks), a header first.</summary>
internal static class CsvPrompts
{
    private static readonly string[] TextColumns = ["prompt", "text", "question"];

    public static IReadOnlyList<PromptRecord> Read(string text, string file)
    {
        using var records = Records(text, file).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new PromptSetFileException(file, 1, null, "the file has no header; expected a first line naming the columns (prompt, id, tags, …)");
        }

        var (headerLine, header) = records.Current;
        var columns = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var textColumn = TextColumns.Select(c => columns.IndexOf(c)).FirstOrDefault(i => i >= 0, -1);
        if (textColumn < 0)
        {
            throw new PromptSetFileException(file, headerLine, "prompt",
                $"the header has no prompt column (it has: {string.Join(", ", columns)}); expected a column named prompt, text or question");
        }

        var textName = columns[textColumn];
        var id = columns.IndexOf("id");
        var tags = columns.IndexOf("tags");
        var category = columns.IndexOf("category");
        var reference = columns.IndexOf("reference");
        var result = new List<PromptRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keyLines = new Dictionary<string, long>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]))
            {
                continue;
            }

            if (fields.Count != columns.Count)
            {
                throw new PromptSetFileException(file, line, null,
                    $"the record has {fields.Count} fields; expected {columns.Count} as in the header (quote fields that hold commas)");
            }

            var prompt = fields[textColumn];
            if (string.IsNullOrWhiteSpace(prompt))
            {
                throw new PromptSetFileException(file, line, textName, "the prompt is empty; expected the text to send to the models");
            }

            var key = PromptSetReader.Key(id >= 0 ? fields[id] : null, line, seen, keyLines, file, "id");
            var tagList = PromptRecord.NormaliseTags(PromptSetReader.SplitTags(tags >= 0 ? fields[tags] : null).Append(category >= 0 ? fields[category] : null));
            var referenceText = reference >= 0 && !string.IsNullOrWhiteSpace(fields[reference]) ? fields[reference] : null;
            result.Add(new PromptRecord(key, prompt, referenceText, tagList));
        }

        return result;
    }

    /// <summary>Each record with the line it starts on.</summary>
    private static IEnumerable<(long Line, List<string> Fields)> Records(string text, string file)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        long line = 1, recordLine = 1, quoteLine = 0;
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    quoteLine = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return (recordLine, fields);
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        if (quoted)
        {
            throw new PromptSetFileException(file, quoteLine, null, "a quoted field is never closed; expected a closing \" (write a quote inside a field as \"\")");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields);
        }
    }
}
