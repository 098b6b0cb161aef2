namespace Modelwatch.Evals;

/// <summary>Concurrency-limited work that stops gracefully: the runner's answers and judge calls.</summary>
internal static class BoundedWork
{
    /// <summary>
    /// Runs <paramref name="body"/> for each item with at most <paramref name="concurrency"/> at once. When
    /// <paramref name="stop"/> fires no new item starts, and the ones in flight get <paramref name="stopGrace"/> to finish and
    /// be recorded (an answer already paid for is kept, and is not asked again on resume); after that they are aborted.
    /// Throws <see cref="OperationCanceledException"/> once stopped; the first failure of a body stops new items too.
    /// </summary>
    public static async Task ForEachAsync<T>(IReadOnlyList<T> items, int concurrency, TimeSpan stopGrace, TimeProvider time, Func<T, CancellationToken, Task> body, CancellationToken stop)
    {
        using var abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var graceAfterStop = stop.Register(() => abort.CancelAfter(stopGrace));
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        var running = new List<Task>(items.Count);
        var faulted = 0;
        foreach (var item in items)
        {
            if (stop.IsCancellationRequested || Volatile.Read(ref faulted) != 0)
            {
                break;
            }

            try
            {
                await slots.WaitAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }

            // A slot freed just as the stop came can still be granted to this wait (SemaphoreSlim hands it over when the
            // release wins the race with the cancellation): check again, or a stopped run would start one more request.
            if (stop.IsCancellationRequested)
            {
                slots.Release();
                break;
            }

            running.Add(RunOneAsync(item));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        stop.ThrowIfCancellationRequested();

        async Task RunOneAsync(T item)
        {
            try
            {
                await body(item, abort.Token).ConfigureAwait(false);
            }
            catch
            {
                Interlocked.Exchange(ref faulted, 1);
                throw;
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
