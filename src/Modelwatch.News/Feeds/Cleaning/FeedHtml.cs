using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Modelwatch.News.Feeds.Cleaning;

/// <summary>
/// Feed HTML made safe to show (HtmlSanitizer: scripts, handlers and foreign URL schemes removed, relative URLs
/// resolved against the entry's base) and made plain (text nodes joined, block boundaries kept as spaces).
/// </summary>
internal static class FeedHtml
{
    // HtmlSanitizer documents Sanitize as safe to call concurrently once configured; configuration happens here only.
    private static readonly HtmlSanitizer Sanitizer = new();
    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
        "blockquote", "pre", "section", "article", "header", "footer", "hr", "dt", "dd", "figure", "figcaption",
    };

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

        var document = Parser.ParseDocument(string.Empty);
        var nodes = Parser.ParseFragment(html, document.Body!);
        var builder = new StringBuilder(html.Length);
        foreach (var node in nodes)
        {
            AppendText(node, builder);
        }

        return CollapseWhitespace(builder.ToString());
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

    private static void AppendText(INode node, StringBuilder builder)
    {
        switch (node)
        {
            case IText text:
                builder.Append(text.Data);
                return;
            case IElement element when element.LocalName is "script" or "style":
                return;
            case IElement element:
                var block = BlockElements.Contains(element.LocalName);
                if (block)
                {
                    builder.Append(' ');
                }

                foreach (var child in element.ChildNodes)
                {
                    AppendText(child, builder);
                }

                if (block)
                {
                    builder.Append(' ');
                }

                return;
        }
    }
}
