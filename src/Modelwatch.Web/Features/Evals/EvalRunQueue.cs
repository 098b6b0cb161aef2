using System.Collections.Concurrent;
using Modelwatch.Evals;
using Modelwatch.Web.Features.Arena.Providers;

namespace Modelwatch.Web.Features.Evals;

/// <summary>The latest progress of a run this instance is working on.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Running">Whether this instance is still working on it.</param>
/// <param name="Phase">What it is doing (answers, verdicts), as the runner names it.</param>
/// <param name="Done">Done in this phase.</param>
/// <param name="Total">In this phase.</param>
/// <param name="Failed">Failed in this phase.</param>
/// <param name="Error">Why the run ended with an error, if it did.</param>
public sealed record EvalQueueState(int RunId, bool Running, string? Phase, int Done, int Total, int Failed, string? Error);

/// <summary>
/// Runs evaluations in the background of this instance: <see cref="Start"/> hands a run to the <see cref="EvalRunner"/>
/// (which takes the run's lease, so two instances never work on one run), <see cref="Stop"/> cancels it (the runner
/// keeps everything finished and marks it Stopped; starting it again resumes). When the app shuts down every run is
/// cancelled and awaited, so none is left marked Running.
/// </summary>
public sealed partial class EvalRunQueue(EvalRunner runner, StoredProviders stored, EvalRunActivity activity, ILogger<EvalRunQueue> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<int, Job> _jobs = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    /// <summary>Starts (or resumes) <paramref name="runId"/> unless this instance is already running it.</summary>
    public EvalQueueState Start(int runId)
    {
        if (!activity.TryBegin(runId))
        {
            return State(runId);
        }

        // Disposed by RunAsync when the run ends.
#pragma warning disable CA2000
        var job = new Job(runId, CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token));
#pragma warning restore CA2000
        _jobs[runId] = job;
        job.Task = Task.Run(() => RunAsync(job), CancellationToken.None);
        return job.State;
    }

    /// <summary>Stops the run if this instance is running it; false when it is not.</summary>
    public bool Stop(int runId)
    {
        if (_jobs.TryGetValue(runId, out var job) && job.State.Running)
        {
            try
            {
                job.Cancel.Cancel();
                return true;
            }
            catch (ObjectDisposedException)
            {
                // It ended between the check and the cancel.
            }
        }

        return false;
    }

    /// <summary>The run's latest state in this instance (not running, no phase: never started here).</summary>
    public EvalQueueState State(int runId) =>
        _jobs.TryGetValue(runId, out var job) ? job.State : new EvalQueueState(runId, false, null, 0, 0, 0, null);

    /// <summary>Waits until this instance's work on the run ends (tests and the CLI's foreground run).</summary>
    public Task WaitAsync(int runId) => _jobs.TryGetValue(runId, out var job) && job.Task is { } task ? task : Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    /// <summary>Shutdown: cancel every run and wait for the runner to record it as Stopped.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The test host can dispose the services before it stops the hosted ones; Dispose has cancelled every run then.
        if (Volatile.Read(ref _disposed) == 0)
        {
            try
            {
                await _stopping.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // Disposed while cancelling: the runs are cancelled either way.
            }
        }

        var running = _jobs.Values.Select(j => j.Task).OfType<Task>().ToList();
        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunAsync(Job job)
    {
        try
        {
            await stored.EnsureFreshAsync(job.Cancel.Token);
            var outcome = await runner.RunAsync(job.RunId, new Progress(job), job.Cancel.Token);
            LogFinished(logger, job.RunId, outcome.ToString());
            job.State = job.State with { Running = false };
        }
        catch (OperationCanceledException)
        {
            job.State = job.State with { Running = false };
        }
        catch (Exception error)
        {
            LogFailed(logger, job.RunId, error);
            job.State = job.State with { Running = false, Error = error.GetBaseException().Message };
        }
        finally
        {
            activity.End(job.RunId);
            job.Cancel.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Evaluation run {RunId} ended: {Outcome}")]
    private static partial void LogFinished(ILogger logger, int runId, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Evaluation run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, int runId, Exception error);

    private sealed class Job(int runId, CancellationTokenSource cancel)
    {
        public int RunId { get; } = runId;

        public CancellationTokenSource Cancel { get; } = cancel;

        public Task? Task { get; set; }

        private EvalQueueState _state = new(runId, true, null, 0, 0, 0, null);

        public EvalQueueState State
        {
            get => Volatile.Read(ref _state);
            set => Volatile.Write(ref _state, value);
        }
    }

    /// <summary>Reports straight into the job (not <see cref="Progress{T}"/>, which posts to a captured context).</summary>
    private sealed class Progress(Job job) : IProgress<EvalProgress>
    {
        public void Report(EvalProgress value) => job.State = job.State with { Phase = value.Phase, Done = value.Done, Total = value.Total, Failed = value.Failed };
    }
}
