using System.Text.RegularExpressions;

namespace Modelwatch.News.Feeds;

/// <summary>
/// rss.arxiv.org writes each description as "arXiv:2401.12345v1 Announce Type: new Abstract: …" (with
/// <c>arxiv:announce_type</c> new, cross, replace or replace-cross beside it). The reader keeps only the abstract as the summary.
/// </summary>
internal static partial class ArxivAnnouncement
{
    /// <summary>The abstract when <paramref name="plainDescription"/> has the arXiv announcement shape, else null.</summary>
    public static string? Abstract(string? plainDescription)
    {
        if (plainDescription is null)
        {
            return null;
        }

        var match = AnnouncementPattern().Match(plainDescription);
        return match.Success && match.Groups["abstract"].Value.Trim() is { Length: > 0 } text ? text : null;
    }

    [GeneratedRegex("""^arXiv:\S+\s+Announce Type:\s*[\w-]+\s+Abstract:\s*(?<abstract>.*)$""", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex AnnouncementPattern();
}
