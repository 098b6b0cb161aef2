using Modelwatch.Core.News;
using Modelwatch.Core.News.Processing;

namespace Modelwatch.Core.Tests.News.Processing;

public sealed class NewsImportanceTests
{
    private static double S(int sources = 1, int models = 0, double hours = 0, int? points = null, int? comments = null, double boost = 0, NewsSourceKind kind = NewsSourceKind.Feed) =>
        NewsImportance.Score(sources, models, TimeSpan.FromHours(hours), points, comments, boost, kind);

    [Fact]
    public void Each_signal_raises_the_score_and_with_diminishing_returns()
    {
        Assert.True(S(sources: 3) > S(sources: 2));
        Assert.True(S(sources: 3) - S(sources: 2) < S(sources: 2) - S(sources: 1));
        Assert.True(S(models: 1) > S());
        Assert.True(S(points: 500) > S(points: 50));
        Assert.True(S(comments: 100) > S());
        Assert.True(S(kind: NewsSourceKind.LabBlog) > S(kind: NewsSourceKind.Reddit));
        Assert.Equal(S() + 2, S(boost: 2), 10);
    }

    [Fact]
    public void The_score_halves_every_24_hours_and_the_future_counts_as_now()
    {
        Assert.Equal(S(sources: 4) / 2, S(sources: 4, hours: 24), 10);
        Assert.Equal(S(sources: 4) / 8, S(sources: 4, hours: 72), 10);
        Assert.Equal(S(sources: 4), S(sources: 4, hours: -5), 10);
    }

    [Fact]
    public void Negative_boosts_stop_at_zero_and_bad_arguments_are_refused()
    {
        Assert.Equal(0, S(boost: -100));
        Assert.Throws<ArgumentOutOfRangeException>(() => S(sources: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => S(boost: double.PositiveInfinity));
    }
}
