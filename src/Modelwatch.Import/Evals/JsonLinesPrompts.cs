using System.Globalization;
using System.Text.Json;
using Modelwatch.Core.Evals;

namespace Modelwatch.Import.Evals;

/// <summary>JSON Lines prompt files: one object per line (ours, or Arena-Hard's question.jsonl of v0.1 and v2).</summary>
internal static class JsonLinesPrompts
{
    public static IReadOnlyList<PromptRecord> Read(string text, string file)
    {
        var result = new List<PromptRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keyLines = new Dictionary<string, long>(StringComparer.Ordinal);
        long line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            var content = raw.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(content);
            }
            catch (JsonException e)
            {
                throw new PromptSetFileException(file, line, null, $"the line is not valid JSON ({e.Message.Split(" LineNumber", 2)[0]}); expected one JSON object per line");
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new PromptSetFileException(file, line, null, $"the line holds a JSON {root.ValueKind.ToString().ToLowerInvariant()}; expected an object");
                }

                var prompt = Prompt(root, file, line);
                var (id, idField) = Id(root, file, line);
                var key = PromptSetReader.Key(id, line, seen, keyLines, file, idField);
                var tags = Tags(root, file, line).Append(OptionalString(root, "category", file, line));
                result.Add(new PromptRecord(key, prompt, OptionalString(root, "reference", file, line), PromptRecord.NormaliseTags(tags)));
            }
        }

        return result;
    }

    private static string Prompt(JsonElement root, string file, long line)
    {
        foreach (var name in new[] { "prompt", "text" })
        {
            if (OptionalString(root, name, file, line) is { } value)
            {
                return string.IsNullOrWhiteSpace(value)
                    ? throw new PromptSetFileException(file, line, name, "the prompt is empty; expected the text to send to the models")
                    : value;
            }
        }

        if (root.TryGetProperty("turns", out var turns))
        {
            // Arena-Hard v0.1: "turns": [{"content": "…"}]; with images the content is ["text", [images]].
            var first = turns.ValueKind == JsonValueKind.Array && turns.GetArrayLength() > 0 ? turns[0] : default;
            var content = first.ValueKind == JsonValueKind.Object && first.TryGetProperty("content", out var c) ? c : default;
            var textValue = content.ValueKind switch
            {
                JsonValueKind.String => content.GetString(),
                JsonValueKind.Array when content.GetArrayLength() > 0 && content[0].ValueKind == JsonValueKind.String => content[0].GetString(),
                _ => null,
            };
            return string.IsNullOrWhiteSpace(textValue)
                ? throw new PromptSetFileException(file, line, "turns[0].content", "there is no text in the first turn; expected a string")
                : textValue;
        }

        throw new PromptSetFileException(file, line, "prompt", "the object has no prompt; expected a \"prompt\" or \"text\" string, or Arena-Hard's \"turns\": [{\"content\": …}]");
    }

    private static (string? Id, string Field) Id(JsonElement root, string file, long line)
    {
        foreach (var name in new[] { "id", "question_id", "uid" })
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => (value.GetString(), name),
                JsonValueKind.Number => (value.GetRawText(), name),
                _ => throw new PromptSetFileException(file, line, name, $"the id is a JSON {value.ValueKind.ToString().ToLowerInvariant()}; expected a string or a number"),
            };
        }

        return (null, "id");
    }

    private static IEnumerable<string?> Tags(JsonElement root, string file, long line)
    {
        if (!root.TryGetProperty("tags", out var tags) || tags.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (tags.ValueKind == JsonValueKind.String)
        {
            return PromptSetReader.SplitTags(tags.GetString());
        }

        if (tags.ValueKind != JsonValueKind.Array)
        {
            throw new PromptSetFileException(file, line, "tags", $"the tags are a JSON {tags.ValueKind.ToString().ToLowerInvariant()}; expected an array of strings or a \";\"-separated string");
        }

        var list = new List<string?>();
        var index = 0;
        foreach (var tag in tags.EnumerateArray())
        {
            if (tag.ValueKind != JsonValueKind.String)
            {
                throw new PromptSetFileException(file, line, string.Create(CultureInfo.InvariantCulture, $"tags[{index}]"), $"the tag is a JSON {tag.ValueKind.ToString().ToLowerInvariant()}; expected a string");
            }

            list.Add(tag.GetString());
            index++;
        }

        return list;
    }

    private static string? OptionalString(JsonElement root, string name, string file, long line)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new PromptSetFileException(file, line, name, $"the value is a JSON {value.ValueKind.ToString().ToLowerInvariant()}; expected a string");
    }
}
