using System.Text.Json;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog.GenAiPrices;

/// <summary>
/// Reads pydantic's genai-prices <c>prices/data.json</c>: an array of providers, each with <c>models</c>. Every model
/// gives three records under the reference <c>&lt;provider&gt;/&lt;model id&gt;</c>:
/// <list type="bullet">
/// <item>a <see cref="SourceModel"/>: display name, context window, a lab hint (<see cref="GenAiPricesLabs"/>), and
/// status Deprecated when <c>deprecated</c> is true (absent says nothing);</item>
/// <item>a <see cref="SourceOffering"/>: the provider's id, the context window, and the dated price periods
/// (<see cref="GenAiPricesPeriods"/>);</item>
/// <item>a <see cref="SourceMatchRule"/>: the model's <c>match</c> tree (<see cref="GenAiPricesMatch"/>), which says
/// which ids people call the model by.</item>
/// </list>
/// A model with an unreadable field gives none of the three; the read goes on.
/// </summary>
public sealed class GenAiPricesImporter : ICatalogImporter
{
    public string Source => CatalogSources.GenAiPrices;

    public CatalogBatch Read(CatalogInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var document = CatalogJson.Parse(input, ct);
        CatalogJson.RequireRoot(document, JsonValueKind.Array, input, "an array of providers");

        var problems = new RecordProblems();
        var providers = ReadProviders(document.RootElement, problems);
        var labs = new GenAiPricesLabs();
        foreach (var provider in providers.Where(p => p.ModelMatch is not null))
        {
            labs.AddModelMatch(provider.Id, provider.ModelMatch!);
        }

        var models = new List<SourceModel>();
        var offerings = new List<SourceOffering>();
        var rules = new List<SourceMatchRule>();
        foreach (var provider in providers)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var model in provider.Models.EnumerateArray())
            {
                ct.ThrowIfCancellationRequested();
                var path = CatalogJson.Index(CatalogJson.Member(provider.Path, "models"), index++);
                if (ReadModel(provider.Id, model, path, labs, problems) is not { } read)
                {
                    continue;
                }

                if (!seen.Add(read.Offering.ProviderModelId))
                {
                    problems.Bad(CatalogJson.Member(path, "id"), $"“{read.Offering.ProviderModelId}” appears twice in {provider.Id}; the first is kept");
                    continue;
                }

                models.Add(read.Model);
                offerings.Add(read.Offering);
                rules.Add(read.Rule);
            }
        }

        return new CatalogBatch(Source, input.Location)
        {
            Models = models,
            Offerings = offerings,
            MatchRules = rules,
            Problems = problems.Items,
        };
    }

    private static List<Provider> ReadProviders(JsonElement root, RecordProblems problems)
    {
        var providers = new List<Provider>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            var path = CatalogJson.Index("$", index++);
            if (element.ValueKind != JsonValueKind.Object)
            {
                problems.Unexpected(path, "a provider object", element);
                continue;
            }

            string? id = null;
            if (element.TryGetProperty("id", out var idValue))
            {
                id = JsonValues.Id(idValue, CatalogJson.Member(path, "id"), problems);
            }
            else
            {
                problems.Bad(CatalogJson.Member(path, "id"), "missing; the provider's models are skipped");
            }

            if (id is null)
            {
                continue;
            }

            if (!element.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Array)
            {
                problems.Unexpected(CatalogJson.Member(path, "models"), "an array of models", models);
                continue;
            }

            if (!seen.Add(id))
            {
                problems.Bad(CatalogJson.Member(path, "id"), $"provider “{id}” appears twice; the first is kept");
                continue;
            }

            // A bad provider-level rule only costs the lab hints; the models are still read.
            var modelMatch = JsonValues.TryMember(element, "model_match", out var matchValue)
                ? GenAiPricesMatch.Read(matchValue, CatalogJson.Member(path, "model_match"), problems)
                : null;
            providers.Add(new Provider(id, path, models, modelMatch));
        }

        return providers;
    }

    private static ModelRecords? ReadModel(string provider, JsonElement model, string path, GenAiPricesLabs labs, RecordProblems problems)
    {
        if (model.ValueKind != JsonValueKind.Object)
        {
            problems.Unexpected(path, "a model object", model);
            return null;
        }

        var errorsBefore = problems.Errors;
        var id = Required(model, path, "id", problems, (v, l) => JsonValues.Id(v, l, problems));
        var name = Optional(model, path, "name", (v, l) => JsonValues.Text(v, l, problems));
        var window = Optional(model, path, "context_window", (v, l) => JsonValues.TokenCount(v, l, problems));
        var deprecated = Optional(model, path, "deprecated", (v, l) => JsonValues.Boolean(v, l, problems));
        var rule = Required(model, path, "match", problems, (v, l) => GenAiPricesMatch.Read(v, l, problems));
        var periods = Required(model, path, "prices", problems, (v, l) => GenAiPricesPeriods.Read(v, l, problems));
        if (problems.Errors > errorsBefore || id is null || rule is null || periods is null)
        {
            return null;
        }

        var modelRef = $"{provider}/{id}";
        return new ModelRecords(
            new SourceModel(modelRef)
            {
                DisplayName = string.IsNullOrWhiteSpace(name) ? null : name,
                ContextWindow = window,
                Lab = labs.LabOf(provider, id),
                Status = deprecated == true ? ModelStatus.Deprecated : null,
            },
            new SourceOffering(provider, id, modelRef) { ContextWindow = window, Prices = periods },
            new SourceMatchRule(modelRef, rule));
    }

    private static T? Required<T>(JsonElement model, string path, string name, RecordProblems problems, Func<JsonElement, string, T?> read)
        where T : class
    {
        var location = CatalogJson.Member(path, name);
        if (JsonValues.TryMember(model, name, out var value))
        {
            return read(value, location);
        }

        problems.Bad(location, "missing");
        return null;
    }

    private static T? Optional<T>(JsonElement model, string path, string name, Func<JsonElement, string, T?> read) =>
        JsonValues.TryMember(model, name, out var value) ? read(value, CatalogJson.Member(path, name)) : default;

    private sealed record Provider(string Id, string Path, JsonElement Models, MatchRule? ModelMatch);

    private sealed record ModelRecords(SourceModel Model, SourceOffering Offering, SourceMatchRule Rule);
}
