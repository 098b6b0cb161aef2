using Microsoft.AspNetCore.Html;

namespace Modelwatch.Web.Features.Shared.Plots;

/// <summary>One model's rating with its 95% interval.</summary>
public sealed record IntervalPoint(string Model, double Rating, double Lower, double Upper);

/// <summary>Ratings as dots with 95% whiskers, one row per model, best first: overlapping whiskers are statistical ties.</summary>
public static class IntervalPlot
{
    private const double RowHeight = 14;
    private const double Left = 210;
    private const double Right = 20;
    private const double Top = 10;
    private const double Bottom = 30;
    private const double Width = 720;

    /// <summary>The SVG; points are drawn in the order given after sorting by rating (best first).</summary>
    public static HtmlString Render(string id, string label, IReadOnlyList<IntervalPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.Where(p => double.IsFinite(p.Rating)).OrderByDescending(p => p.Rating).ToList();
        var height = Top + Bottom + (RowHeight * Math.Max(sorted.Count, 1));
        var svg = new Svg(id, Width, height, label);
        if (sorted.Count == 0)
        {
            return svg.Build();
        }

        var lows = sorted.Select(p => double.IsFinite(p.Lower) ? p.Lower : p.Rating);
        var highs = sorted.Select(p => double.IsFinite(p.Upper) ? p.Upper : p.Rating);
        var scale = LinearScale.Nice(lows.Min(), highs.Max(), Left, Width - Right);
        var axisY = height - Bottom + 6;
        foreach (var tick in scale.Ticks)
        {
            svg.Line(scale.Map(tick), Top, scale.Map(tick), axisY - 6, "grid");
            svg.Text(scale.Map(tick), axisY + 12, Svg.N(tick), "tick", "middle");
        }

        for (var i = 0; i < sorted.Count; i++)
        {
            var p = sorted[i];
            var y = Top + (RowHeight * i) + (RowHeight / 2);
            var lower = double.IsFinite(p.Lower) ? p.Lower : p.Rating;
            var upper = double.IsFinite(p.Upper) ? p.Upper : p.Rating;
            svg.Raw($"<g class=\"mark\" data-model=\"{Svg.Escape(p.Model)}\"><title>{Svg.Escape($"{p.Model}: {Display.Rating(p.Rating)} ({Display.Rating(lower)}–{Display.Rating(upper)})")}</title>");
            svg.Text(Left - 6, y + 4, p.Model, "label", "end");
            svg.Line(scale.Map(lower), y, scale.Map(upper), y, "whisker");
            svg.Raw($"<circle class=\"dot\" cx=\"{Svg.N(scale.Map(p.Rating))}\" cy=\"{Svg.N(y)}\" r=\"3.5\" fill=\"currentColor\"/></g>");
        }

        return svg.Build();
    }
}
