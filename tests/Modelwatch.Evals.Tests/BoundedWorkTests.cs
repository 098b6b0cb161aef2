using Microsoft.Extensions.Time.Testing;

namespace Modelwatch.Evals.Tests;

public sealed class BoundedWorkTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stop_starts_nothing_new_lets_work_in_flight_finish_and_then_reports_the_stop()
    {
        var time = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        var started = new List<int>();
        var finished = new List<int>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = BoundedWork.ForEachAsync([1, 2, 3, 4, 5], 2, TimeSpan.FromSeconds(10), time, async (item, token) =>
        {
            lock (started)
            {
                started.Add(item);
            }

            await release.Task.WaitAsync(token);
            lock (finished)
            {
                finished.Add(item);
            }
        }, stop.Token);

        await stop.CancelAsync();
        release.SetResult();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => work);
        Assert.Equal([1, 2], started.Order());
        Assert.Equal([1, 2], finished.Order());
    }

    [Fact]
    public async Task Work_still_running_when_the_grace_is_over_is_aborted()
    {
        var time = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        var aborted = 0;
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = BoundedWork.ForEachAsync([1], 1, TimeSpan.FromSeconds(10), time, async (_, token) =>
        {
            running.SetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref aborted);
                throw;
            }
        }, stop.Token);

        await running.Task.WaitAsync(Cancel);
        await stop.CancelAsync();
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, Volatile.Read(ref aborted));
        time.Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => work);
        Assert.Equal(1, aborted);
    }

    [Fact]
    public async Task A_provider_s_slots_hold_its_requests_to_its_limit()
    {
        using var slots = new ProviderSlots();
        var first = await slots.TakeAsync("local", 1, Cancel);
        var second = slots.TakeAsync("local", 1, Cancel);
        var other = await slots.TakeAsync("cloud", 1, Cancel);
        await Task.Delay(50, Cancel);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5), Cancel)).Dispose();
        other.Dispose();
    }
}
