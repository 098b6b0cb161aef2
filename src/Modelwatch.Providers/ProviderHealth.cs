using Polly.CircuitBreaker;

namespace Modelwatch.Providers;

/// <summary>
/// What an administrator sees about a provider: when it last answered, when and how it last failed, and whether
/// its circuit breaker is letting requests through. The error text is a status or exception type, never a body,
/// so a provider echoing the key cannot leak it here.
/// </summary>
public sealed record ProviderHealth(
    string Provider,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastFailure,
    string? LastError,
    CircuitState Circuit,
    long Successes,
    long Failures);
