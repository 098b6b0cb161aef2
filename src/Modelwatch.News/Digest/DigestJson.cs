using System.Text.Json;
using System.Text.Json.Serialization;
using Modelwatch.Core.News.Digest;

namespace Modelwatch.News.Digest;

/// <summary>The composed digest as stored in <c>NewsDigest.ContentJson</c> (and served by the API).</summary>
public static class DigestJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static string Serialize(DigestDocument digest) => JsonSerializer.Serialize(digest, Options);

    /// <summary>Reads a stored digest back; a row that does not hold one is an error naming the row.</summary>
    public static DigestDocument Deserialize(string json, long id) =>
        JsonSerializer.Deserialize<DigestDocument>(json, Options)
        ?? throw new InvalidDataException($"NewsDigests row {id}: ContentJson holds no digest.");
}
