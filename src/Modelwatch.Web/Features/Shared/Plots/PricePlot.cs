using Microsoft.AspNetCore.Html;
using Modelwatch.Core.Leaderboards;

namespace Modelwatch.Web.Features.Shared.Plots;

/// <summary>One model's rating and price (dollars per million tokens).</summary>
public sealed record PricePoint(string Model, double Price, double Rating);

/// <summary>
/// Rating against price on a logarithmic price axis (prices span four orders of magnitude), with the Pareto front
/// (<see cref="ParetoFront"/>: the cheapest model for each level of quality) drawn as a line and its models labelled.
/// </summary>
public static class PricePlot
{
    private const double Width = 720;
    private const double Height = 420;
    private const double Left = 50;
    private const double Right = 130;
    private const double Top = 15;
    private const double Bottom = 40;

    /// <summary>The models on the front of <paramref name="points"/> (positive prices only), cheapest first.</summary>
    public static IReadOnlyList<PricePoint> Front(IEnumerable<PricePoint> points) =>
        ParetoFront.Of(points.Where(p => p.Price > 0), p => p.Price, p => p.Rating);

    /// <summary>The SVG; points without a positive price are left out (a log axis has no 0).</summary>
    public static HtmlString Render(string id, string label, string axisLabel, IReadOnlyList<PricePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var shown = points.Where(p => p.Price > 0 && double.IsFinite(p.Rating)).ToList();
        var svg = new Svg(id, Width, Height, label);
        if (shown.Count == 0)
        {
            return svg.Build();
        }

        var front = Front(shown);
        var onFront = front.ToHashSet();
        var minLog = Math.Floor(Math.Log10(shown.Min(p => p.Price)));
        var maxLog = Math.Ceiling(Math.Log10(shown.Max(p => p.Price)));
        if (maxLog <= minLog)
        {
            maxLog = minLog + 1;
        }

        double X(double price) => Left + ((Math.Log10(price) - minLog) / (maxLog - minLog) * (Width - Left - Right));
        var y = LinearScale.Nice(shown.Min(p => p.Rating), shown.Max(p => p.Rating), Height - Bottom, Top);
        foreach (var tick in y.Ticks)
        {
            svg.Line(Left, y.Map(tick), Width - Right, y.Map(tick), "grid");
            svg.Text(Left - 4, y.Map(tick) + 4, Svg.N(tick), "tick", "end");
        }

        for (var e = minLog; e <= maxLog; e++)
        {
            var price = Math.Pow(10, e);
            svg.Line(X(price), Top, X(price), Height - Bottom, "grid");
            svg.Text(X(price), Height - Bottom + 14, Display.Price((decimal)price), "tick", "middle");
        }

        svg.Text((Left + Width - Right) / 2, Height - 6, axisLabel, "axis", "middle");
        svg.Raw($"<polyline class=\"front\" fill=\"none\" stroke=\"#c2410c\" stroke-width=\"1.5\" points=\"{string.Join(' ', front.Select(p => $"{Svg.N(X(p.Price))},{Svg.N(y.Map(p.Rating))}"))}\"/>");
        foreach (var p in shown)
        {
            var isFront = onFront.Contains(p);
            svg.Raw($"<g class=\"mark{(isFront ? " on-front" : "")}\" data-model=\"{Svg.Escape(p.Model)}\"><title>{Svg.Escape($"{p.Model}: {Display.Rating(p.Rating)}, {Display.Price((decimal)p.Price)}")}</title>");
            svg.Raw($"<circle cx=\"{Svg.N(X(p.Price))}\" cy=\"{Svg.N(y.Map(p.Rating))}\" r=\"{(isFront ? "4" : "3")}\" fill=\"{(isFront ? "#c2410c" : "#1f5fa8")}\" fill-opacity=\"{(isFront ? "1" : "0.6")}\"/>");
            if (isFront)
            {
                svg.Text(X(p.Price) + 6, y.Map(p.Rating) + 4, p.Model, "label");
            }

            svg.Raw("</g>");
        }

        return svg.Build();
    }
}
