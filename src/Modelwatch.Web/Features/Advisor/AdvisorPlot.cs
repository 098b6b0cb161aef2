using Microsoft.AspNetCore.Html;
using Modelwatch.Core.Advisor;
using Modelwatch.Web.Features.Shared;
using Modelwatch.Web.Features.Shared.Plots;

namespace Modelwatch.Web.Features.Advisor;

/// <summary>
/// The advisor's quality-against-price plot, drawn on the server: every eligible rated and priced model as a dot with
/// its 95% rating interval as a vertical bar, blended price on a log axis (prices span four orders of magnitude), the
/// Pareto front as a line, and the picks ringed and labelled with their position ("=2" when tied, as in the list).
/// The front and the picks come from the result (<see cref="AdvisorPoint.OnParetoFront"/>, <see cref="AdvisorPoint.Picked"/>):
/// the plot draws the advisor's answer, it does not compute a second one.
/// </summary>
public static class AdvisorPlot
{
    private const double Width = 720;
    private const double Height = 440;
    private const double Left = 50;
    private const double Right = 150;
    private const double Top = 15;
    private const double Bottom = 40;

    /// <summary>"1", or "=2" for a position shared with another pick.</summary>
    public static string Position(AdvisorPick pick)
    {
        ArgumentNullException.ThrowIfNull(pick);
        return (pick.Tied ? "=" : "") + pick.Position.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The SVG of <paramref name="points"/>; points without a positive price are left out (a log axis has no 0).</summary>
    public static HtmlString Render(string id, string label, string axisLabel, IReadOnlyList<AdvisorPoint> points, IReadOnlyList<AdvisorPick> picks)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(picks);
        var shown = points.Where(p => p.PricePerMillion > 0 && double.IsFinite(p.Rating)).ToList();
        var svg = new Svg(id, Width, Height, label);
        if (shown.Count == 0)
        {
            return svg.Build();
        }

        var positions = picks.ToDictionary(p => p.Candidate.ModelId, Position, StringComparer.Ordinal);
        var prices = shown.Select(p => (double)p.PricePerMillion).ToList();
        var minLog = Math.Floor(Math.Log10(prices.Min()));
        var maxLog = Math.Ceiling(Math.Log10(prices.Max()));
        if (maxLog <= minLog)
        {
            maxLog = minLog + 1;
        }

        double X(decimal price) => Left + ((Math.Log10((double)price) - minLog) / (maxLog - minLog) * (Width - Left - Right));
        double Bound(double value, double fallback) => double.IsFinite(value) ? value : fallback;
        var y = LinearScale.Nice(shown.Min(p => Bound(p.Lower, p.Rating)), shown.Max(p => Bound(p.Upper, p.Rating)), Height - Bottom, Top);
        foreach (var tick in y.Ticks)
        {
            svg.Line(Left, y.Map(tick), Width - Right, y.Map(tick), "grid");
            svg.Text(Left - 4, y.Map(tick) + 4, Svg.N(tick), "tick", "end");
        }

        for (var e = minLog; e <= maxLog; e++)
        {
            var price = (decimal)Math.Pow(10, e);
            svg.Line(X(price), Top, X(price), Height - Bottom, "grid");
            svg.Text(X(price), Height - Bottom + 14, Display.Price(price), "tick", "middle");
        }

        svg.Text((Left + Width - Right) / 2, Height - 6, axisLabel, "axis", "middle");
        var front = shown.Where(p => p.OnParetoFront).OrderBy(p => p.PricePerMillion).ThenBy(p => p.Rating).ToList();
        if (front.Count > 0)
        {
            svg.Raw($"<polyline class=\"front\" fill=\"none\" stroke=\"#c2410c\" stroke-width=\"1.5\" points=\"{string.Join(' ', front.Select(p => $"{Svg.N(X(p.PricePerMillion))},{Svg.N(y.Map(p.Rating))}"))}\"/>");
        }

        // Picks last, so their rings and labels are drawn over the other models.
        foreach (var p in shown.OrderBy(p => p.Picked))
        {
            var (cx, cy) = (X(p.PricePerMillion), y.Map(p.Rating));
            var classes = "mark" + (p.OnParetoFront ? " on-front" : "") + (p.Picked ? " picked" : "");
            var position = positions.GetValueOrDefault(p.ModelId);
            var picked = p.Picked && position is not null ? $" data-position=\"{Svg.Escape(position)}\"" : "";
            var title = $"{p.Name}: {Display.Rating(p.Rating)} ({Display.Rating(Bound(p.Lower, p.Rating))}\u2013{Display.Rating(Bound(p.Upper, p.Rating))}), {Display.Price(p.PricePerMillion)}";
            svg.Raw($"<g class=\"{classes}\" data-model-id=\"{Svg.Escape(p.ModelId)}\"{picked}><title>{Svg.Escape(title)}</title>");
            svg.Raw($"<line class=\"interval\" x1=\"{Svg.N(cx)}\" y1=\"{Svg.N(y.Map(Bound(p.Lower, p.Rating)))}\" x2=\"{Svg.N(cx)}\" y2=\"{Svg.N(y.Map(Bound(p.Upper, p.Rating)))}\" stroke=\"currentColor\"/>");
            svg.Raw($"<circle cx=\"{Svg.N(cx)}\" cy=\"{Svg.N(cy)}\" r=\"{(p.OnParetoFront ? "4" : "3")}\" fill=\"{(p.OnParetoFront ? "#c2410c" : "#1f5fa8")}\" fill-opacity=\"{(p.OnParetoFront ? "1" : "0.6")}\"/>");
            if (p.Picked)
            {
                svg.Raw($"<circle class=\"pick-ring\" cx=\"{Svg.N(cx)}\" cy=\"{Svg.N(cy)}\" r=\"8\" fill=\"none\" stroke=\"#15803d\" stroke-width=\"2\"/>");
                svg.Text(cx + 10, cy + 4, position is null ? p.Name : $"{position} {p.Name}", "label pick-label");
            }
            else if (p.OnParetoFront)
            {
                svg.Text(cx + 6, cy + 4, p.Name, "label");
            }

            svg.Raw("</g>");
        }

        return svg.Build();
    }
}
