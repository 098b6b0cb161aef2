using System.Formats.Tar;
using System.Text;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Votes;

namespace Modelwatch.Import.Catalog.ModelsDev;

/// <summary>
/// The TOML files of a models.dev checkout (<c>models/</c> and <c>providers/</c>), read from a directory or a
/// (gzipped) tar archive into memory: the whole tree is a few megabytes, and offerings need the lab models first.
/// Paths are relative to the tree root (the folder holding <c>models/</c> and <c>providers/</c>, found one level
/// down too, as in a <c>git archive</c> whose entries start with <c>models.dev/</c>), with <c>/</c> separators.
/// models.dev shares files between providers through symbolic links; a link whose target is not in the tree is
/// a <see cref="Problems">problem</see> of its own path.
/// </summary>
internal sealed class ModelsDevTree
{
    private const int MaxLinkHops = 16;
    private static readonly string[] TopFolders = ["models/", "providers/"];

    private ModelsDevTree(SortedDictionary<string, string> files, List<RecordProblem> problems, string? version)
    {
        Files = files;
        Problems = problems;
        Version = version;
    }

    /// <summary>TOML file texts by path under the root, in ordinal order.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>Files that are there but could not be read (dangling links, read errors).</summary>
    public IReadOnlyList<RecordProblem> Problems { get; }

    /// <summary>The commit the tree was taken at, when it says: a <c>git archive</c>'s pax comment, a checkout's <c>.git/HEAD</c>.</summary>
    public string? Version { get; }

    public static ModelsDevTree FromDirectory(string directory, CancellationToken ct)
    {
        var root = FindRoot(directory) ?? throw new CatalogSourceException(
            $"{directory}: no models/ or providers/ folder here or one level down; expected a models.dev checkout.");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<RecordProblem>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        try
        {
            foreach (var top in TopFolders)
            {
                var folder = Path.Combine(root, top.TrimEnd('/'));
                if (!Directory.Exists(folder))
                {
                    continue;
                }

                foreach (var path in Directory.EnumerateFiles(folder, "*.toml", options))
                {
                    ct.ThrowIfCancellationRequested();
                    ReadFile(root, path, files, problems);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogSourceException($"{directory}: the folder could not be listed ({e.Message}).", e);
        }

        return new ModelsDevTree(files, problems, GitHead.Commit(root));
    }

    /// <param name="path">The archive.</param>
    /// <param name="gzipped">Whether it is gzip-compressed (a <c>.tar.gz</c>).</param>
    /// <param name="ct">Cancels the read.</param>
    public static ModelsDevTree FromTarball(string path, bool gzipped, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        try
        {
            using var file = File.OpenRead(path);
            using var counted = new CountingStream(file);
            using var content = gzipped ? new GzipGuardStream(counted, counted, name) : (Stream)counted;
            return FromTar(content, name, ct);
        }
        catch (VoteFileException e)
        {
            throw new CatalogSourceException(e.Message, e);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or IOException)
        {
            throw new CatalogSourceException($"{name}: not a readable tar archive ({e.Message}); expected a models.dev tree as .tar or .tar.gz.", e);
        }
    }

    private static ModelsDevTree FromTar(Stream tar, string name, CancellationToken ct)
    {
        var regular = new Dictionary<string, string>(StringComparer.Ordinal);
        var links = new Dictionary<string, (string Text, string? Target)>(StringComparer.Ordinal);
        string? version = null;
        using (var reader = new TarReader(tar, leaveOpen: true))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                ct.ThrowIfCancellationRequested();
                var entryPath = Normalise(entry.Name);
                switch (entry.EntryType)
                {
                    case TarEntryType.GlobalExtendedAttributes when entry is PaxGlobalExtendedAttributesTarEntry global:
                        version ??= global.GlobalExtendedAttributes.TryGetValue("comment", out var comment) && GitHead.IsCommit(comment) ? comment : null;
                        break;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile
                        when entryPath is not null && entryPath.EndsWith(".toml", StringComparison.Ordinal):
                        regular[entryPath] = ReadText(entry.DataStream);
                        break;
                    case TarEntryType.SymbolicLink when entryPath is not null:
                        links[entryPath] = (entry.LinkName, Resolve(DirectoryOf(entryPath), entry.LinkName));
                        break;
                    case TarEntryType.HardLink when entryPath is not null:
                        // A hard link names its target from the archive's root, not from its own folder.
                        links[entryPath] = (entry.LinkName, Normalise(entry.LinkName));
                        break;
                }
            }
        }

        var prefix = RootPrefix(regular.Keys.Concat(links.Keys)) ?? throw new CatalogSourceException(
            $"{name}: no models/ or providers/ folder at the top of the archive or one level down; expected a models.dev tree.");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<RecordProblem>();
        foreach (var (entryPath, text) in regular)
        {
            if (UnderRoot(entryPath, prefix) is { } relative)
            {
                files[relative] = text;
            }
        }

        foreach (var (entryPath, link) in links)
        {
            if (UnderRoot(entryPath, prefix) is not { } relative || !relative.EndsWith(".toml", StringComparison.Ordinal))
            {
                continue;
            }

            if (Follow(link.Target, regular, links) is { } text)
            {
                files[relative] = text;
            }
            else
            {
                problems.Add(DanglingLink(relative, link.Text));
            }
        }

        return new ModelsDevTree(files, problems, version);
    }

    private static string? Follow(string? target, Dictionary<string, string> regular, Dictionary<string, (string Text, string? Target)> links)
    {
        for (var hop = 0; target is not null && hop < MaxLinkHops; hop++)
        {
            if (regular.TryGetValue(target, out var text))
            {
                return text;
            }

            target = links.TryGetValue(target, out var next) ? next.Target : null;
        }

        return null;
    }

    private static void ReadFile(string root, string path, SortedDictionary<string, string> files, List<RecordProblem> problems)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        var info = new FileInfo(path);
        try
        {
            if (info.LinkTarget is { } linkText && info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true })
            {
                problems.Add(DanglingLink(relative, linkText));
                return;
            }

            files[relative] = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new RecordProblem(relative, $"could not be read ({e.Message}); the file was skipped."));
        }
    }

    private static RecordProblem DanglingLink(string relative, string linkText) =>
        new(relative, $"a symbolic link to \"{linkText}\", which is not in the tree; expected it to lead to a TOML file. The file was skipped.");

    private static string ReadText(Stream? data)
    {
        if (data is null)
        {
            return "";
        }

        using var reader = new StreamReader(data, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return reader.ReadToEnd();
    }

    /// <summary>The directory holding <c>models/</c> or <c>providers/</c>: the given one or its only subfolder that does.</summary>
    private static string? FindRoot(string directory)
    {
        static bool IsRoot(string d) => TopFolders.Any(t => Directory.Exists(Path.Combine(d, t.TrimEnd('/'))));
        if (IsRoot(directory))
        {
            return directory;
        }

        var candidates = Directory.EnumerateDirectories(directory).Where(IsRoot).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>"" when the archive's paths start with models/ or providers/, "x/" when they start with x/models/ or x/providers/.</summary>
    private static string? RootPrefix(IEnumerable<string> paths)
    {
        string? oneDown = null;
        foreach (var p in paths)
        {
            if (TopFolders.Any(t => p.StartsWith(t, StringComparison.Ordinal)))
            {
                return "";
            }

            var slash = p.IndexOf('/', StringComparison.Ordinal);
            if (oneDown is null && slash > 0 && TopFolders.Any(t => string.CompareOrdinal(p, slash + 1, t, 0, t.Length) == 0))
            {
                oneDown = p[..(slash + 1)];
            }
        }

        return oneDown;
    }

    private static string? UnderRoot(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal) && TopFolders.Any(t => string.CompareOrdinal(path, prefix.Length, t, 0, t.Length) == 0)
            ? path[prefix.Length..]
            : null;

    private static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    /// <summary>A link target resolved against its folder; null when it is absolute or climbs out of the archive.</summary>
    private static string? Resolve(string directory, string linkText) =>
        linkText.StartsWith('/') ? null : Normalise(directory.Length == 0 ? linkText : $"{directory}/{linkText}");

    /// <summary>An archive path without <c>./</c>, <c>.</c> and <c>..</c> segments; null when it climbs above the root.</summary>
    private static string? Normalise(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (segments.Count == 0)
                    {
                        return null;
                    }

                    segments.RemoveAt(segments.Count - 1);
                    break;
                default:
                    segments.Add(segment);
                    break;
            }
        }

        return string.Join('/', segments);
    }
}
