using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modelwatch.Testing;

namespace Modelwatch.Core.Tests.Catalog.Identity;

/// <summary>A models.dev lab model (<c>models/&lt;lab&gt;/&lt;id&gt;.toml</c>): its canonical id and display name.</summary>
internal sealed record ModelsDevLabModel(string Id, string? Name);

/// <summary>A models.dev offering (<c>providers/&lt;p&gt;/models/&lt;id&gt;.toml</c>), its <c>base_model</c> and display name.</summary>
internal sealed record ModelsDevOffering(string Provider, string Id, string? BaseModel, string? Name);

/// <summary>
/// Small readers of the shared catalog fixtures, just enough to measure identity matching: the LMArena board's keys,
/// the LiteLLM keys, the models.dev tree's ids with <c>base_model</c> and <c>name</c>. The real importers are built
/// elsewhere; these do not depend on them. Each file is read once per test run.
/// </summary>
internal static partial class CatalogFixtures
{
    public const string LeaderboardPath = "data/arena/lmarena-published/leaderboard-text.json";
    public const string ScatterplotPath = "data/arena/lmarena-published/scatterplot-data.json";
    public const string LiteLlmPath = "data/catalog/litellm-model_prices_and_context_window.json";
    public const string ModelsDevPath = "data/catalog/models.dev-toml.tar.gz";

    private static readonly Lazy<IReadOnlyList<string>> Arena = new(() => ReadArenaFullKeys(SharedData.File(LeaderboardPath)));
    private static readonly Lazy<IReadOnlyList<string>> LiteLlm = new(() => ReadLiteLlmKeys(SharedData.File(LiteLlmPath)));
    private static readonly Lazy<(IReadOnlyList<ModelsDevLabModel>, IReadOnlyList<ModelsDevOffering>)> ModelsDev =
        new(() => ReadModelsDev(SharedData.File(ModelsDevPath)));

    /// <summary>The keys of the <c>full</c> category, in file order.</summary>
    public static IReadOnlyList<string> ArenaFullKeys()
    {
        SharedData.File(LeaderboardPath);
        return Arena.Value;
    }

    /// <summary>Every top-level key whose value is a model entry (objects only; not <c>sample_spec</c> or <c>fallback_generalizations</c>).</summary>
    public static IReadOnlyList<string> LiteLlmKeys()
    {
        SharedData.File(LiteLlmPath);
        return LiteLlm.Value;
    }

    public static IReadOnlyList<ModelsDevLabModel> ModelsDevLabModels()
    {
        SharedData.File(ModelsDevPath);
        return ModelsDev.Value.Item1;
    }

    public static IReadOnlyList<ModelsDevOffering> ModelsDevOfferings()
    {
        SharedData.File(ModelsDevPath);
        return ModelsDev.Value.Item2;
    }

    /// <summary>The organisation LMArena's scatterplot map gives per arena key (141 of them).</summary>
    public static IReadOnlyDictionary<string, string> ArenaOrganisations()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(SharedData.File(ScatterplotPath)));
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            if (entry.TryGetProperty("model_api_name", out var key) && entry.TryGetProperty("organization", out var organisation) &&
                key.GetString() is { } k && organisation.GetString() is { } o)
            {
                map.TryAdd(k, o);
            }
        }

        return map;
    }

    private static List<string> ReadArenaFullKeys(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("full").EnumerateObject().Select(p => p.Name).ToList();
    }

    private static List<string> ReadLiteLlmKeys(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object && p.Name is not ("sample_spec" or "fallback_generalizations"))
            .Select(p => p.Name)
            .ToList();
    }

    /// <summary>
    /// Reads the tarball: ids come from paths, <c>base_model</c> and <c>name</c> from each file's top-level keys.
    /// Some offerings are symbolic links to another provider's file (resolved); 31 of them point nowhere and keep
    /// their id without a base model.
    /// </summary>
    private static (IReadOnlyList<ModelsDevLabModel>, IReadOnlyList<ModelsDevOffering>) ReadModelsDev(string path)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress))
        using (var tar = new TarReader(gzip))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (!entry.Name.EndsWith(".toml", StringComparison.Ordinal))
                {
                    continue;
                }

                if (entry.EntryType == TarEntryType.SymbolicLink)
                {
                    links[entry.Name] = Resolve(entry.Name, entry.LinkName);
                }
                else if (entry.DataStream is { } data)
                {
                    using var reader = new StreamReader(data, Encoding.UTF8);
                    files[entry.Name] = reader.ReadToEnd();
                }
            }
        }

        var labModels = new List<ModelsDevLabModel>();
        var offerings = new List<ModelsDevOffering>();
        foreach (var name in files.Keys.Concat(links.Keys).Order(StringComparer.Ordinal))
        {
            var parts = name.Split('/');
            var text = files.GetValueOrDefault(name) ?? files.GetValueOrDefault(links.GetValueOrDefault(name) ?? "");
            if (parts.Length == 4 && parts[1] == "models")
            {
                labModels.Add(new ModelsDevLabModel($"{parts[2]}/{parts[3][..^".toml".Length]}", TopLevel(text, "name")));
            }
            else if (parts.Length >= 5 && parts[1] == "providers" && parts[3] == "models")
            {
                var id = string.Join('/', parts[4..])[..^".toml".Length];
                offerings.Add(new ModelsDevOffering(parts[2], id, TopLevel(text, "base_model"), TopLevel(text, "name")));
            }
        }

        return (labModels, offerings);
    }

    private static string Resolve(string entryName, string linkName)
    {
        var segments = entryName.Split('/').SkipLast(1).ToList();
        foreach (var part in linkName.Split('/'))
        {
            if (part == "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (part is not ("." or ""))
            {
                segments.Add(part);
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>A top-level string key of a TOML file (before its first table), or null.</summary>
    private static string? TopLevel(string? toml, string key)
    {
        if (toml is null)
        {
            return null;
        }

        foreach (var line in toml.Split('\n'))
        {
            if (line.StartsWith('['))
            {
                return null;
            }

            var match = KeyValue().Match(line);
            if (match.Success && match.Groups[1].Value == key)
            {
                return match.Groups[2].Value;
            }
        }

        return null;
    }

    [GeneratedRegex("""^\s*([A-Za-z_]+)\s*=\s*"([^"]*)"\s*$""")]
    private static partial Regex KeyValue();
}
