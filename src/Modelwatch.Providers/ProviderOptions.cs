using System.Globalization;
using Modelwatch.Core.Arena;

namespace Modelwatch.Providers;

/// <summary>
/// One configured provider, bound from configuration (<c>Providers:0:Name</c>, or <c>Providers__0__Name</c> in the
/// environment). The key is either given directly or named by <see cref="ApiKeyVariable"/>, so it can stay out of
/// files; <see cref="ToString"/> never shows it because options objects end up in logs and exception messages.
/// </summary>
public sealed class ProviderOptions
{
    /// <summary>Unique name; also the name of the provider's HTTP client and circuit breaker.</summary>
    public string Name { get; set; } = "";

    public ProviderKind Kind { get; set; } = ProviderKind.OpenAiCompatible;

    /// <summary>
    /// OpenAI-compatible: the URL the API paths hang from, including <c>/v1</c> (<c>https://api.openai.com/v1</c>).
    /// Anthropic: the host root (<c>https://api.anthropic.com</c>); the SDK adds <c>/v1/messages</c> itself.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The key itself, usually from the environment through configuration. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Name of an environment variable holding the key, for keys kept out of configuration files.</summary>
    public string? ApiKeyVariable { get; set; }

    /// <summary>Models offered when the provider has no model listing, or in addition to it.</summary>
    public IList<string> Models { get; set; } = [];

    /// <summary>Longest wait for the first streamed token; a stalled model must not hold a battle forever.</summary>
    public TimeSpan FirstTokenTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest time for a whole answer, first byte to last.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Time allowed for one HTTP attempt to return response headers.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a 429, a 5xx or a network error; each waits longer (exponential backoff).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Delay before the first retry; later ones double it. Retry-After from the server wins.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the circuit stays open after too many failures before one trial request goes through.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests seen in the sampling window before the breaker may open.</summary>
    public int CircuitMinimumThroughput { get; set; } = 4;

    /// <summary>Answers streamed at once from this provider; the arena draws no pair that would exceed it.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Max output tokens asked of Anthropic, whose API requires a value.</summary>
    public int AnthropicMaxOutputTokens { get; set; } = 4096;

    /// <summary>The key: <see cref="ApiKey"/> when set, else the variable <see cref="ApiKeyVariable"/> names.</summary>
    public string? ResolveApiKey(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrEmpty(ApiKey))
        {
            return ApiKey;
        }

        var value = string.IsNullOrEmpty(ApiKeyVariable) ? null : environment(ApiKeyVariable);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>
    /// Whether a chat client can be built: a base URL, and a key for Anthropic. OpenAI-compatible local servers
    /// (Ollama, llama.cpp, vLLM) usually take no key, so none is required there.
    /// </summary>
    public bool IsConfigured(Func<string, string?> environment) =>
        !string.IsNullOrWhiteSpace(Name) && BaseUrl is not null
        && (Kind != ProviderKind.Anthropic || ResolveApiKey(environment) is not null);

    /// <summary>Name, kind and URL; whether a key is set but never the key.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name} ({Kind}, {BaseUrl}, key {(string.IsNullOrEmpty(ApiKey) && string.IsNullOrEmpty(ApiKeyVariable) ? "none" : "***")})");
}
