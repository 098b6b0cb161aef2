using System.Collections.Concurrent;

namespace Modelwatch.Evals;

/// <summary>
/// At most a provider's <c>MaxConcurrency</c> requests of one run in flight at once, whatever the run's own
/// concurrency: a run of eight at a time must not pile eight requests onto a local server configured for one.
/// </summary>
internal sealed class ProviderSlots : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _slots = new(StringComparer.Ordinal);

    /// <summary>Waits for a slot of <paramref name="provider"/>; dispose the result to give it back.</summary>
    public async Task<Slot> TakeAsync(string provider, int maxConcurrency, CancellationToken ct)
    {
        var gate = _slots.GetOrAdd(provider, _ => new SemaphoreSlim(Math.Max(1, maxConcurrency)));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        return new Slot(gate);
    }

    public void Dispose()
    {
        foreach (var gate in _slots.Values)
        {
            gate.Dispose();
        }
    }

    internal readonly struct Slot(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
