namespace Modelwatch.News.Fetching;

/// <summary>
/// When to try a failing source again: the interval doubled per consecutive failure, capped at a day, with "equal
/// jitter" (half the step fixed, half random). The fixed half keeps a broken source from being hammered; the random
/// half spreads sources that failed together (one host down) so they do not all retry in the same second.
/// </summary>
public static class FetchBackoff
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(24);

    /// <param name="consecutiveFailures">Failures in a row; 0 means healthy (the plain interval).</param>
    /// <param name="interval">The source's normal fetch interval.</param>
    /// <param name="random01">A uniform random number in [0, 1] (injected, so tests and replays are deterministic).</param>
    public static TimeSpan Delay(int consecutiveFailures, TimeSpan interval, double random01)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The fetch interval must be positive.");
        }

        if (double.IsNaN(random01) || random01 is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(random01), random01, "Expected a number in [0, 1].");
        }

        if (consecutiveFailures <= 0)
        {
            return interval;
        }

        var cap = Math.Max(MaxDelay.Ticks, interval.Ticks);
        var step = Math.Min(cap, interval.Ticks * Math.Pow(2, Math.Min(consecutiveFailures, 40)));
        var delay = (step / 2) + (step / 2 * random01);
        return TimeSpan.FromTicks((long)Math.Max(delay, interval.Ticks));
    }
}
