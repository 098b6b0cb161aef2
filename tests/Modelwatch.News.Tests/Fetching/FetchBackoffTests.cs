using Modelwatch.News.Fetching;

namespace Modelwatch.News.Tests.Fetching;

/// <summary>Exponential backoff with equal jitter: bounds per failure count, the cap, and bad arguments.</summary>
public sealed class FetchBackoffTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void A_healthy_source_waits_its_interval()
    {
        Assert.Equal(Hour, FetchBackoff.Delay(0, Hour, 0.73));
    }

    [Theory]
    [InlineData(1, 1.0, 2.0)]
    [InlineData(2, 2.0, 4.0)]
    [InlineData(3, 4.0, 8.0)]
    [InlineData(4, 8.0, 16.0)]
    public void Each_failure_doubles_the_window_and_jitter_spans_its_upper_half(int failures, double lowHours, double highHours)
    {
        Assert.Equal(TimeSpan.FromHours(lowHours), FetchBackoff.Delay(failures, Hour, 0.0));
        Assert.Equal(TimeSpan.FromHours(highHours), FetchBackoff.Delay(failures, Hour, 1.0));
        Assert.Equal(TimeSpan.FromHours((lowHours + highHours) / 2), FetchBackoff.Delay(failures, Hour, 0.5));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(30)]
    [InlineData(int.MaxValue)]
    public void The_delay_never_passes_a_day(int failures)
    {
        Assert.Equal(FetchBackoff.MaxDelay, FetchBackoff.Delay(failures, Hour, 1.0));
        Assert.Equal(FetchBackoff.MaxDelay / 2, FetchBackoff.Delay(failures, Hour, 0.0));
    }

    [Fact]
    public void The_delay_is_never_shorter_than_the_interval()
    {
        var weekly = TimeSpan.FromDays(7);

        Assert.Equal(weekly, FetchBackoff.Delay(3, weekly, 0.0));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Refuses_a_random_number_outside_zero_to_one(double random01)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FetchBackoff.Delay(1, Hour, random01));
    }

    [Fact]
    public void Refuses_a_non_positive_interval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FetchBackoff.Delay(1, TimeSpan.Zero, 0.5));
    }
}
