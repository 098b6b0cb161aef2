using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog.ModelsDev;

/// <summary>
/// Turns models.dev records (lab models, provider offerings, provider files) into source records. Field names
/// follow models.dev's schema (<c>packages/core/src/schema.ts</c> and its AGENTS guide): lab files hold the facts,
/// provider files hold prices and only what differs from their <c>base_model</c>.
/// </summary>
internal static class ModelsDevRecords
{
    /// <summary>A lab model, <c>models/&lt;lab&gt;/&lt;id&gt;.toml</c>: the canonical namespace itself.</summary>
    public static SourceModel LabModel(string lab, string id, FieldTable t)
    {
        var canonical = $"{lab}/{id}";
        return WithFacts(new SourceModel(canonical) { CanonicalId = canonical, Lab = lab }, t);
    }

    /// <summary>The model an offering without <c>base_model</c> describes: its own facts, under <c>&lt;provider&gt;/&lt;id&gt;</c>.</summary>
    public static SourceModel ProviderModel(string provider, string id, FieldTable t) =>
        WithFacts(new SourceModel($"{provider}/{id}") { Lab = FirstPartyProviders.LabOf(provider) }, t);

    /// <summary>
    /// An offering, <c>providers/&lt;p&gt;/models/&lt;id&gt;.toml</c> (or one model of <c>api.json</c>). Limits are the
    /// offering's own merged over its base model's, as models.dev's generator merges them, less <c>base_model_omit</c>.
    /// </summary>
    /// <param name="provider">The provider's slug.</param>
    /// <param name="id">The provider's model id (the path under <c>models/</c>, may hold <c>/</c>).</param>
    /// <param name="t">The record.</param>
    /// <param name="labModels">Lab models by canonical id, to check <c>base_model</c> and inherit limits.</param>
    public static SourceOffering Offering(string provider, string id, FieldTable t, IReadOnlyDictionary<string, SourceModel> labModels)
    {
        var baseModel = BaseModel(t, labModels, out var lab);
        var omitted = t.Strings("base_model_omit") ?? [];
        var limit = t.Table("limit");
        return new SourceOffering(provider, id, baseModel ?? $"{provider}/{id}")
        {
            CanonicalId = lab?.CanonicalId,
            ContextWindow = Limit(limit, "context", lab?.ContextWindow, omitted),
            MaxInputTokens = Limit(limit, "input", lab?.MaxInputTokens, omitted),
            MaxOutputTokens = Limit(limit, "output", lab?.MaxOutputTokens, omitted),
            Prices = ModelsDevPrices.Read(t.Table("cost")) is { } prices ? [new PricePeriod(null, prices)] : [],
            ReasoningEfforts = ReasoningEfforts(t),
        };
    }

    /// <summary>A lab model's <c>[[benchmarks]]</c>; an entry without a name or a score is reported and skipped.</summary>
    public static IEnumerable<SourceBenchmarkScore> Benchmarks(string canonicalId, FieldTable t)
    {
        foreach (var b in t.Tables("benchmarks"))
        {
            var name = b.String("name");
            var score = b.Number("score");
            if (name is null || score is null)
            {
                if (name is null && !b.Has("name"))
                {
                    b.Problem("name", "expected the benchmark's name; the entry was skipped.");
                }

                if (score is null && !b.Has("score"))
                {
                    b.Problem("score", "expected the benchmark's score; the entry was skipped.");
                }

                continue;
            }

            yield return new SourceBenchmarkScore(canonicalId, BenchmarkName(name, b.String("version"), b.String("dataset")), score.Value)
            {
                CanonicalId = canonicalId,
                Variant = JoinNonEmpty(b.String("variant"), b.String("harness")),
                Metric = b.String("metric"),
                SourceUrl = b.String("source"),
                AsOf = b.Date("date"),
            };
        }
    }

    /// <summary><c>providers/&lt;p&gt;/provider.toml</c> (or a provider object of <c>api.json</c>); the name defaults to the slug, as models.dev's generator does.</summary>
    public static SourceProvider Provider(string id, FieldTable t) =>
        new(id, t.String("name") ?? id) { DocUrl = t.String("doc"), ApiUrl = t.String("api") };

    private static SourceModel WithFacts(SourceModel model, FieldTable t)
    {
        var limit = t.Table("limit");
        var modalities = t.Table("modalities");
        var parameters = t.Table("parameters");
        var (licence, licenceId) = Licence(t);
        var status = Status(t);
        return model with
        {
            DisplayName = t.String("name"),
            Family = t.String("family"),
            ReleaseDate = t.Date("release_date"),
            KnowledgeCutoff = t.MonthOrDay("knowledge"),
            Licence = licence,
            LicenceId = licenceId,
            WeightsUrl = WeightsUrl(t),
            Architecture = Architecture(parameters),
            TotalParameters = Parameters(parameters, "total"),
            ActiveParameters = Parameters(parameters, "active"),
            ContextWindow = limit?.Tokens("context"),
            MaxInputTokens = limit?.Tokens("input"),
            MaxOutputTokens = limit?.Tokens("output"),
            InputModalities = Modalities(modalities, "input"),
            OutputModalities = Modalities(modalities, "output"),
            Reasoning = t.Bool("reasoning"),
            ToolCalling = ToolCalling(t),
            Status = status,
        };
    }

    private static string? BaseModel(FieldTable t, IReadOnlyDictionary<string, SourceModel> labModels, out SourceModel? lab)
    {
        lab = null;
        var baseModel = t.String("base_model");
        if (baseModel is null)
        {
            return null;
        }

        var slash = baseModel.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == baseModel.Length - 1)
        {
            t.Problem("base_model", $"expected \"<lab>/<model>\" naming a file under models/, found \"{baseModel}\"; the offering is kept without its model.");
            return null;
        }

        if (!labModels.TryGetValue(baseModel, out lab))
        {
            t.Problem("base_model", $"\"{baseModel}\" names no lab model (expected models/{baseModel}.toml); the offering is kept, its model left to identity matching.");
        }

        return baseModel;
    }

    private static int? Limit(FieldTable? own, string key, int? inherited, IReadOnlyList<string> omitted)
    {
        if (own is not null && own.Has(key))
        {
            return own.Tokens(key);
        }

        return omitted.Contains("limit") || omitted.Contains($"limit.{key}") ? null : inherited;
    }

    private static IReadOnlyList<string> ReasoningEfforts(FieldTable t)
    {
        var efforts = new List<string>();
        foreach (var option in t.Tables("reasoning_options"))
        {
            if (option.String("type") == "effort")
            {
                efforts.AddRange((option.Strings("values") ?? []).Where(v => !efforts.Contains(v)));
            }
        }

        return efforts;
    }

    private static (LicenceClass? Class, string? Id) Licence(FieldTable t)
    {
        var licence = t.String("license");
        var osi = OsiLicences.IsApproved(licence);
        LicenceClass? cls = t.Bool("open_weights") switch
        {
            true => osi ? LicenceClass.OpenSource : LicenceClass.OpenWeights,
            false => LicenceClass.Proprietary,
            null => osi ? LicenceClass.OpenSource : null,
        };
        return (cls, licence);
    }

    /// <summary>The first Hugging Face repo among <c>[[weights]]</c>, else the first link given.</summary>
    private static string? WeightsUrl(FieldTable t)
    {
        var urls = t.Tables("weights").Select(w => w.String("url")).OfType<string>().ToList();
        return urls.FirstOrDefault(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) &&
            uri.Host.Equals("huggingface.co", StringComparison.OrdinalIgnoreCase)) ?? urls.FirstOrDefault();
    }

    private static ModelArchitecture? Architecture(FieldTable? parameters)
    {
        var text = parameters?.String("architecture");
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "moe" or "mixture-of-experts":
                return ModelArchitecture.MixtureOfExperts;
            case "dense":
                return ModelArchitecture.Dense;
            default:
                parameters!.Problem("architecture", $"expected \"dense\" or \"moe\", found \"{text}\".");
                return null;
        }
    }

    private static long? Parameters(FieldTable? parameters, string key)
    {
        var n = parameters?.Integer(key);
        if (n is <= 0)
        {
            parameters!.Problem(key, "expected a parameter count above 0.");
            return null;
        }

        return n;
    }

    private static List<string>? Modalities(FieldTable? modalities, string key) =>
        modalities?.Strings(key)?.Select(m => m.ToLowerInvariant()).Distinct().ToList();

    /// <summary><c>tool_call</c> is a boolean, or (in older schemas) a table whose <c>supported</c> says it.</summary>
    private static bool? ToolCalling(FieldTable t) =>
        t.Raw("tool_call") is Tomlyn.Model.TomlTable ? t.Table("tool_call")?.Bool("supported") : t.Bool("tool_call");

    /// <summary>models.dev's <c>status</c> is alpha, beta or deprecated; no status means served as usual.</summary>
    internal static ModelStatus? Status(FieldTable t)
    {
        var status = t.String("status");
        switch (status?.ToLowerInvariant())
        {
            case null:
                return null;
            case "alpha" or "beta" or "active":
                return ModelStatus.Active;
            case "deprecated":
                return ModelStatus.Deprecated;
            case "retired":
                return ModelStatus.Retired;
            default:
                t.Problem("status", $"expected alpha, beta or deprecated, found \"{status}\".");
                return null;
        }
    }

    /// <summary>The name as published, with the version and data set when the source gives them apart (<c>Terminal-Bench 2.1</c>, <c>SWE-Bench Pro (public)</c>).</summary>
    private static string BenchmarkName(string name, string? version, string? dataset)
    {
        var full = version is not null && !name.Contains(version, StringComparison.OrdinalIgnoreCase) ? $"{name} {version}" : name;
        return dataset is not null ? $"{full} ({dataset})" : full;
    }

    private static string? JoinNonEmpty(params string?[] parts)
    {
        var present = parts.OfType<string>().ToList();
        return present.Count == 0 ? null : string.Join(", ", present);
    }
}
