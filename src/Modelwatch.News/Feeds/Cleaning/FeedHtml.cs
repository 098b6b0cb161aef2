using System.Text;
using Ganss.Xss;

namespace Modelwatch.News.Feeds.Cleaning;

/// <summary>
/// Feed HTML made safe to show (HtmlSanitizer: scripts, handlers and foreign URL schemes removed, relative URLs
/// resolved against the entry's base) and made plain (<see cref="HtmlText"/>, whitespace collapsed).
/// </summary>
internal static class FeedHtml
{
    // HtmlSanitizer documents Sanitize as safe to call concurrently once configured; configuration happens here only.
    private static readonly HtmlSanitizer Sanitizer = new();

    /// <summary>Sanitised HTML, relative URLs resolved against <paramref name="baseAddress"/>; null when nothing is left.</summary>
    public static string? Sanitize(string? html, Uri? baseAddress)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var clean = Sanitizer.Sanitize(html, baseAddress?.AbsoluteUri ?? string.Empty).Trim();
        return clean.Length == 0 ? null : clean;
    }

    /// <summary>The text a reader sees: entities decoded, tags dropped, whitespace collapsed; null when empty.</summary>
    public static string? ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        if (html.IndexOfAny(['<', '&']) < 0)
        {
            return CollapseWhitespace(html);
        }

        return CollapseWhitespace(HtmlText.Extract(html));
    }

    /// <summary>True when the text holds markup (a tag or an entity), i.e. is worth keeping as HTML.</summary>
    public static bool HasMarkup(string? text) => text is not null && (text.Contains('<') || text.Contains("&", StringComparison.Ordinal));

    public static string? CollapseWhitespace(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
