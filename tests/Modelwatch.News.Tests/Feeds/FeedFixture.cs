using Modelwatch.Core.News;
using Modelwatch.News.Feeds;
using Modelwatch.Testing;

namespace Modelwatch.News.Tests.Feeds;

/// <summary>The real feeds in ../shared/data/feeds (PROVENANCE.tsv says where each comes from and what it tests).</summary>
internal static class FeedFixture
{
    public const string Folder = "data/feeds";

    public static string PathOf(string fileName) => SharedData.File($"{Folder}/{fileName}");

    public static byte[] Bytes(string fileName) => File.ReadAllBytes(PathOf(fileName));

    public static FeedDocument Read(string fileName, Uri? address = null, string? contentType = null) =>
        FeedReader.Read(Bytes(fileName), address, contentType, fileName);

    /// <summary>Every feed fixture (OPML and the folder's own documentation left out).</summary>
    public static IEnumerable<string> All()
    {
        var folder = SharedData.Root is { } root ? Path.Combine(root, "data", "feeds") : null;
        return folder is null || !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>()
                .Where(f => !f.EndsWith(".md", StringComparison.Ordinal) && !f.EndsWith(".tsv", StringComparison.Ordinal) && !f.EndsWith(".opml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
    }
}
