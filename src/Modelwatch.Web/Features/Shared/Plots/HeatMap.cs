using Microsoft.AspNetCore.Html;

namespace Modelwatch.Web.Features.Shared.Plots;

/// <summary>
/// A square matrix as coloured cells: row model against column model (win fraction of the row model, or battle
/// counts). Cells without data (the diagonal, pairs that never met) are left blank.
/// </summary>
public static class HeatMap
{
    private const double Cell = 26;
    private const double Margin = 200;

    /// <summary>The SVG.</summary>
    /// <param name="id">The figure's id (the SVG gets <c>{id}-svg</c>).</param>
    /// <param name="label">What the plot shows, for the title and screen readers.</param>
    /// <param name="models">Row and column labels, in order.</param>
    /// <param name="value">The cell value of (row, column); NaN for no data.</param>
    /// <param name="format">The cell's text.</param>
    /// <param name="max">The value drawn darkest; the lightest is 0.</param>
    public static HtmlString Render(string id, string label, IReadOnlyList<string> models, Func<int, int, double> value, Func<double, string> format, double max)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(format);
        var n = models.Count;
        var size = Margin + (Cell * n) + 10;
        var svg = new Svg(id, size, size, label);
        for (var i = 0; i < n; i++)
        {
            svg.Text(Margin - 6, Margin + (Cell * i) + (Cell / 2) + 4, models[i], "label", "end");
            var x = Margin + (Cell * i) + (Cell / 2);
            svg.Raw($"<text class=\"label\" x=\"{Svg.N(x)}\" y=\"{Svg.N(Margin - 6)}\" transform=\"rotate(-60 {Svg.N(x)} {Svg.N(Margin - 6)})\" fill=\"currentColor\">{Svg.Escape(models[i])}</text>");
        }

        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                var v = value(r, c);
                if (!double.IsFinite(v))
                {
                    continue;
                }

                var x = Margin + (Cell * c);
                var y = Margin + (Cell * r);
                var shade = max > 0 ? Math.Clamp(v / max, 0, 1) : 0;
                var text = format(v);
                svg.Raw($"<g class=\"cell\" data-row=\"{Svg.Escape(models[r])}\" data-column=\"{Svg.Escape(models[c])}\"><title>{Svg.Escape($"{models[r]} / {models[c]}: {text}")}</title>");
                svg.Raw($"<rect x=\"{Svg.N(x)}\" y=\"{Svg.N(y)}\" width=\"{Svg.N(Cell - 1)}\" height=\"{Svg.N(Cell - 1)}\" fill=\"#1f5fa8\" fill-opacity=\"{Svg.N(0.08 + (0.85 * shade))}\"/>");
                svg.Raw($"<text class=\"value\" x=\"{Svg.N(x + (Cell / 2))}\" y=\"{Svg.N(y + (Cell / 2) + 3)}\" text-anchor=\"middle\" fill=\"{(shade > 0.55 ? "#fff" : "#111")}\">{Svg.Escape(text)}</text></g>");
            }
        }

        return svg.Build();
    }
}
