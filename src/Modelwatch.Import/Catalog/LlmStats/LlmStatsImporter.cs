using System.Text.Json;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog.Common;

namespace Modelwatch.Import.Catalog.LlmStats;

/// <summary>
/// Reads the LLMStats JSON tree (directory, .tar or .tar.gz): <c>models/&lt;org&gt;/&lt;id&gt;/model.json</c> gives a
/// model (external id <c>&lt;org&gt;/&lt;id&gt;</c>) and its benchmark scores; <c>providers/&lt;p&gt;/provider.json</c>
/// gives offerings with per-token prices dated by <c>updated_at</c>.
/// </summary>
/// <remarks>
/// <para>Benchmark scores are kept as LLMStats gives them: mostly normalised to 0–1 by LLMStats (a few are on the
/// benchmark's own scale, e.g. MT-Bench 8.99), <c>analysis_method</c> as the metric, with the self-reported flag and
/// source link. A model.json that is not valid JSON is one bad record, not a broken source.</para>
/// <para>LLMStats has no active-parameter or architecture field; only ids that state both sizes
/// (<c>qwen3-235b-a22b</c>: 22B active) or say <c>moe</c> are marked mixture-of-experts. Not kept, for want of a
/// place: training tokens, the multimodal flag (it does not say which modalities), web access, the variant and
/// fine-tune links between models, and the paper, API and playground links.</para>
/// <para>Offerings: LLMStats names a model by its own id at every provider, not by the provider's API id, so the
/// offering's provider model id is that LLMStats id; throughput and latency are not kept.</para>
/// </remarks>
public sealed class LlmStatsImporter : ICatalogImporter
{
    // LLMStats' provider folders under the slugs models.dev uses for the same providers.
    private static readonly Dictionary<string, string> ProviderSlugs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bedrock"] = "amazon-bedrock",
        ["together"] = "togetherai",
        ["fireworks"] = "fireworks-ai",
        ["novita"] = "novita-ai",
    };

    public string Source => CatalogSources.LlmStats;

    public CatalogBatch Read(CatalogInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var shownAs = CatalogFiles.ShownName(input);
        var files = LlmStatsTree.Read(input, shownAs, ct);
        var modelFiles = files.Where(f => f.Path.EndsWith("/model.json", StringComparison.Ordinal)).ToList();
        if (modelFiles.Count == 0)
        {
            throw new CatalogSourceException($"{shownAs}: no models/<org>/<id>/model.json inside; expected the LLMStats JSON tree.");
        }

        var problems = new List<RecordProblem>();
        var models = new List<SourceModel>();
        var scores = new List<SourceBenchmarkScore>();
        foreach (var file in modelFiles)
        {
            ct.ThrowIfCancellationRequested();
            var parts = file.Path.Split('/');
            var externalId = $"{parts[1]}/{parts[2]}";
            if (Parse(file, problems) is not { } document)
            {
                continue;
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new RecordProblem(file.Path, $"model \"{externalId}\" is {JsonFields.Describe(document.RootElement)}; expected an object. The model is skipped."));
                    continue;
                }

                var fields = new JsonFields(document.RootElement, $"{file.Path} $", $"model \"{externalId}\"", problems);
                models.Add(LlmStatsModel.Read(fields, parts[1], parts[2]));
                LlmStatsModel.Scores(fields, externalId, scores);
            }
        }

        // Offerings name models by the bare LLMStats id; the tree's folders say which org it is under.
        var byId = models.GroupBy(m => m.ExternalId[(m.ExternalId.IndexOf('/', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().ExternalId, StringComparer.Ordinal);
        var offerings = new List<SourceOffering>();
        foreach (var file in files.Where(f => f.Path.EndsWith("/provider.json", StringComparison.Ordinal)))
        {
            ct.ThrowIfCancellationRequested();
            if (Parse(file, problems) is not { } document)
            {
                continue;
            }

            using (document)
            {
                var folder = file.Path.Split('/')[1];
                offerings.AddRange(Offerings(document.RootElement, file.Path, ProviderSlugs.GetValueOrDefault(folder) ?? folder.ToLowerInvariant(), byId, problems));
            }
        }

        return new CatalogBatch(Source, input.Location) { Models = models, Offerings = offerings, BenchmarkScores = scores, Problems = problems };
    }

    private static JsonDocument? Parse(TreeFile file, List<RecordProblem> problems)
    {
        try
        {
            return CatalogFiles.ReadJson(file.Bytes, file.Path);
        }
        catch (CatalogSourceException e)
        {
            // One broken file in a tree is one bad record: the rest of the tree still imports.
            problems.Add(new RecordProblem(file.Path, e.Message + " The file is skipped."));
            return null;
        }
    }

    private static List<SourceOffering> Offerings(JsonElement root, string path, string provider, Dictionary<string, string> byId, List<RecordProblem> problems)
    {
        var offerings = new List<SourceOffering>();
        var fields = root.ValueKind == JsonValueKind.Object ? new JsonFields(root, $"{path} $", $"provider \"{provider}\"", problems) : null;
        if (fields?.Array("providermodels") is not { } list)
        {
            problems.Add(new RecordProblem(path, $"provider \"{provider}\" has no providermodels array; expected {{name, website, providermodels: [...]}}. The file is skipped."));
            return offerings;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var location = FormattableString.Invariant($"{path} $.providermodels[{index++}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new RecordProblem(location, $"is {JsonFields.Describe(item)}; expected {{model_id, price_per_input_token, …}}. The entry is skipped."));
                continue;
            }

            var id = new JsonFields(item, location, $"provider \"{provider}\" entry", problems).Text("model_id");
            if (id is null)
            {
                problems.Add(new RecordProblem($"{location}.model_id", $"provider \"{provider}\" entry has no model_id; expected the LLMStats id of the model. The entry is skipped."));
                continue;
            }

            var entry = new JsonFields(item, location, $"\"{id}\" at provider \"{provider}\"", problems);
            var prices = new TokenPrices { Input = PerToken(entry, "price_per_input_token"), Output = PerToken(entry, "price_per_output_token") };
            offerings.Add(new SourceOffering(provider, id, byId.GetValueOrDefault(id) ?? id)
            {
                Prices = prices.Input is null && prices.Output is null ? [] : [new PricePeriod(entry.Date("updated_at"), prices)],
            });
        }

        return offerings;
    }

    private static decimal? PerToken(JsonFields entry, string name)
    {
        if (entry.Decimal(name) is not { } perToken)
        {
            return null;
        }

        if (perToken < 0)
        {
            entry.Problem(name, "is negative; expected a price per token of 0 or more");
            return null;
        }

        return PerMillion.FromPerToken(perToken);
    }
}
