using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;

namespace Modelwatch.Web.Features.Arena.Battles;

/// <summary>
/// Answers as HTML: Markdig with the advanced extensions but no raw HTML, then HtmlSanitizer with a short list of
/// formatting tags and no ids, classes, styles, event handlers or non-web links. Model output is untrusted (a prompt
/// can ask for any text), and the page sets it with innerHTML, so everything that reaches the browser passes here.
/// </summary>
public static class AnswerHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Safe HTML for a (possibly partial) markdown answer.</summary>
    public static string Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return markdown.Length == 0 ? "" : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(
                ["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "del", "s", "sub", "sup", "mark",
                 "code", "pre", "kbd", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "a", "table", "thead", "tbody", "tfoot",
                 "tr", "th", "td", "caption", "abbr", "figure", "figcaption", "span", "div", "input"],
                StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "title", "colspan", "rowspan", "start", "type", "checked", "disabled"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IHtmlAnchorElement anchor)
            {
                anchor.SetAttribute("rel", "nofollow noopener noreferrer");
            }
            else if (e.Node is IHtmlInputElement input)
            {
                if (!string.Equals(input.Type, "checkbox", StringComparison.OrdinalIgnoreCase))
                {
                    input.Remove();
                }
                else
                {
                    input.SetAttribute("disabled", "disabled");
                }
            }
        };
        return sanitizer;
    }
}
