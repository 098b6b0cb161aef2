namespace Modelwatch.Web.Features.Shared.Plots;

/// <summary>Maps a data range onto pixels, with round tick values ("nice" steps of 1, 2 or 5 × 10ⁿ).</summary>
internal sealed class LinearScale(double min, double max, double from, double to, IReadOnlyList<double> ticks)
{
    public IReadOnlyList<double> Ticks => ticks;

    public double Map(double value) => max == min ? (from + to) / 2 : from + ((value - min) / (max - min) * (to - from));

    public static LinearScale Nice(double min, double max, double from, double to, int tickCount = 6)
    {
        if (max <= min)
        {
            max = min + 1;
        }

        var raw = (max - min) / tickCount;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(f => f * magnitude).First(s => s >= raw);
        var lo = Math.Floor(min / step) * step;
        var hi = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        for (var t = lo; t <= hi + (step / 2); t += step)
        {
            ticks.Add(Math.Round(t, 10));
        }

        return new LinearScale(lo, hi, from, to, ticks);
    }
}
