using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog.ModelsDev;

/// <summary>
/// Reads models.dev (MIT) in any of its three forms, told apart by content: the TOML tree as a directory, the
/// tree as a tar archive (gzipped or not; <c>git archive</c> output, whose pax comment gives the commit), or the
/// generated <c>api.json</c>.
/// <list type="bullet">
/// <item><c>models/&lt;lab&gt;/&lt;id&gt;.toml</c> → a canonical <see cref="SourceModel"/> <c>&lt;lab&gt;/&lt;id&gt;</c> and its
/// <see cref="SourceBenchmarkScore"/>s.</item>
/// <item><c>providers/&lt;p&gt;/models/**/&lt;id&gt;.toml</c> → a <see cref="SourceOffering"/> of <c>p</c> under the path-derived
/// id, tied to its <c>base_model</c>. One without <c>base_model</c> also gives a <see cref="SourceModel"/>
/// <c>&lt;p&gt;/&lt;id&gt;</c> with its own facts, for identity matching, unless <c>&lt;p&gt;/&lt;id&gt;</c> is a lab model's id (a lab's
/// own API defining its model inline): then the offering is that model's, and the host's status becomes the model's.</item>
/// <item><c>providers/&lt;p&gt;/provider.toml</c> → a <see cref="SourceProvider"/>.</item>
/// </list>
/// <c>api.json</c> has the same offerings with <c>base_model</c> already merged in and gone, so there every
/// offering is of the second kind and no lab model or benchmark is read.
/// </summary>
public sealed class ModelsDevImporter : ICatalogImporter
{
    public string Source => CatalogSources.ModelsDev;

    public CatalogBatch Read(CatalogInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.IsDirectory)
        {
            return FromTree(ModelsDevTree.FromDirectory(input.Path, ct), input.Location, ct);
        }

        return Sniff(input.Path) switch
        {
            InputKind.GzippedTar => FromTree(ModelsDevTree.FromTarball(input.Path, gzipped: true, ct), input.Location, ct),
            InputKind.Tar => FromTree(ModelsDevTree.FromTarball(input.Path, gzipped: false, ct), input.Location, ct),
            _ => ModelsDevApiJson.Read(input.Path, input.Location, ct),
        };
    }

    private static CatalogBatch FromTree(ModelsDevTree tree, string location, CancellationToken ct)
    {
        var problems = new List<RecordProblem>(tree.Problems);
        var toml = new TomlRecords();
        var labFiles = new List<(string Path, string Lab, string Id)>();
        var offeringFiles = new List<(string Path, string Provider, string Id)>();
        var providerFiles = new List<(string Path, string Provider)>();
        foreach (var path in tree.Files.Keys)
        {
            var parts = path[..^".toml".Length].Split('/');
            if (parts[0] == "models")
            {
                if (parts.Length == 3)
                {
                    labFiles.Add((path, parts[1], parts[2]));
                }
                else
                {
                    problems.Add(new RecordProblem(path, "not where models.dev keeps lab models (models/<lab>/<id>.toml); the file was skipped."));
                }
            }
            else if (parts.Length == 3 && parts[2] == "provider")
            {
                providerFiles.Add((path, parts[1]));
            }
            else if (parts.Length >= 4 && parts[2] == "models")
            {
                offeringFiles.Add((path, parts[1], string.Join('/', parts[3..])));
            }
        }

        if (labFiles.Count == 0 && offeringFiles.Count == 0)
        {
            throw new CatalogSourceException($"{location}: no models/<lab>/<id>.toml or providers/<p>/models/<id>.toml files; expected a models.dev tree.");
        }

        var models = new List<SourceModel>();
        var scores = new List<SourceBenchmarkScore>();
        var labModels = new Dictionary<string, SourceModel>(StringComparer.Ordinal);
        var labIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (path, lab, id) in labFiles)
        {
            ct.ThrowIfCancellationRequested();
            if (toml.Parse(tree.Files[path], path, problems) is { } t)
            {
                var model = ModelsDevRecords.LabModel(lab, id, t);
                labIndex[model.ExternalId] = models.Count;
                models.Add(model);
                labModels[model.ExternalId] = model;
                scores.AddRange(ModelsDevRecords.Benchmarks(model.ExternalId, t));
            }
        }

        var offerings = new List<SourceOffering>();
        foreach (var (path, provider, id) in offeringFiles)
        {
            ct.ThrowIfCancellationRequested();
            if (toml.Parse(tree.Files[path], path, problems) is { } t)
            {
                var offering = ModelsDevRecords.Offering(provider, id, t, labModels);
                if (!t.Has("base_model"))
                {
                    if (labIndex.TryGetValue(offering.ModelRef, out var lab))
                    {
                        // A lab's own API defining its model inline (providers/google/models/gemini-2.0-flash.toml
                        // beside models/google/gemini-2.0-flash.toml): the same id in the same namespace, so the same
                        // model. A second model record would repeat the external id; the host's status is the model's.
                        offering = offering with { CanonicalId = offering.ModelRef };
                        if (models[lab].Status is null && ModelsDevRecords.Status(t) is { } status)
                        {
                            models[lab] = models[lab] with { Status = status };
                        }
                    }
                    else
                    {
                        models.Add(ModelsDevRecords.ProviderModel(provider, id, t));
                    }
                }

                offerings.Add(offering);
            }
        }

        var providers = new List<SourceProvider>();
        foreach (var (path, provider) in providerFiles)
        {
            if (toml.Parse(tree.Files[path], path, problems) is { } t)
            {
                providers.Add(ModelsDevRecords.Provider(provider, t));
            }
        }

        return new CatalogBatch(CatalogSources.ModelsDev, location)
        {
            SourceVersion = tree.Version,
            Models = models,
            Offerings = offerings,
            Providers = providers,
            BenchmarkScores = scores,
            Problems = Sorted(problems),
        };
    }

    /// <summary>Tells the forms apart by their first bytes: gzip's magic, tar's <c>ustar</c> at 257, JSON's <c>{</c>.</summary>
    private static InputKind Sniff(string path)
    {
        var head = new byte[512];
        int length;
        try
        {
            using var file = File.OpenRead(path);
            length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogSourceException($"{path}: could not be read ({e.Message}).", e);
        }

        var bytes = head.AsSpan(0, length);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b]))
        {
            return InputKind.GzippedTar;
        }

        if (length >= 262 && bytes.Slice(257, 5).SequenceEqual("ustar"u8))
        {
            return InputKind.Tar;
        }

        var text = bytes.StartsWith((ReadOnlySpan<byte>)[0xef, 0xbb, 0xbf]) ? bytes[3..] : bytes;
        var first = text.TrimStart(" \t\r\n"u8);
        if (first.Length > 0 && first[0] == (byte)'{')
        {
            return InputKind.ApiJson;
        }

        throw new CatalogSourceException(length == 0
            ? $"{path}: the file is empty; expected a models.dev tree (.tar.gz, .tar or a directory) or its api.json."
            : $"{path}: neither gzip, tar nor a JSON object; expected a models.dev tree (.tar.gz, .tar or a directory) or its api.json.");
    }

    /// <summary>In a stable order, each once (an offering's limits are read for the offering and for its model).</summary>
    internal static List<RecordProblem> Sorted(List<RecordProblem> problems) =>
        [.. problems.Distinct().OrderBy(p => p.Location, StringComparer.Ordinal).ThenBy(p => p.Message, StringComparer.Ordinal)];

    private enum InputKind
    {
        GzippedTar,
        Tar,
        ApiJson,
    }
}
