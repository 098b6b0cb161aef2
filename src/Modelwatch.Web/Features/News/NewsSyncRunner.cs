using Modelwatch.News.Sync;

namespace Modelwatch.Web.Features.News;

/// <summary>
/// "Sync now": one fetch run at a time per instance, in the background, with its progress readable while it runs
/// (the sources page polls <c>GET /api/news/sync</c>). The scheduled job goes through here too, so a person pressing
/// the button while the schedule runs sees that run instead of starting a second.
/// </summary>
public sealed partial class NewsSyncRunner(NewsFetchService fetcher, TimeProvider time, ILogger<NewsSyncRunner> logger)
{
    private readonly Lock _gate = new();
    private NewsSyncState _state = NewsSyncState.Idle;
    private Task<NewsFetchSummary>? _run;

    /// <summary>The current (or last) run.</summary>
    public NewsSyncState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Starts a run of <paramref name="sourceIds"/> (null: every enabled source; <paramref name="dueOnly"/>: only those due) unless one is running; returns the run's state.</summary>
    public NewsSyncState Start(IReadOnlyList<int>? sourceIds, bool dueOnly = false)
    {
        lock (_gate)
        {
            if (_state.Running)
            {
                return _state;
            }

            _state = new NewsSyncState(true, 0, 0, 0, 0, 0, time.GetUtcNow(), null, null);
            var progress = new Progress(this);
            _run = Task.Run(() => dueOnly ? fetcher.FetchDueAsync(progress, CancellationToken.None) : fetcher.FetchAsync(sourceIds, progress, CancellationToken.None));
            _ = _run.ContinueWith(Finish, TaskScheduler.Default);
            return _state;
        }
    }

    /// <summary>Waits for the current run (the scheduled job waits so Quartz sees how long it took).</summary>
    public Task WaitAsync() => _run ?? Task.CompletedTask;

    private void Finish(Task<NewsFetchSummary> run)
    {
        lock (_gate)
        {
            if (run.IsCompletedSuccessfully)
            {
                var s = run.Result;
                _state = _state with { Running = false, Total = s.Sources.Count, Done = s.Sources.Count, Failed = s.Failed, Skipped = s.Skipped, ItemsNew = s.ItemsNew, FinishedAt = time.GetUtcNow() };
            }
            else
            {
                var error = run.Exception?.GetBaseException().Message ?? "cancelled";
                LogFailed(logger, error);
                _state = _state with { Running = false, FinishedAt = time.GetUtcNow(), Error = error };
            }
        }
    }

    private void Report(NewsFetchProgress progress)
    {
        lock (_gate)
        {
            var record = progress.Last?.Record;
            _state = _state with
            {
                Done = Math.Max(_state.Done, progress.Done),
                Total = progress.Total,
                Failed = _state.Failed + (record is { Succeeded: false } ? 1 : 0),
                Skipped = _state.Skipped + (progress.Last is { Record: null } ? 1 : 0),
                ItemsNew = _state.ItemsNew + (record?.ItemsNew ?? 0),
            };
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The news fetch run failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);

    /// <summary>Reports straight into the state (not <see cref="Progress{T}"/>, which posts to a captured context).</summary>
    private sealed class Progress(NewsSyncRunner runner) : IProgress<NewsFetchProgress>
    {
        public void Report(NewsFetchProgress value) => runner.Report(value);
    }
}

/// <summary>A fetch run as the sources page shows it.</summary>
/// <param name="Running">Whether it is still going.</param>
/// <param name="Done">Sources finished.</param>
/// <param name="Total">Sources in the run.</param>
/// <param name="Failed">Sources whose fetch failed.</param>
/// <param name="Skipped">Sources another instance was fetching.</param>
/// <param name="ItemsNew">Items stored for the first time.</param>
/// <param name="StartedAt">When it started (null: no run yet).</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="Error">Why the run itself stopped (a source's failure is counted in <paramref name="Failed"/>, not here).</param>
public sealed record NewsSyncState(bool Running, int Done, int Total, int Failed, int Skipped, int ItemsNew, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error)
{
    public static readonly NewsSyncState Idle = new(false, 0, 0, 0, 0, 0, null, null, null);
}
