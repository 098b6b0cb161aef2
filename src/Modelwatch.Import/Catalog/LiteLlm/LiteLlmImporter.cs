using System.Text.Json;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog.LiteLlm;

/// <summary>
/// Reads LiteLLM's <c>model_prices_and_context_window.json</c>: one <see cref="SourceOffering"/> per call string
/// (<c>"eu.anthropic.claude-sonnet-4-5-20250929-v1:0"</c>), with its provider, mode, limits and prices per million
/// tokens. <c>last_updated</c> (added by the mirror the fixture comes from) becomes the batch's version;
/// <c>sample_spec</c> (the schema's documentation) and <c>fallback_generalizations</c> (routing rules) are skipped.
/// </summary>
/// <remarks>
/// No <see cref="SourceModel"/>s: a key is a call string at one provider, not a model. Its <c>supports_*</c> flags
/// say what LiteLLM's adapter for that route supports (Bedrock, Vertex and the lab's API differ for one model), and
/// one model appears under up to 20 keys; stating them as facts of the model would give it many, sometimes
/// contradictory, facts from one source. The lab's facts come from models.dev; LiteLLM is the price source.
/// See <see cref="LiteLlmEntry"/> for the limits and <see cref="LiteLlmPrices"/> for the prices.
/// </remarks>
public sealed class LiteLlmImporter : ICatalogImporter
{
    /// <summary>The top-level string the mirror adds: when the file was taken.</summary>
    public const string LastUpdatedKey = "last_updated";

    /// <summary>Top-level objects that are not call strings.</summary>
    public static IReadOnlySet<string> NonModelKeys { get; } = new HashSet<string>(StringComparer.Ordinal) { "sample_spec", "fallback_generalizations" };

    public string Source => CatalogSources.LiteLlm;

    public CatalogBatch Read(CatalogInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var document = CatalogJson.Parse(input, ct);
        CatalogJson.RequireRoot(document, JsonValueKind.Object, input, "an object of call strings");

        var problems = new RecordProblems();
        var offerings = new List<SourceOffering>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? version = null;
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            ct.ThrowIfCancellationRequested();
            var location = CatalogJson.Key(entry.Name);
            if (entry.Name == LastUpdatedKey)
            {
                version = JsonValues.Text(entry.Value, location, problems);
                continue;
            }

            if (NonModelKeys.Contains(entry.Name))
            {
                continue;
            }

            if (entry.Value.ValueKind != JsonValueKind.Object)
            {
                problems.Unexpected(location, "an object describing the call string", entry.Value);
                continue;
            }

            if (!seen.Add(entry.Name))
            {
                problems.Bad(location, "the key appears twice; the first entry is kept");
                continue;
            }

            if (LiteLlmEntry.Read(entry.Name, entry.Value, problems) is { } offering)
            {
                offerings.Add(offering);
            }
        }

        return new CatalogBatch(Source, input.Location)
        {
            SourceVersion = version,
            Offerings = offerings,
            Problems = problems.Items,
        };
    }
}
