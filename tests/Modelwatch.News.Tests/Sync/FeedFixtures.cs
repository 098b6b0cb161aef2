using Modelwatch.News.Tests.Feeds;
using Modelwatch.Testing;

namespace Modelwatch.News.Tests.Sync;

/// <summary>The real feed files of <c>../shared/data/feeds</c> (skips when absent).</summary>
internal static class FeedFixtures
{
    public static string Folder => Path.GetDirectoryName(SharedData.File("data/feeds/PROVENANCE.tsv"))!;

    /// <summary>Every feed file, as full paths (the list is <see cref="FeedFixture.All"/>'s; reading Folder first skips when absent).</summary>
    public static IReadOnlyList<string> Feeds()
    {
        var folder = Folder;
        return [.. FeedFixture.All().Select(name => Path.Combine(folder, name))];
    }

    public static string File(string name) => Path.Combine(Folder, name);

    /// <summary>The address a fixture is read as (relative links resolve against it).</summary>
    public static Uri AddressOf(string path) => new("https://feeds.example/" + Path.GetFileName(path));
}
