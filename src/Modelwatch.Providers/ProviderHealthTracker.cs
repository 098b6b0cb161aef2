using System.Collections.Concurrent;
using Polly.CircuitBreaker;

namespace Modelwatch.Providers;

/// <summary>
/// Collects outcomes per provider from the HTTP pipeline and the streaming wrapper (a stream can fail after a
/// 200), and reads circuit state from the provider's own breaker rather than keeping a second copy of it.
/// </summary>
public sealed class ProviderHealthTracker(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The breaker's state handle for a provider; the resilience pipeline is built with it.</summary>
    public CircuitBreakerStateProvider CircuitFor(string provider) => Get(provider).Circuit;

    /// <summary>
    /// A fresh state handle for a provider whose pipeline is being rebuilt (settings changed): Polly attaches a
    /// handle to one breaker only, and the new settings deserve a closed circuit. Counts and times are kept.
    /// </summary>
    public CircuitBreakerStateProvider NewCircuit(string provider)
    {
        var entry = Get(provider);
        lock (entry)
        {
            entry.Circuit = new CircuitBreakerStateProvider();
            return entry.Circuit;
        }
    }

    /// <summary>Forgets a provider that was deleted, so a new one of the same name starts clean.</summary>
    public void Forget(string provider) => _entries.TryRemove(provider, out _);

    public void RecordSuccess(string provider)
    {
        var entry = Get(provider);
        lock (entry)
        {
            entry.LastSuccess = time.GetUtcNow();
            entry.Successes++;
        }
    }

    public void RecordFailure(string provider, string error)
    {
        var entry = Get(provider);
        lock (entry)
        {
            entry.LastFailure = time.GetUtcNow();
            entry.LastError = error;
            entry.Failures++;
        }
    }

    public ProviderHealth Snapshot(string provider)
    {
        var entry = Get(provider);
        lock (entry)
        {
            return new ProviderHealth(provider, entry.LastSuccess, entry.LastFailure, entry.LastError,
                entry.Circuit.CircuitState, entry.Successes, entry.Failures);
        }
    }

    private Entry Get(string provider) => _entries.GetOrAdd(provider, static _ => new Entry());

    private sealed class Entry
    {
        public CircuitBreakerStateProvider Circuit { get; set; } = new();
        public DateTimeOffset? LastSuccess { get; set; }
        public DateTimeOffset? LastFailure { get; set; }
        public string? LastError { get; set; }
        public long Successes { get; set; }
        public long Failures { get; set; }
    }
}
