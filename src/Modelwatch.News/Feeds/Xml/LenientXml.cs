using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Modelwatch.Core.News;

namespace Modelwatch.News.Feeds.Xml;

/// <summary>
/// Loads feed XML into an element tree, recovering what real feeds get wrong: an XML declaration after a comment,
/// HTML entities (&amp;nbsp;) and bare ampersands XML does not allow, namespace prefixes used without a declaration
/// (read with the module's usual namespace), DTDs (ignored, never fetched), and a document cut off or broken part way
/// (the tree built so far is kept, minus the item or entry that was being read).
/// </summary>
internal static partial class LenientXml
{
    private const int MaxDepth = 100;

    private static readonly HashSet<string> XmlEntities = ["amp", "lt", "gt", "quot", "apos"];

    /// <summary>Namespaces the usual feed modules are declared with, for documents that use the prefix without declaring it.</summary>
    private static readonly Dictionary<string, string> KnownPrefixes = new(StringComparer.Ordinal)
    {
        ["dc"] = FeedNamespaces.DublinCore,
        ["content"] = FeedNamespaces.Content,
        ["atom"] = FeedNamespaces.Atom10,
        ["itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd",
        ["media"] = "http://search.yahoo.com/mrss/",
        ["slash"] = FeedNamespaces.Slash,
        ["rdf"] = FeedNamespaces.Rdf,
        ["arxiv"] = FeedNamespaces.Arxiv,
    };

    public static LoadedXml Load(string text, List<FeedProblem> problems)
    {
        var problemsBefore = problems.Count;
        text = BlankMisplacedDeclaration(text, problems);
        text = ReplaceHtmlEntities(text, problems);
        text = EscapeBareAmpersands(text, problems);
        var repaired = problems.Count > problemsBefore;
        var undeclared = UndeclaredPrefixes(text);

        var names = new NameTable();
        var namespaces = new XmlNamespaceManager(names);
        foreach (var prefix in undeclared)
        {
            namespaces.AddNamespace(prefix, KnownPrefixes.GetValueOrDefault(prefix, "urn:modelwatch:undeclared:" + prefix));
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            CheckCharacters = false,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            NameTable = names,
        };
        var context = new XmlParserContext(names, namespaces, null, XmlSpace.None);
        using var reader = XmlReader.Create(new StringReader(text), settings, context);
        return Build(reader, undeclared, repaired, problems);
    }

    private static LoadedXml Build(XmlReader reader, HashSet<string> undeclared, bool repaired, List<FeedProblem> problems)
    {
        var lineInfo = (IXmlLineInfo)reader;
        var open = new Stack<XElement>();
        var reported = new HashSet<string>();
        XElement? root = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var position = new XmlPosition(lineInfo.LineNumber, lineInfo.LinePosition);
                        var element = ReadElement(reader, position, undeclared, reported, problems);
                        if (open.Count == 0)
                        {
                            root = element;
                        }
                        else
                        {
                            open.Peek().Add(element);
                        }

                        if (!reader.IsEmptyElement)
                        {
                            open.Push(element);
                        }

                        if (open.Count > MaxDepth)
                        {
                            // Feeds nest a handful of levels; thousands would overflow the stack in the recursive readers.
                            throw new XmlException($"elements nested more than {MaxDepth} deep", null, position.Line, position.Column);
                        }

                        break;
                    case XmlNodeType.EndElement:
                        open.Pop();
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        if (open.Count > 0)
                        {
                            open.Peek().Add(new XText(reader.Value));
                        }

                        break;
                }
            }

            return new LoadedXml(root, Recovered: repaired || reported.Count > 0);
        }
        catch (XmlException ex)
        {
            var where = $"line {ex.LineNumber}, column {ex.LinePosition}";
            if (root is null)
            {
                return new LoadedXml(null, Recovered: false, Failure: $"{where}: {ex.Message}");
            }

            var dropped = DropUnfinishedEntries(open);
            var inside = open.Count > 0 ? $" inside <{open.Peek().Name.LocalName}>" : string.Empty;
            problems.Add(new FeedProblem(where, $"not well-formed XML{inside} ({ex.Message}); kept what was complete before it"
                + (dropped > 0 ? $", dropped {dropped} unfinished item(s)." : ".")));
            return new LoadedXml(root, Recovered: true, CutShort: true);
        }
    }

    private static XElement ReadElement(XmlReader reader, XmlPosition position, HashSet<string> undeclared, HashSet<string> reported, List<FeedProblem> problems)
    {
        NoteUndeclared(reader.Prefix, position, undeclared, reported, problems);
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        element.AddAnnotation(position);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.Prefix == "xmlns" || (reader.Prefix.Length == 0 && reader.LocalName == "xmlns"))
                {
                    continue;
                }

                NoteUndeclared(reader.Prefix, position, undeclared, reported, problems);
                var name = XName.Get(reader.LocalName, reader.NamespaceURI);
                if (element.Attribute(name) is null)
                {
                    element.Add(new XAttribute(name, reader.Value));
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        return element;
    }

    private static void NoteUndeclared(string prefix, XmlPosition position, HashSet<string> undeclared, HashSet<string> reported, List<FeedProblem> problems)
    {
        if (prefix.Length > 0 && undeclared.Contains(prefix) && reported.Add(prefix))
        {
            var uri = KnownPrefixes.GetValueOrDefault(prefix, "urn:modelwatch:undeclared:" + prefix);
            problems.Add(new FeedProblem(position.ToString(), $"namespace prefix '{prefix}' is used without an xmlns:{prefix} declaration; read as {uri}."));
        }
    }

    /// <summary>An item or entry still open when the document broke is incomplete: it is removed rather than half-read.</summary>
    private static int DropUnfinishedEntries(Stack<XElement> open)
    {
        var dropped = 0;
        foreach (var element in open)
        {
            if (element.Name.LocalName is "item" or "entry" && element.Parent is not null)
            {
                element.Remove();
                dropped++;
            }
        }

        return dropped;
    }

    private static string BlankMisplacedDeclaration(string text, List<FeedProblem> problems)
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

    private static string ReplaceHtmlEntities(string text, List<FeedProblem> problems)
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

    private static string EscapeBareAmpersands(string text, List<FeedProblem> problems)
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

    private static HashSet<string> UndeclaredPrefixes(string text)
    {
        var declared = DeclaredPrefixPattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var used = UsedPrefixPattern().Matches(text).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        return used.Where(p => p is not "xml" and not "xmlns" && !declared.Contains(p)).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("""<!\[CDATA\[.*?(?:\]\]>|$)|<!--.*?(?:-->|$)""", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex UninterpretedPattern();

    [GeneratedRegex("""<\?xml\s[^?]*\?>""", RegexOptions.CultureInvariant)]
    private static partial Regex DeclarationPattern();

    [GeneratedRegex("""&([A-Za-z][A-Za-z0-9]{1,31});""", RegexOptions.CultureInvariant)]
    private static partial Regex NamedEntityPattern();

    [GeneratedRegex("""&(?!#[0-9]+;|#x[0-9A-Fa-f]+;|[A-Za-z_][A-Za-z0-9_.-]*;)""", RegexOptions.CultureInvariant)]
    private static partial Regex BareAmpersandPattern();

    [GeneratedRegex("""xmlns:([A-Za-z_][A-Za-z0-9_.-]*)\s*=""", RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredPrefixPattern();

    [GeneratedRegex("""</?([A-Za-z_][A-Za-z0-9_.-]*):[A-Za-z_]|\s([A-Za-z_][A-Za-z0-9_.-]*):[A-Za-z_][A-Za-z0-9_.-]*\s*=\s*["']""", RegexOptions.CultureInvariant)]
    private static partial Regex UsedPrefixPattern();
}

/// <summary>The tree loaded (null when not even a root element could be read); whether anything was repaired; whether the
/// document broke part way (<paramref name="CutShort"/>: what follows the break is lost); why it failed.</summary>
internal sealed record LoadedXml(XElement? Root, bool Recovered, bool CutShort = false, string? Failure = null);
