using System.Text.Json;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog.Common;

namespace Modelwatch.Import.Catalog.OpenRouter;

/// <summary>One entry of the OpenRouter list as a model and as an offering.</summary>
internal static class OpenRouterRecord
{
    private const string HuggingFace = "https://huggingface.co/";

    /// <param name="fields">The entry.</param>
    /// <param name="externalId">The model's slug (the entry's id, or the base slug of an endpoint variant).</param>
    /// <param name="fromEndpointVariant">True when the entry is <c>slug:free</c> or another endpoint of the model, whose limits are not the model's.</param>
    public static SourceModel Model(JsonFields fields, string externalId, bool fromEndpointVariant)
    {
        var (organisation, displayName) = SplitVendorPrefix(fields.Text("name"), fromEndpointVariant);
        var (licence, weightsUrl) = Weights(fields);
        var architecture = fields.Object("architecture");
        var parameters = fields.Strings("supported_parameters");
        var reasoningObject = fields.Object("reasoning");
        return new SourceModel(externalId)
        {
            Lab = externalId.Contains('/', StringComparison.Ordinal) ? LabSlugs.FromVendor(externalId[..externalId.IndexOf('/', StringComparison.Ordinal)]) : null,
            DisplayName = displayName,
            Organisation = organisation,
            ReleaseDate = Created(fields),
            KnowledgeCutoff = fields.MonthOrDate("knowledge_cutoff"),
            Licence = licence,
            WeightsUrl = weightsUrl,
            ContextWindow = fromEndpointVariant ? null : fields.Int32("context_length"),
            InputModalities = Modalities(architecture, "input_modalities", input: true),
            OutputModalities = Modalities(architecture, "output_modalities", input: false),

            // supported_parameters is the union over the model's providers, so a missing "tools" means none offers it.
            // The older schema has no list at all: unknown, not false.
            Reasoning = parameters is not null
                ? parameters.Contains("reasoning") || parameters.Contains("include_reasoning") || reasoningObject is not null
                : reasoningObject is not null ? true : null,
            ToolCalling = parameters?.Contains("tools"),
        };
    }

    public static SourceOffering Offering(JsonFields fields, string id, string modelRef)
    {
        var topProvider = fields.Object("top_provider");
        return new SourceOffering("openrouter", id, modelRef)
        {
            ContextWindow = fields.Int32("context_length"),
            MaxOutputTokens = topProvider?.Int32("max_completion_tokens"),
            Prices = OpenRouterPricing.Read(fields.Object("pricing")),
        };
    }

    /// <summary>"DeepSeek: DeepSeek V4 Flash" → organisation "DeepSeek", name "DeepSeek V4 Flash"; names without the prefix stay whole.</summary>
    internal static (string? Organisation, string? DisplayName) SplitVendorPrefix(string? name, bool fromEndpointVariant)
    {
        if (name is null)
        {
            return (null, null);
        }

        if (fromEndpointVariant && name.EndsWith(')') && name.LastIndexOf(" (", StringComparison.Ordinal) is var open and > 0)
        {
            name = name[..open]; // "Poolside: Laguna S 2.1 (free)" names the model "Laguna S 2.1"
        }

        var colon = name.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? (name[..colon].Trim(), name[(colon + 2)..].Trim()) : (null, name);
    }

    /// <summary>
    /// <c>hugging_face_id</c>: a repo means open weights at that repo. OpenRouter's convention is that null or ""
    /// means no public weights, so the model is taken as proprietary; that is OpenRouter's reading, ranked below a
    /// lab's own licence by the store's precedence. A response without the field (older schema) says nothing.
    /// </summary>
    private static (LicenceClass?, string?) Weights(JsonFields fields)
    {
        if (!fields.Has("hugging_face_id"))
        {
            return (null, null);
        }

        if (fields.Element.GetProperty("hugging_face_id").ValueKind == JsonValueKind.Null)
        {
            return (LicenceClass.Proprietary, null);
        }

        var repo = fields.String("hugging_face_id")?.Trim();
        if (repo is null)
        {
            return (null, null); // not a string: reported
        }

        if (repo.Length == 0)
        {
            return (LicenceClass.Proprietary, null);
        }

        if (repo.Contains(' ', StringComparison.Ordinal) || repo.Count(c => c == '/') != 1)
        {
            fields.Problem("hugging_face_id", $"is \"{repo}\"; expected a Hugging Face repo \"owner/name\"");
            return (null, null);
        }

        return (LicenceClass.OpenWeights, HuggingFace + repo);
    }

    private static DateOnly? Created(JsonFields fields)
    {
        // created is when OpenRouter listed the model: the release day for new models, later for old ones.
        var created = fields.Int64("created");
        if (created is not { } seconds)
        {
            return null;
        }

        if (seconds is <= 0 or > 253_402_300_799)
        {
            fields.Problem("created", FormattableString.Invariant($"is {seconds}; expected Unix seconds"));
            return null;
        }

        return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
    }

    /// <summary>The newer schema's lists, else the older one's <c>"text+image->text"</c> string; "file" (documents) is stored as "pdf" like other catalogs.</summary>
    private static IReadOnlyList<string>? Modalities(JsonFields? architecture, string listName, bool input)
    {
        if (architecture is null)
        {
            return null;
        }

        var list = architecture.Strings(listName);
        if (list is null)
        {
            var modality = architecture.Text("modality");
            var arrow = modality?.IndexOf("->", StringComparison.Ordinal) ?? -1;
            if (modality is null || arrow < 0)
            {
                if (modality is not null)
                {
                    architecture.Problem("modality", $"is \"{modality}\"; expected \"inputs->outputs\" such as \"text+image->text\"");
                }

                return null;
            }

            list = (input ? modality[..arrow] : modality[(arrow + 2)..]).Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var names = list.Select(m => m.Trim().ToLowerInvariant()).Select(m => m == "file" ? "pdf" : m).Where(m => m.Length > 0).Distinct().ToArray();
        return names.Length > 0 ? names : null;
    }
}
