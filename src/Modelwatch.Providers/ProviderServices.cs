using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Modelwatch.Providers;

/// <summary>
/// Registers the providers: one named HTTP client per provider, each with its own resilience pipeline (attempt
/// timeout, retries with exponential backoff on 429/5xx, circuit breaker), so one failing provider never trips
/// another's breaker.
/// </summary>
public static class ProviderServices
{
    /// <summary>Prefix of the named HTTP clients, so provider names cannot collide with the app's own clients.</summary>
    public const string HttpClientPrefix = "modelwatch-provider:";

    /// <summary>Binds <c>Providers</c> (a list of <see cref="ProviderOptions"/>) from configuration and registers them.</summary>
    public static IServiceCollection AddModelwatchProviders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providers = configuration.GetSection("Providers").Get<List<ProviderOptions>>() ?? [];
        return services.AddModelwatchProviders(providers, Environment.GetEnvironmentVariable);
    }

    /// <summary>Registers the given providers; <paramref name="environment"/> resolves key variables.</summary>
    public static IServiceCollection AddModelwatchProviders(
        this IServiceCollection services, IReadOnlyList<ProviderOptions> providers, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            if (!names.Add(provider.Name))
            {
                throw new InvalidOperationException($"Providers: the name '{provider.Name}' is used twice; names must be unique.");
            }
        }

        services.AddHttpClient();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProviderHealthTracker>();
        services.AddSingleton<MeasuredStreaming>();
        services.AddSingleton(sp => new ProviderRegistry(
            providers, sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<ProviderHealthTracker>(), environment));
        foreach (var provider in providers)
        {
            AddProviderHttpClient(services, provider);
        }

        return services;
    }

    private static void AddProviderHttpClient(IServiceCollection services, ProviderOptions provider)
    {
        var name = HttpClientPrefix + provider.Name;
        services.AddHttpClient(name, client =>
            {
                // Streams are bounded by the streaming wrapper's first-token and total timeouts, attempts by the
                // pipeline; HttpClient's own 100 s limit would cut long answers short.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(sp => new HealthRecordingHandler(provider.Name, sp.GetRequiredService<ProviderHealthTracker>()))
            .AddResilienceHandler(name, (builder, context) =>
            {
                var health = context.ServiceProvider.GetRequiredService<ProviderHealthTracker>();
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
                    StateProvider = health.CircuitFor(provider.Name),
                    ShouldHandle = args => ValueTask.FromResult(IsProviderFault(args.Outcome)),
                })
                .AddTimeout(provider.AttemptTimeout);
            });
    }

    /// <summary>429 counts against the breaker too: a provider throttling every call is as unusable as a down one.</summary>
    private static bool IsProviderFault(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException
        || outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests }
        || outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError };
}
