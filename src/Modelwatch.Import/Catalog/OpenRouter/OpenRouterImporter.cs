using System.Text.Json;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog.Common;

namespace Modelwatch.Import.Catalog.OpenRouter;

/// <summary>
/// Reads OpenRouter's <c>GET /api/v1/models</c> response, of either schema generation: the older one (2024 to early
/// 2025: <c>architecture.modality</c> as one string, no <c>hugging_face_id</c>, <c>canonical_slug</c> or
/// <c>supported_parameters</c>) and the newer one (input/output modality lists, <c>supported_parameters</c>,
/// <c>reasoning</c>, <c>benchmarks</c>, <c>alias_target</c>, <c>knowledge_cutoff</c>). A field the older schema does
/// not have reads as unknown, never as "no".
/// </summary>
/// <remarks>
/// Each listed model gives a <see cref="SourceModel"/> and an <see cref="SourceOffering"/> at provider
/// <c>openrouter</c>. Entries that are not models of their own give an offering only:
/// <list type="bullet">
/// <item>an alias (<c>~x-ai/grok-latest</c> with <c>alias_target</c>): its offering's ModelRef is the target's slug,
/// because what it serves is the target model today (and another one tomorrow); taking its name and limits as facts
/// of a model would make "Grok Latest" a model;</item>
/// <item>an endpoint variant (<c>vendor/slug:free</c>, <c>:beta</c>, <c>:extended</c>, <c>:nitro</c>, …): the same
/// model at other prices and limits, so an offering of the base slug. When the base slug is not listed, the model
/// comes from the variant's record, without its context window (the free endpoint's limit, not the model's);</item>
/// <item>OpenRouter's own routers (<c>openrouter/auto</c>): not a model.</item>
/// </list>
/// </remarks>
public sealed class OpenRouterImporter(TimeProvider time, OpenRouterImportOptions? options = null) : ICatalogImporter
{
    /// <summary>The live address of the source.</summary>
    public const string LiveUrl = "https://openrouter.ai/api/v1/models";

    private const string Provider = "openrouter";

    // Suffixes that name an OpenRouter endpoint or routing choice for the same model, not another model.
    private static readonly HashSet<string> EndpointSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "free", "beta", "extended", "nitro", "floor", "online", "exacto",
    };

    public OpenRouterImporter()
        : this(TimeProvider.System)
    {
    }

    public string Source => CatalogSources.OpenRouter;

    public CatalogBatch Read(CatalogInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var path = CatalogFiles.RequireFile(input, "the JSON of OpenRouter's /api/v1/models");
        var file = CatalogFiles.ShownName(input);
        using var document = CatalogFiles.ReadJson(path, file);
        var data = DataArray(document.RootElement, file);

        var stated = options?.RetrievedOn ?? FileNameDate.Find(path);
        var asOf = stated ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var problems = new List<RecordProblem>();
        var records = Records(data, file, problems, ct);
        var listed = records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

        var models = new List<SourceModel>();
        var offerings = new List<SourceOffering>();
        var scores = new List<SourceBenchmarkScore>();
        var entries = new List<SourceLeaderboardEntry>();
        var modelled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, fields) in records)
        {
            ct.ThrowIfCancellationRequested();
            var aliasTarget = AliasTarget(fields);
            var (baseId, suffix) = SplitEndpoint(id);
            var modelRef = aliasTarget ?? baseId;
            offerings.Add(OpenRouterRecord.Offering(fields, id, modelRef));

            var isModel = aliasTarget is null && !IsRouter(id) && (suffix is null || !listed.Contains(baseId));
            if (!isModel || !modelled.Add(baseId))
            {
                continue;
            }

            models.Add(OpenRouterRecord.Model(fields, baseId, fromEndpointVariant: suffix is not null));
            OpenRouterBenchmarks.Read(fields, baseId, asOf, scores, entries);
        }

        return new CatalogBatch(Source, input.Location)
        {
            SourceVersion = ModelFields.Format(stated),
            Models = models,
            Offerings = offerings,
            BenchmarkScores = scores,
            LeaderboardEntries = entries,
            Problems = problems,
        };
    }

    private static JsonElement DataArray(JsonElement root, string file)
    {
        // The API answers {"data": [...]}; saved copies are sometimes the bare array.
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
        {
            return data;
        }

        throw new CatalogSourceException($"{file}: not an OpenRouter model list; expected an object with a \"data\" array (or the array itself), found {JsonFields.Describe(root)}.");
    }

    private static List<(string Id, JsonFields Fields)> Records(JsonElement data, string file, List<RecordProblem> problems, CancellationToken ct)
    {
        var records = new List<(string, JsonFields)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in data.EnumerateArray())
        {
            ct.ThrowIfCancellationRequested();
            var location = FormattableString.Invariant($"{file} $.data[{index++}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new RecordProblem(location, $"is {JsonFields.Describe(item)}; expected a model object."));
                continue;
            }

            var id = item.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString()!.Trim() : "";
            if (id.Length == 0)
            {
                var found = item.TryGetProperty("id", out idValue) ? JsonFields.Describe(idValue) : "missing";
                problems.Add(new RecordProblem($"{location}.id", $"model id is {found}; expected a string \"vendor/slug\". The record is skipped."));
                continue;
            }

            if (!seen.Add(id))
            {
                problems.Add(new RecordProblem($"{location}.id", $"model \"{id}\" is listed a second time; the first listing is kept."));
                continue;
            }

            records.Add((id, new JsonFields(item, location, $"model \"{id}\"", problems)));
        }

        return records;
    }

    private static string? AliasTarget(JsonFields fields)
    {
        var target = fields.Object("alias_target");
        if (target is null)
        {
            return null;
        }

        var slug = target.Text("slug");
        if (slug is null)
        {
            target.Problem("slug", "is missing; expected the slug of the model the alias points to (the alias is kept as its own id)");
        }

        return slug;
    }

    private static (string BaseId, string? Suffix) SplitEndpoint(string id)
    {
        var colon = id.LastIndexOf(':');
        if (colon > 0 && EndpointSuffixes.Contains(id[(colon + 1)..]))
        {
            return (id[..colon], id[(colon + 1)..]);
        }

        return (id, null);
    }

    private static bool IsRouter(string id) => id.StartsWith("openrouter/", StringComparison.OrdinalIgnoreCase);
}
