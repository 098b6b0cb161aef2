namespace Modelwatch.Cli.Progress;

/// <summary>
/// A progress line on stderr: rewritten in place on a terminal (at most 5 times a second), an occasional plain line
/// when stderr is redirected (so logs stay readable). Jobs shorter than half a second print nothing.
/// </summary>
internal sealed class StatusLine(CliContext context) : IDisposable
{
    private readonly long _started = context.Time.GetTimestamp();
    private readonly Lock _gate = new();
    private TimeSpan _lastReport;
    private bool _wroteInPlace;

    /// <summary>Writes the line <paramref name="format"/> makes from the elapsed time, if it is time to.</summary>
    public void Update(Func<TimeSpan, string> format)
    {
        lock (_gate)
        {
            // Bootstrap rounds finish on several threads; one writer at a time keeps the line whole.
            var elapsed = context.Time.GetElapsedTime(_started);
            var interval = context.ErrorIsRedirected ? TimeSpan.FromSeconds(2) : TimeSpan.FromMilliseconds(200);
            if (elapsed < TimeSpan.FromSeconds(0.5) || elapsed - _lastReport < interval)
            {
                return;
            }

            _lastReport = elapsed;
            var line = format(elapsed);
            if (context.ErrorIsRedirected)
            {
                context.Error.WriteLine(line);
            }
            else
            {
                context.Error.Write("\r" + line.PadRight(79));
                _wroteInPlace = true;
            }
        }
    }

    public void Dispose()
    {
        if (_wroteInPlace)
        {
            context.Error.Write("\r" + new string(' ', 79) + "\r");
        }
    }
}
