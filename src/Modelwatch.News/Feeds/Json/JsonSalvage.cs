using System.Text;
using System.Text.Json;

namespace Modelwatch.News.Feeds.Json;

/// <summary>
/// Reads invalid JSON (a feed cut off mid-download) as far as it goes: the top-level scalar fields and every element of
/// the top-level <c>items</c> / <c>hits</c> array that closed before the break, re-assembled into valid JSON. Also names
/// where the break is, as a JSON path with line and byte.
/// </summary>
internal static class JsonSalvage
{
    public static SalvagedJson Salvage(byte[] utf8)
    {
        var frames = new List<Frame>();
        var scalars = new List<string>();
        var elements = new List<string>();
        string? listName = null;
        long elementStart = -1;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1].Property = reader.GetString();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        CountArrayElement(frames);
                        if (frames.Count == 2 && frames[0].Property is "items" or "hits" && frames[1].IsArray)
                        {
                            elementStart = reader.TokenStartIndex;
                            listName = frames[0].Property;
                        }

                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        if (frames.Count == 2 && elementStart >= 0)
                        {
                            elements.Add(Encoding.UTF8.GetString(utf8, (int)elementStart, (int)(reader.BytesConsumed - elementStart)));
                            elementStart = -1;
                        }

                        break;
                    default:
                        CountArrayElement(frames);
                        if (frames.Count == 1 && frames[0].Property is { } name)
                        {
                            var raw = Encoding.UTF8.GetString(utf8, (int)reader.TokenStartIndex, (int)(reader.BytesConsumed - reader.TokenStartIndex));
                            scalars.Add(JsonSerializer.Serialize(name) + ":" + raw);
                        }

                        break;
                }
            }

            return new SalvagedJson(null, null, null);
        }
        catch (JsonException ex)
        {
            var where = $"{PathOf(frames)} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})";
            var members = new List<string>(scalars);
            if (listName is not null)
            {
                members.Add(JsonSerializer.Serialize(listName) + ":[" + string.Join(",", elements) + "]");
            }

            return new SalvagedJson("{" + string.Join(",", members) + "}", where, ex.Message);
        }
    }

    private static void CountArrayElement(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1].Index++;
        }
    }

    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                path.Append('[').Append(Math.Max(frame.Index, 0).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
            }
            else if (frame.Property is not null)
            {
                path.Append('.').Append(frame.Property);
            }
        }

        return path.ToString();
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Property { get; set; }
    }
}

/// <summary>Valid JSON re-assembled from what was complete (null when the input was valid), where it broke, and the parser's message.</summary>
internal sealed record SalvagedJson(string? Json, string? Where, string? Error);
