using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Anthropic;
using Microsoft.Extensions.AI;
using Modelwatch.Core.Arena;
using OpenAI;

namespace Modelwatch.Providers;

/// <summary>
/// The configured providers and their chat clients. A provider without what it needs (see
/// <see cref="ProviderOptions.IsConfigured"/>) is skipped rather than failing start-up, so a half-filled settings
/// file still leaves the rest of the arena working. Clients are built lazily, once per provider and model, over the
/// provider's resilient named HTTP client; the SDKs' own retries are turned off so only one policy retries.
/// </summary>
public sealed class ProviderRegistry
{
    private readonly Dictionary<string, ProviderOptions> _providers;
    private readonly IHttpClientFactory _httpClients;
    private readonly ProviderHealthTracker _health;
    private readonly Func<string, string?> _environment;
    private readonly ConcurrentDictionary<(string Provider, string Model), IChatClient> _clients = new();

    public ProviderRegistry(
        IEnumerable<ProviderOptions> providers, IHttpClientFactory httpClients, ProviderHealthTracker health,
        Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _httpClients = httpClients;
        _health = health;
        _environment = environment;
        _providers = providers.Where(p => p.IsConfigured(environment)).ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>Providers that have what they need to be called.</summary>
    public IReadOnlyCollection<ProviderOptions> Providers => _providers.Values;

    public bool TryGetOptions(string provider, out ProviderOptions options) =>
        _providers.TryGetValue(provider, out options!);

    public ProviderHealth Health(string provider) => _health.Snapshot(provider);

    /// <summary>The provider's HTTP client: resilience pipeline and health recording included.</summary>
    public HttpClient HttpClientFor(string provider) => _httpClients.CreateClient(ProviderServices.HttpClientPrefix + provider);

    /// <summary>A chat client for one model of a configured provider; null when the provider is not configured.</summary>
    public IChatClient? GetChatClient(string provider, string model)
    {
        if (!_providers.TryGetValue(provider, out var options))
        {
            return null;
        }

        return _clients.GetOrAdd((provider, model), key => Build(options, key.Model));
    }

    // The SDK client lives as long as the chat client cached over it, i.e. the app; the HTTP client underneath
    // belongs to IHttpClientFactory, so there is nothing of ours to dispose early.
#pragma warning disable CA2000
    private IChatClient Build(ProviderOptions options, string model)
    {
        var http = HttpClientFor(options.Name);
        var key = options.ResolveApiKey(_environment);
        return options.Kind switch
        {
            ProviderKind.Anthropic => new AnthropicClient(new Anthropic.Core.ClientOptions
            {
                ApiKey = key,
                BaseUrl = options.BaseUrl!.ToString().TrimEnd('/'),
                HttpClient = http,
                MaxRetries = 0,
                Timeout = options.TotalTimeout,
            }).AsIChatClient(model, options.AnthropicMaxOutputTokens),
            _ => new OpenAIClient(
                // Local servers take no key, but the SDK insists on one; they ignore the header.
                new ApiKeyCredential(key ?? "no-key"),
                new OpenAIClientOptions
                {
                    Endpoint = options.BaseUrl,
                    Transport = new HttpClientPipelineTransport(http),
                    RetryPolicy = new ClientRetryPolicy(0),
                    NetworkTimeout = options.TotalTimeout,
                }).GetChatClient(model).AsIChatClient(),
        };
    }
#pragma warning restore CA2000
}
