using System.Globalization;
using System.Text.Json;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog.ModelsDev;

/// <summary>
/// models.dev's generated <c>api.json</c>: <c>{ "&lt;provider&gt;": { id, name, env, npm, api, doc, models: { "&lt;id&gt;": {…} } } }</c>.
/// Each model there is an offering with its <c>base_model</c> already merged in and removed, so each also gives a
/// <see cref="SourceModel"/> <c>&lt;provider&gt;/&lt;id&gt;</c> for identity matching; lab models and benchmarks are not
/// in it. Locations in problems are paths like <c>api.json openai.models["gpt-5.4"].cost.input</c>.
/// </summary>
internal static class ModelsDevApiJson
{
    private const string ApiJsonName = "api.json";

    public static CatalogBatch Read(string path, string location, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? $" at line {(l + 1).ToString(CultureInfo.InvariantCulture)}" : "";
            throw new CatalogSourceException($"{location}: not valid JSON{line} ({e.Message}); expected models.dev's api.json.", e);
        }
        catch (IOException e)
        {
            throw new CatalogSourceException($"{location}: could not be read ({e.Message}).", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.EnumerateObject().Any())
            {
                throw new CatalogSourceException($"{location}: expected models.dev's api.json, an object of providers by id; found {(root.ValueKind == JsonValueKind.Object ? "an empty object" : root.ValueKind.ToString().ToLowerInvariant())}.");
            }

            var problems = new List<RecordProblem>();
            var models = new List<SourceModel>();
            var offerings = new List<SourceOffering>();
            var providers = new List<SourceProvider>();
            var noLabModels = new Dictionary<string, SourceModel>(StringComparer.Ordinal);
            foreach (var provider in root.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                ct.ThrowIfCancellationRequested();
                var providerPath = JsonPath("", provider.Name);
                if (provider.Value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new RecordProblem($"{ApiJsonName} {providerPath}", $"expected a provider object, found {provider.Value.ValueKind.ToString().ToLowerInvariant()}; skipped."));
                    continue;
                }

                var p = new FieldTable(JsonTables.ToTable(provider.Value), null, ApiJsonName, providerPath, problems);
                providers.Add(ModelsDevRecords.Provider(provider.Name, p));
                if (!provider.Value.TryGetProperty("models", out var modelsElement) || modelsElement.ValueKind != JsonValueKind.Object)
                {
                    p.Problem("models", "expected an object of the provider's models by id; the provider has no offerings here.");
                    continue;
                }

                foreach (var model in modelsElement.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    var modelPath = JsonPath(providerPath + ".models", model.Name);
                    if (model.Value.ValueKind != JsonValueKind.Object)
                    {
                        problems.Add(new RecordProblem($"{ApiJsonName} {modelPath}", $"expected a model object, found {model.Value.ValueKind.ToString().ToLowerInvariant()}; skipped."));
                        continue;
                    }

                    var t = new FieldTable(JsonTables.ToTable(model.Value), null, ApiJsonName, modelPath, problems);
                    offerings.Add(ModelsDevRecords.Offering(provider.Name, model.Name, t, noLabModels));
                    models.Add(ModelsDevRecords.ProviderModel(provider.Name, model.Name, t));
                }
            }

            return new CatalogBatch(CatalogSources.ModelsDev, location)
            {
                Models = models,
                Offerings = offerings,
                Providers = providers,
                Problems = ModelsDevImporter.Sorted(problems),
            };
        }
    }

    /// <summary>A readable path into api.json: plain keys dotted, others (with dots, slashes, quotes) in brackets.</summary>
    private static string JsonPath(string parent, string key)
    {
        var plain = key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
        var step = plain ? key : $"[\"{key.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";
        return parent.Length == 0 ? step : plain ? $"{parent}.{step}" : parent + step;
    }
}
