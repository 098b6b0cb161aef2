using System.Formats.Tar;
using System.IO.Compression;

namespace Modelwatch.Import.Catalog.LlmStats;

/// <summary>A file of the LLMStats tree: its path inside the tree (<c>models/qwen/qwq-32b/model.json</c>) and its bytes.</summary>
internal sealed record TreeFile(string Path, byte[] Bytes);

/// <summary>
/// The JSON files of an LLMStats checkout (<c>models/&lt;org&gt;/&lt;id&gt;/model.json</c>,
/// <c>providers/&lt;p&gt;/provider.json</c>), from a directory or a .tar/.tar.gz of one, at any depth (GitHub's
/// tarballs put everything under one top folder).
/// </summary>
internal static class LlmStatsTree
{
    public static List<TreeFile> Read(CatalogInput input, string shownAs, CancellationToken ct)
    {
        var files = input.IsDirectory ? FromDirectory(input.Path, ct) : FromArchive(input.Path, shownAs, ct);
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>The tree path of a wanted file (from its <c>models/</c> or <c>providers/</c> folder on), or null for any other file.</summary>
    internal static string? TreePath(string path)
    {
        var parts = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 4 && parts[^1] == "model.json" && parts[^4] == "models")
        {
            return string.Join('/', parts[^4..]);
        }

        if (parts.Length >= 3 && parts[^1] == "provider.json" && parts[^3] == "providers")
        {
            return string.Join('/', parts[^3..]);
        }

        return null;
    }

    private static List<TreeFile> FromDirectory(string root, CancellationToken ct)
    {
        var files = new List<TreeFile>();
        foreach (var path in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            if (TreePath(Path.GetRelativePath(root, path)) is { } treePath)
            {
                files.Add(new TreeFile(treePath, File.ReadAllBytes(path)));
            }
        }

        return files;
    }

    private static List<TreeFile> FromArchive(string path, string shownAs, CancellationToken ct)
    {
        var files = new List<TreeFile>();
        try
        {
            using var file = File.OpenRead(path);
            var gzipped = file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
            file.Position = 0;
            using var stream = gzipped ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
            using var tar = new TarReader(stream);
            while (tar.GetNextEntry() is { } entry)
            {
                ct.ThrowIfCancellationRequested();
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null ||
                    TreePath(entry.Name) is not { } treePath)
                {
                    continue;
                }

                using var bytes = new MemoryStream();
                entry.DataStream.CopyTo(bytes);
                files.Add(new TreeFile(treePath, bytes.ToArray()));
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new CatalogSourceException($"{shownAs}: not a readable .tar or .tar.gz of the LLMStats tree ({e.Message}).", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogSourceException($"{shownAs}: could not be read ({e.Message}).", e);
        }

        return files;
    }
}
