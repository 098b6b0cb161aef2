namespace Modelwatch.Core.News.Processing;

/// <summary>
/// How much an item or story matters for the digest's ranking:
/// <c>score = max(0, coverage + models + engagement + primary + boost) · 2^(−age / 24 h)</c>, where
/// <list type="bullet">
/// <item><c>coverage = 2 · ln(1 + sources)</c>: each further source covering it adds less (the fifth outlet repeating a
/// launch says less than the second);</item>
/// <item><c>models = 1.5 · ln(1 + catalog models mentioned)</c>: news about models people track ranks first;</item>
/// <item><c>engagement = log10(1 + points) + 0.5 · log10(1 + comments)</c>, where the source gives them (Hacker News,
/// Reddit): 10 points add 1, 1000 add 3;</item>
/// <item><c>primary = 1</c> for a lab's own blog (the release itself), else 0;</item>
/// <item><c>boost</c>: the sum of the user's boost rules that matched;</item>
/// <item>recency halves the score every 24 hours (a daily digest), and the future counts as now.</item>
/// </list>
/// The terms are logarithmic so that no one signal (a thousand-point HN thread) outweighs all the others.
/// </summary>
public static class NewsImportance
{
    public static readonly TimeSpan HalfLife = TimeSpan.FromHours(24);

    public static double Score(int sources, int catalogModels, TimeSpan age, int? points, int? comments, double boost, NewsSourceKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sources);
        ArgumentOutOfRangeException.ThrowIfNegative(catalogModels);
        if (!double.IsFinite(boost))
        {
            throw new ArgumentOutOfRangeException(nameof(boost), boost, "The boost must be a finite number.");
        }

        var coverage = 2 * Math.Log(1 + sources);
        var models = 1.5 * Math.Log(1 + catalogModels);
        var engagement = Math.Log10(1 + Math.Max(0, points ?? 0)) + (0.5 * Math.Log10(1 + Math.Max(0, comments ?? 0)));
        var primary = kind == NewsSourceKind.LabBlog ? 1.0 : 0.0;
        var hours = Math.Max(0, age.TotalHours);
        var decay = Math.Pow(2, -hours / HalfLife.TotalHours);
        return Math.Max(0, coverage + models + engagement + primary + boost) * decay;
    }
}
