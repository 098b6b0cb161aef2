using System.Text.Json;
using System.Text.Json.Serialization;

namespace Modelwatch.Core.Advisor.Parsing;

/// <summary>
/// The advisor's JSON, the same from <c>GET /api/advisor</c> and <c>modelwatch advise --format json</c>: camelCase
/// names and enums as their names (<c>"useCase": "Coding"</c>, <c>"kind": "HigherPrice"</c>), so a script can read it
/// without the enum's numbering.
/// </summary>
public static class AdvisorJson
{
    /// <summary>The serializer options for advisor results and requests.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same, indented, for people reading the CLI's output.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = indented };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
