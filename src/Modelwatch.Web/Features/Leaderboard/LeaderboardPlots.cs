using Modelwatch.Web.Features.Shared.Plots;

namespace Modelwatch.Web.Features.Leaderboard;

/// <summary>
/// What the leaderboard's plots draw, from the filtered rows: every row's interval, the heat maps of the top
/// <see cref="HeatMapModels"/> rows (from the report's pair matrices), and rating against blended price.
/// </summary>
public sealed record LeaderboardPlots(
    IReadOnlyList<IntervalPoint> Intervals,
    IReadOnlyList<string> TopModels,
    Func<int, int, double> WinFraction,
    Func<int, int, double> Battles,
    double MaxBattles,
    IReadOnlyList<PricePoint> Prices)
{
    /// <summary>How many models the heat maps show: more would not be readable at phone width.</summary>
    public const int HeatMapModels = 20;

    /// <summary>Blended price per million tokens: three input tokens to one output token, as the usual chat mix; input alone when the output price is unknown.</summary>
    public static double? Blended(decimal? input, decimal? output) => input switch
    {
        null => null,
        var i when output is { } o => (double)(((3 * i.Value) + o) / 4),
        var i => (double)i.Value,
    };

    /// <summary>The plots of <paramref name="view"/>'s rows.</summary>
    public static LeaderboardPlots Build(LeaderboardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var rows = view.Rows.OrderByDescending(r => r.Entry.Rating).ToList();
        var intervals = rows.Select(r => new IntervalPoint(r.Entry.Model, r.Entry.Rating, r.Entry.Lower, r.Entry.Upper)).ToList();
        var matrices = view.Board.Report.Matrices;
        var top = matrices is null ? [] : rows.Select(r => r.Entry.Model).Where(matrices.Models.Contains).Take(HeatMapModels).ToList();
        var index = matrices is null ? [] : top.Select(m => IndexOf(matrices.Models, m)).ToArray();
        double Win(int r, int c) => r == c || matrices!.Battles(index[r], index[c]) == 0 ? double.NaN : matrices.WinFraction(index[r], index[c]);
        double Count(int r, int c) => r == c ? double.NaN : matrices!.Battles(index[r], index[c]);
        var max = 0.0;
        for (var r = 0; r < top.Count; r++)
        {
            for (var c = 0; c < top.Count; c++)
            {
                if (r != c)
                {
                    max = Math.Max(max, matrices!.Battles(index[r], index[c]));
                }
            }
        }

        var prices = rows
            .Where(r => r.Model is not null && Blended(r.Model.InputPerMillion, r.Model.OutputPerMillion) > 0)
            .Select(r => new PricePoint(r.Entry.Model, Blended(r.Model!.InputPerMillion, r.Model.OutputPerMillion)!.Value, r.Entry.Rating))
            .ToList();
        return new LeaderboardPlots(intervals, top, Win, Count, max, prices);
    }

    private static int IndexOf(IReadOnlyList<string> models, string model)
    {
        for (var i = 0; i < models.Count; i++)
        {
            if (string.Equals(models[i], model, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
