using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Modelwatch.Core.News;

namespace Modelwatch.News.Feeds.Xml;

/// <summary>
/// Text repairs made before XML parsing, each reported as a problem: an XML declaration that does not come first,
/// HTML entities XML does not define, and bare ampersands. CDATA sections and comments are left as written (XML never
/// interprets them, so "&amp;nbsp;" there is the HTML's business).
/// </summary>
internal static partial class XmlTextRepairs
{
    private static readonly HashSet<string> XmlEntities = ["amp", "lt", "gt", "quot", "apos"];

    public static string BlankMisplacedDeclaration(string text, List<FeedProblem> problems)
    {
        var match = DeclarationPattern().Match(text);
        if (!match.Success || match.Index == 0)
        {
            return text;
        }

        var line = text.AsSpan(0, match.Index).Count('\n') + 1;
        problems.Add(new FeedProblem($"line {line}", "an XML declaration must come first in the document; it follows other content here and was ignored."));
        return string.Concat(text.AsSpan(0, match.Index), new string(' ', match.Length), text.AsSpan(match.Index + match.Length));
    }

    public static string ReplaceHtmlEntities(string text, List<FeedProblem> problems)
    {
        var count = 0;
        string? first = null;
        var result = OutsideCdata(text, part => NamedEntityPattern().Replace(part, m =>
        {
            var name = m.Groups[1].Value;
            if (XmlEntities.Contains(name))
            {
                return m.Value;
            }

            var decoded = WebUtility.HtmlDecode(m.Value);
            if (decoded == m.Value)
            {
                return m.Value;
            }

            count++;
            first ??= m.Value;
            var builder = new StringBuilder();
            foreach (var rune in decoded.EnumerateRunes())
            {
                builder.Append("&#").Append(rune.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(';');
            }

            return builder.ToString();
        }));
        if (count > 0)
        {
            problems.Add(new FeedProblem("document", $"{count} HTML entity reference(s) XML does not define (first: {first}) read as the characters they name."));
        }

        return result;
    }

    public static string EscapeBareAmpersands(string text, List<FeedProblem> problems)
    {
        var count = 0;
        var result = OutsideCdata(text, part => BareAmpersandPattern().Replace(part, _ =>
        {
            count++;
            return "&amp;";
        }));
        if (count > 0)
        {
            problems.Add(new FeedProblem("document", $"{count} '&' not starting an entity reference read as a literal ampersand."));
        }

        return result;
    }

    /// <summary>Applies a repair to the text outside CDATA sections and comments, whose content XML never interprets.</summary>
    private static string OutsideCdata(string text, Func<string, string> repair)
    {
        if (!text.Contains("<![CDATA[", StringComparison.Ordinal) && !text.Contains("<!--", StringComparison.Ordinal))
        {
            return repair(text);
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (Match section in UninterpretedPattern().Matches(text))
        {
            builder.Append(repair(text[position..section.Index])).Append(section.Value);
            position = section.Index + section.Length;
        }

        return builder.Append(repair(text[position..])).ToString();
    }

    [GeneratedRegex("""<!\[CDATA\[.*?(?:\]\]>|$)|<!--.*?(?:-->|$)""", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex UninterpretedPattern();

    [GeneratedRegex("""<\?xml\s[^?]*\?>""", RegexOptions.CultureInvariant)]
    private static partial Regex DeclarationPattern();

    [GeneratedRegex("""&([A-Za-z][A-Za-z0-9]{1,31});""", RegexOptions.CultureInvariant)]
    private static partial Regex NamedEntityPattern();

    [GeneratedRegex("""&(?!#[0-9]+;|#x[0-9A-Fa-f]+;|[A-Za-z_][A-Za-z0-9_.-]*;)""", RegexOptions.CultureInvariant)]
    private static partial Regex BareAmpersandPattern();
}
