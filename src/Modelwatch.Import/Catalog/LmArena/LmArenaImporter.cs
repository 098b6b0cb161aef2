using System.Text.Json;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog.Common;

namespace Modelwatch.Import.Catalog.LmArena;

/// <summary>
/// Reads LMArena's published files: the leaderboard JSON (<c>leaderboard-text.json</c>: ratings with 95% intervals
/// per category), its organisation/licence map (<c>scatterplot-data.json</c>) and the Arena-Hard-Auto leaderboard
/// CSV (<c>arena-hard-auto_leaderboard_20240731.csv</c>). Give it the directory holding them (files named
/// <c>leaderboard*.json</c>, <c>scatterplot*.json</c>, <c>arena-hard*.csv</c> are read; others are ignored) or any one
/// of them (told apart by content).
/// </summary>
/// <remarks>
/// Every arena key becomes a <see cref="SourceModel"/>, so the catalog has a model for each board row: with name,
/// organisation, lab and licence when the map describes it, with only a lab guessed from the key's prefix when not.
/// Arena-Hard-Auto's names are left to identity matching (they are arena-style keys, mostly the same ones).
/// </remarks>
public sealed class LmArenaImporter(LmArenaImportOptions? options = null) : ICatalogImporter
{
    public string Source => CatalogSources.LmArena;

    public CatalogBatch Read(CatalogInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<RecordProblem>();
        var mapped = new List<SourceModel>();
        var keys = new List<string>();
        var entries = new List<SourceLeaderboardEntry>();
        var published = new SortedSet<DateOnly>();

        foreach (var (path, kind) in Files(input))
        {
            ct.ThrowIfCancellationRequested();
            var file = input.IsDirectory ? Path.GetFileName(path) : CatalogFiles.ShownName(input);
            if (kind == FileKind.ArenaHard)
            {
                entries.AddRange(ArenaHardCsv.Read(path, file, problems));
                continue;
            }

            using var document = CatalogFiles.ReadJson(path, file);
            var root = document.RootElement;
            if (kind == FileKind.ModelMap || (kind == FileKind.Json && root.ValueKind == JsonValueKind.Array))
            {
                mapped.AddRange(LmArenaModelMap.Read(root, file, problems));
                continue;
            }

            var publishedOn = PublishedOn(path, file);
            published.Add(publishedOn);
            entries.AddRange(LmArenaLeaderboard.Read(root, file, LmArenaLeaderboard.BoardName(path), publishedOn, keys, problems));
        }

        return new CatalogBatch(Source, input.Location)
        {
            SourceVersion = published.Count > 0 ? ModelFields.Format(published.Max) : null,
            Models = Models(mapped, keys),
            LeaderboardEntries = entries,
            Problems = problems,
        };
    }

    private enum FileKind
    {
        Json,
        Leaderboard,
        ModelMap,
        ArenaHard,
    }

    /// <summary>The map's descriptions, then a bare model (lab from the key) for each board key the map lacks.</summary>
    private static List<SourceModel> Models(List<SourceModel> mapped, List<string> keys)
    {
        var models = new List<SourceModel>(mapped);
        var described = mapped.Select(m => m.ExternalId).ToHashSet(StringComparer.Ordinal);
        models.AddRange(keys.Where(described.Add).Select(k => new SourceModel(k) { Lab = ArenaLabs.FromKey(k) }));
        return models;
    }

    private DateOnly PublishedOn(string path, string file) =>
        options?.PublishedOn ?? FileNameDate.Find(path) ?? throw new CatalogSourceException(
            $"{file}: LMArena's leaderboard JSON carries no publish date and its name holds none (…_YYYYMMDD or YYYY-MM-DD). " +
            "Ratings drift between publications, so each is stored under its date: pass the day this board was published " +
            "(LmArenaImportOptions.PublishedOn), or put it in the file name.");

    private static List<(string Path, FileKind Kind)> Files(CatalogInput input)
    {
        if (!input.IsDirectory)
        {
            var kind = input.Path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? FileKind.ArenaHard : FileKind.Json;
            return [(input.Path, kind)];
        }

        var files = Directory.EnumerateFiles(input.Path)
            .Select(p => (Path: p, Name: Path.GetFileName(p).ToLowerInvariant()))
            .Select(f => (f.Path, Kind:
                f.Name.StartsWith("leaderboard", StringComparison.Ordinal) && f.Name.EndsWith(".json", StringComparison.Ordinal) ? FileKind.Leaderboard
                : f.Name.StartsWith("scatterplot", StringComparison.Ordinal) && f.Name.EndsWith(".json", StringComparison.Ordinal) ? FileKind.ModelMap
                : f.Name.StartsWith("arena-hard", StringComparison.Ordinal) && f.Name.EndsWith(".csv", StringComparison.Ordinal) ? FileKind.ArenaHard
                : (FileKind?)null))
            .Where(f => f.Kind is not null)
            .Select(f => (f.Path, f.Kind!.Value))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new CatalogSourceException($"{input.Location}: no LMArena files here; expected leaderboard*.json, scatterplot*.json or arena-hard*.csv.");
        }

        return files;
    }
}
