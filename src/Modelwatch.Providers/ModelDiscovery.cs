using System.Net.Http.Headers;
using System.Text.Json;
using Modelwatch.Core.Arena;

namespace Modelwatch.Providers;

/// <summary>Where a provider's model list came from, so the settings page can say so.</summary>
public enum ModelListSource
{
    /// <summary>The provider's <c>/models</c> endpoint answered (configured models are added to it).</summary>
    Discovered,

    /// <summary>The listing failed or is missing; only the configured models are offered.</summary>
    Configured,
}

/// <summary>Models of one provider and, when discovery failed, why (status or exception type, never a body).</summary>
public sealed record ModelList(IReadOnlyList<string> Models, ModelListSource Source, string? Problem);

/// <summary>
/// Reads <c>GET {base}/models</c> (OpenAI-compatible) or <c>GET {base}/v1/models</c> (Anthropic); both answer
/// <c>{"data":[{"id":…}]}</c>. Many local servers have no listing, so failure falls back to the configured models.
/// </summary>
public static class ModelDiscovery
{
    public static async Task<ModelList> ListAsync(
        ProviderRegistry registry, string provider, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (!registry.TryGetOptions(provider, out var options))
        {
            return new ModelList([], ModelListSource.Configured, "not configured");
        }

        var configured = options.Models.ToList();
        var baseUrl = options.BaseUrl!.ToString().TrimEnd('/');
        var path = options.Kind == ProviderKind.Anthropic ? "/v1/models" : "/models";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl + path));
        var key = options.ResolveApiKey(environment);
        if (options.Kind == ProviderKind.Anthropic)
        {
            request.Headers.Add("x-api-key", key);
            request.Headers.Add("anthropic-version", "2023-06-01");
        }
        else if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        try
        {
            using var response = await registry.HttpClientFor(provider).SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return new ModelList(configured, ModelListSource.Configured, $"HTTP {(int)response.StatusCode}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            var discovered = json.RootElement.GetProperty("data").EnumerateArray()
                .Select(m => m.GetProperty("id").GetString())
                .OfType<string>();
            var models = discovered.Concat(configured).Distinct(StringComparer.Ordinal).ToList();
            return new ModelList(models, ModelListSource.Discovered, null);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException
                                      or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException)
        {
            return new ModelList(configured, ModelListSource.Configured, e.GetType().Name);
        }
    }
}
