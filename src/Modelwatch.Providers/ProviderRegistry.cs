using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Anthropic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Http.Resilience;
using Modelwatch.Core.Arena;
using OpenAI;
using Polly;

namespace Modelwatch.Providers;

/// <summary>
/// The providers and their chat clients, changeable at run time: configured providers are fixed at start, providers
/// stored in the app are replaced through <see cref="SetStored"/> whenever they change. A provider without what it
/// needs (see <see cref="ProviderOptions.IsConfigured"/>) is skipped rather than failing start-up, so a half-filled
/// settings file still leaves the rest of the arena working.
/// <para>
/// Each provider gets its own HTTP handler chain, built here rather than as a named client so it can be rebuilt
/// when its settings change: health recording outside, then a <see cref="ResilienceHandler"/> (retry on 429/5xx with
/// exponential backoff honouring Retry-After, circuit breaker, attempt timeout), then the primary handler that
/// <see cref="IHttpMessageHandlerFactory"/> pools for all providers (one connection pool, the app's handler defaults).
/// The SDKs' own retries are turned off so only one policy retries.
/// </para>
/// </summary>
public sealed class ProviderRegistry
{
    /// <summary>Name of the pooled primary handler all providers share.</summary>
    public const string SharedHandlerName = ProviderServices.HttpClientPrefix + "shared";

    private readonly Dictionary<string, ProviderOptions> _configured;
    private readonly IHttpMessageHandlerFactory _handlers;
    private readonly ProviderHealthTracker _health;
    private readonly Func<string, string?> _environment;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private volatile IReadOnlyDictionary<string, Entry> _entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
    private IReadOnlyList<ProviderOptions> _stored = [];

    public ProviderRegistry(
        IEnumerable<ProviderOptions> providers, IHttpMessageHandlerFactory handlers, ProviderHealthTracker health,
        Func<string, string?> environment, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _handlers = handlers;
        _health = health;
        _environment = environment;
        _time = time ?? TimeProvider.System;
        _configured = new Dictionary<string, ProviderOptions>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            if (!_configured.TryAdd(provider.Name, provider))
            {
                throw new InvalidOperationException($"Providers: the name '{provider.Name}' is used twice; names must be unique.");
            }
        }

        Rebuild();
    }

    /// <summary>Every configured provider, also those missing a URL or key (the settings page shows them).</summary>
    public IReadOnlyCollection<ProviderOptions> Configured => _configured.Values;

    /// <summary>Providers that have what they need to be called (configured first, then stored).</summary>
    public IReadOnlyCollection<ProviderOptions> Providers => [.. _entries.Values.Select(e => e.Options)];

    /// <summary>Whether a name belongs to a provider from configuration (stored providers may not take it).</summary>
    public bool IsConfiguredName(string name) => _configured.ContainsKey(name);

    public bool TryGetOptions(string provider, out ProviderOptions options)
    {
        if (_entries.TryGetValue(provider, out var entry))
        {
            options = entry.Options;
            return true;
        }

        options = null!;
        return false;
    }

    /// <summary>Whether the provider's key (direct or from its variable) is known; never the key itself.</summary>
    public bool HasKey(ProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ResolveApiKey(_environment) is not null;
    }

    public ProviderHealth Health(string provider) => _health.Snapshot(provider);

    /// <summary>
    /// Replaces the providers stored in the app. Providers whose settings did not change keep their clients (and
    /// circuit); changed ones get a new chain; removed ones disappear. A stored provider never shadows a configured one.
    /// </summary>
    public void SetStored(IEnumerable<ProviderOptions> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        lock (_gate)
        {
            _stored = [.. stored.Where(p => !_configured.ContainsKey(p.Name))];
            Rebuild();
        }
    }

    /// <summary>The provider's HTTP client: resilience pipeline and health recording included.</summary>
    public HttpClient HttpClientFor(string provider) =>
        _entries.TryGetValue(provider, out var entry)
            ? entry.Http
            : throw new InvalidOperationException($"The provider '{provider}' is not configured.");

    /// <summary>A chat client for one model of a provider; null when the provider is not configured.</summary>
    public IChatClient? GetChatClient(string provider, string model) =>
        _entries.TryGetValue(provider, out var entry) ? entry.Clients.GetOrAdd(model, m => Build(entry, m)) : null;

    private void Rebuild()
    {
        var old = _entries;
        var next = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var options in _configured.Values.Concat(_stored))
        {
            if (!options.IsConfigured(_environment))
            {
                continue;
            }

            var fingerprint = Fingerprint(options);
            // Unchanged connection settings keep the chain, clients and circuit; the rest (models, slots) is taken anew.
            next[options.Name] = old.TryGetValue(options.Name, out var kept) && kept.Fingerprint == fingerprint
                ? new Entry(options, fingerprint, kept.Http, kept.Clients)
                : CreateEntry(options, fingerprint);
        }

        foreach (var name in old.Keys.Where(n => !next.ContainsKey(n)))
        {
            _health.Forget(name);
        }

        // Old chains are not disposed: a battle may still be streaming over one; they go when no longer referenced.
        _entries = next;
    }

    /// <summary>Everything a chain or client is built from, the key included; kept in memory only, never shown.</summary>
    private string Fingerprint(ProviderOptions o) => string.Join('\u001f',
        o.Kind, o.BaseUrl, o.ResolveApiKey(_environment), o.AttemptTimeout, o.MaxRetries, o.RetryBaseDelay,
        o.CircuitBreakDuration, o.CircuitMinimumThroughput, o.TotalTimeout, o.AnthropicMaxOutputTokens);

#pragma warning disable CA2000 // The chain lives as long as the entry; it is dropped, not disposed (see Rebuild).
    private Entry CreateEntry(ProviderOptions options, string fingerprint)
    {
        var inner = _handlers.CreateHandler(SharedHandlerName);
        var key = options.ResolveApiKey(_environment);
        if (options.Kind == ProviderKind.Anthropic && key is not null)
        {
            inner = new AnthropicKeyHandler(key) { InnerHandler = inner };
        }

        var resilience = new ResilienceHandler(BuildPipeline(options, _health.NewCircuit(options.Name))) { InnerHandler = inner };
        var outer = new HealthRecordingHandler(options.Name, _health) { InnerHandler = resilience };
        // Streams are bounded by the streaming wrapper's first-token and total timeouts, attempts by the pipeline;
        // HttpClient's own 100 s limit would cut long answers short.
        var http = new HttpClient(outer, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        return new Entry(options, fingerprint, http, new ConcurrentDictionary<string, IChatClient>(StringComparer.Ordinal));
    }
#pragma warning restore CA2000

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(ProviderOptions provider, Polly.CircuitBreaker.CircuitBreakerStateProvider circuit)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (provider.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = provider.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = provider.RetryBaseDelay,
                UseJitter = true,
                // A POST to a chat endpoint is safe to repeat: nothing is charged or stored for a failed call.
                ShouldRetryAfterHeader = true,
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = Math.Max(provider.CircuitMinimumThroughput, 2),
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = provider.CircuitBreakDuration,
            StateProvider = circuit,
            ShouldHandle = args => ValueTask.FromResult(IsProviderFault(args.Outcome)),
        });
        builder.AddTimeout(provider.AttemptTimeout);
        return builder.Build();
    }

    /// <summary>429 counts against the breaker too: a provider throttling every call is as unusable as a down one.</summary>
    private static bool IsProviderFault(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException
        || outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests }
        || outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError };

    // The SDK client lives as long as the chat client cached over it, i.e. the entry.
#pragma warning disable CA2000
    private IChatClient Build(Entry entry, string model)
    {
        var options = entry.Options;
        var key = options.ResolveApiKey(_environment);
        return options.Kind switch
        {
            ProviderKind.Anthropic => new AnthropicClient(new Anthropic.Core.ClientOptions
            {
                // The SDK sends this as a bearer token; AnthropicKeyHandler turns it into x-api-key on the wire.
                ApiKey = key,
                BaseUrl = options.BaseUrl!.ToString().TrimEnd('/'),
                HttpClient = entry.Http,
                MaxRetries = 0,
                Timeout = options.TotalTimeout,
            }).AsIChatClient(model, options.AnthropicMaxOutputTokens),
            _ => new OpenAIClient(
                // Local servers take no key, but the SDK insists on one; they ignore the header.
                new ApiKeyCredential(key ?? "no-key"),
                new OpenAIClientOptions
                {
                    Endpoint = options.BaseUrl,
                    Transport = new HttpClientPipelineTransport(entry.Http),
                    RetryPolicy = new ClientRetryPolicy(0),
                    NetworkTimeout = options.TotalTimeout,
                }).GetChatClient(model).AsIChatClient(),
        };
    }
#pragma warning restore CA2000

    private sealed record Entry(ProviderOptions Options, string Fingerprint, HttpClient Http, ConcurrentDictionary<string, IChatClient> Clients);
}

/// <summary>
/// Anthropic's API authenticates with <c>x-api-key</c> (and wants <c>anthropic-version</c>); the SDK (13.12.0) sends
/// its key as <c>Authorization: Bearer</c>, which api.anthropic.com refuses. This puts the key where the API reads it.
/// </summary>
internal sealed class AnthropicKeyHandler(string key) : DelegatingHandler
{
    public const string ApiVersion = "2023-06-01";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = null;
        request.Headers.Remove("x-api-key");
        request.Headers.TryAddWithoutValidation("x-api-key", key);
        if (!request.Headers.Contains("anthropic-version"))
        {
            request.Headers.TryAddWithoutValidation("anthropic-version", ApiVersion);
        }

        return base.SendAsync(request, cancellationToken);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{nameof(AnthropicKeyHandler)} (key ***)");
}
