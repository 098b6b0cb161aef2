using Modelwatch.Testing;

namespace Modelwatch.News.Tests.Sync;

/// <summary>The real feed files of <c>../shared/data/feeds</c> (skips when absent).</summary>
internal static class FeedFixtures
{
    public static string Folder => Path.GetDirectoryName(SharedData.File("data/feeds/PROVENANCE.tsv"))!;

    /// <summary>Every feed file (the OPML outline is not a feed).</summary>
    public static IReadOnlyList<string> Feeds() =>
        [.. Directory.GetFiles(Folder).Where(f => !f.EndsWith(".tsv", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal) && !f.EndsWith(".opml", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static string File(string name) => Path.Combine(Folder, name);

    /// <summary>The address a fixture is read as (relative links resolve against it).</summary>
    public static Uri AddressOf(string path) => new("https://feeds.example/" + Path.GetFileName(path));
}
