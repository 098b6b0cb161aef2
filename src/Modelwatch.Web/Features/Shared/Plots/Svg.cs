using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Modelwatch.Web.Features.Shared.Plots;

/// <summary>
/// A small SVG writer for server-rendered plots: every text is HTML-escaped, numbers are invariant, and the root
/// carries <c>role="img"</c>, an <c>aria-label</c> and a <c>&lt;title&gt;</c> so screen readers announce the plot.
/// Presentation is in attributes and classes only (the CSP forbids inline style attributes).
/// </summary>
internal sealed class Svg
{
    private readonly StringBuilder _text = new();

    public Svg(string id, double width, double height, string label)
    {
        _text.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot-svg\" id=\"{Escape(id)}-svg\" viewBox=\"0 0 {N(width)} {N(height)}\" role=\"img\" aria-label=\"{Escape(label)}\">");
        _text.Append("<title>").Append(Escape(label)).Append("</title>");
    }

    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    public Svg Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    public Svg Line(double x1, double y1, double x2, double y2, string cssClass) =>
        Raw($"<line class=\"{cssClass}\" x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"currentColor\"/>");

    public Svg Text(double x, double y, string text, string cssClass, string anchor = "start") =>
        Raw($"<text class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" fill=\"currentColor\">{Escape(text)}</text>");

    public HtmlString Build() => new(_text.Append("</svg>").ToString());
}
