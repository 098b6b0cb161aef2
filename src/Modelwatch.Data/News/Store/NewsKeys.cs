using System.Security.Cryptography;
using System.Text;
using Modelwatch.Core.News;

namespace Modelwatch.Data.News.Store;

/// <summary>The stable per-source key of an entry, and clipping to the columns' lengths.</summary>
internal static class NewsKeys
{
    /// <summary>
    /// SHA-256 (hex) of the entry's own id, else its link, else its title: the first is what the source promises to keep
    /// stable; a scraped feed without ids still keeps its links. Prefixed so an id never collides with a link.
    /// </summary>
    public static string ItemKey(FeedEntry entry)
    {
        var basis = !string.IsNullOrWhiteSpace(entry.Id) ? "id:" + entry.Id.Trim()
            : entry.Link is { } link ? "link:" + link.AbsoluteUri
            : "title:" + entry.Title.Trim();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)));
    }

    /// <summary>Cuts text to a column's length (on a character boundary that does not split a surrogate pair).</summary>
    public static string? Clip(string? text, int length)
    {
        if (text is null || text.Length <= length)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..cut];
    }

    /// <summary>An address that fits its column, or null: a clipped address would point somewhere else.</summary>
    public static string? FittingUrl(Uri? url, int length) =>
        url is not null && url.AbsoluteUri.Length <= length ? url.AbsoluteUri : null;
}
