using System.Globalization;
using System.Text;
using AngleSharp.Html;

namespace Modelwatch.News.Feeds.Cleaning;

/// <summary>
/// The plain text of an HTML fragment in one pass: tags dropped (block tags leave a space), comments, scripts and
/// styles skipped, entities decoded with HTML5's table (&amp;percnt; too, which WebUtility does not know). A full
/// DOM parse per item cost about ten times as much, and only the text is wanted here.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
        "blockquote", "pre", "section", "article", "header", "footer", "hr", "dt", "dd", "figure", "figcaption",
    };

    public static string Extract(string html)
    {
        var text = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<' && i + 1 < html.Length && (char.IsAsciiLetter(html[i + 1]) || html[i + 1] is '/' or '!' or '?'))
            {
                i = SkipMarkup(html, i, text);
            }
            else if (c == '&')
            {
                i = AppendEntity(html, i, text);
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return text.ToString();
    }

    /// <summary>Skips the tag, comment or declaration at <paramref name="start"/>; returns the index after it.</summary>
    private static int SkipMarkup(string html, int start, StringBuilder text)
    {
        if (string.CompareOrdinal(html, start, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", start + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }

        var close = TagEnd(html, start);
        var nameStart = start + 1 + (html[start + 1] == '/' ? 1 : 0);
        var nameEnd = nameStart;
        while (nameEnd < close && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
        {
            nameEnd++;
        }

        var name = html[nameStart..nameEnd];
        if (BlockElements.Contains(name))
        {
            text.Append(' ');
        }

        var after = Math.Min(close + 1, html.Length);
        if (html[start + 1] != '/' && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
        {
            var end = html.IndexOf("</" + name, after, StringComparison.OrdinalIgnoreCase);
            return end < 0 ? html.Length : Math.Min(TagEnd(html, end) + 1, html.Length);
        }

        return after;
    }

    /// <summary>The index of the '>' closing the tag at <paramref name="start"/>, skipping quoted attribute values.</summary>
    private static int TagEnd(string html, int start)
    {
        char? quote = null;
        for (var i = start + 1; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        return html.Length;
    }

    private static int AppendEntity(string html, int start, StringBuilder text)
    {
        var semicolon = html.IndexOf(';', start + 1, Math.Min(40, html.Length - start - 1));
        if (semicolon > start + 1)
        {
            var name = html[(start + 1)..semicolon];
            if (Decode(name) is { } decoded)
            {
                text.Append(decoded);
                return semicolon + 1;
            }
        }

        text.Append('&');
        return start + 1;
    }

    private static string? Decode(string name)
    {
        if (name[0] == '#')
        {
            var hex = name.Length > 1 && name[1] is 'x' or 'X';
            var digits = name[(hex ? 2 : 1)..];
            if (int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
            {
                return char.ConvertFromUtf32(code);
            }

            return null;
        }

        return HtmlEntityProvider.Resolver.GetSymbol(name + ";") ?? HtmlEntityProvider.Resolver.GetSymbol(name);
    }
}
