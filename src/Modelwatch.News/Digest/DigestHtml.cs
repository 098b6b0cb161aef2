using System.Net;
using System.Text;
using Ganss.Xss;
using Markdig;
using Modelwatch.Core.News.Digest;

namespace Modelwatch.News.Digest;

/// <summary>
/// A digest as a self-contained HTML document for e-mail: plain semantic markup without scripts, styles or images
/// (mail clients strip them anyway), every title and summary encoded, the recap (Markdown a person may have edited)
/// rendered without raw HTML and sanitised.
/// </summary>
public static class DigestHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string Write(DigestDocument digest, string? recap = null)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(digest.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(digest.Title)).Append("</title>\n</head>\n<body>\n<h1>").Append(Encode(digest.Title)).Append("</h1>\n")
            .Append(Fragment(digest, recap));
        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>The digest's body without the document around it (an Atom entry's content).</summary>
    public static string Fragment(DigestDocument digest, string? recap = null)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var labels = DigestLabels.For(digest.Language);
        var html = new StringBuilder();
        html.Append("<p>").Append(Encode(labels.Header(digest.Counts))).Append(' ').Append(Encode(labels.SummarizedBy(digest.SummarizedBy))).Append("</p>\n");
        var recapHtml = RecapHtml(recap ?? digest.Recap);
        if (recapHtml.Length > 0)
        {
            html.Append("<h2>").Append(Encode(labels.RecapHeading)).Append("</h2>\n").Append(recapHtml).Append('\n');
        }

        foreach (var section in digest.Sections)
        {
            html.Append("<h2>").Append(Encode(labels.Section(section.Theme))).Append("</h2>\n<ul>\n");
            foreach (var bullet in section.Bullets)
            {
                html.Append("<li><strong>").Append(Encode(bullet.Title)).Append("</strong>");
                if (bullet.OriginalTitle is not null)
                {
                    html.Append(" (").Append(Encode(bullet.OriginalTitle)).Append(')');
                }

                if (bullet.Summary.Length > 0)
                {
                    html.Append(": ").Append(Encode(bullet.Summary));
                }

                html.Append(' ').AppendJoin(" · ", bullet.Links.Select(l => $"<a href=\"{Encode(l.Url)}\">{Encode(l.Source)}</a>")).Append("</li>\n");
            }

            if (section.More > 0)
            {
                html.Append("<li>").Append(Encode(labels.More(section.More))).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        return html.ToString();
    }

    /// <summary>The recap's Markdown as sanitised HTML (links kept, scripts and handlers out).</summary>
    public static string RecapHtml(string recap)
    {
        if (string.IsNullOrWhiteSpace(recap))
        {
            return "";
        }

        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        return sanitizer.Sanitize(Markdown.ToHtml(recap, Pipeline)).Trim();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
