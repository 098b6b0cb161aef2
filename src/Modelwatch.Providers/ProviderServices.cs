using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Modelwatch.Providers;

/// <summary>
/// Registers the providers: the <see cref="ProviderRegistry"/> (which builds one resilient handler chain per
/// provider, so one failing provider never trips another's breaker), health tracking and measured streaming.
/// </summary>
public static class ProviderServices
{
    /// <summary>Prefix of the HTTP handler names, so provider names cannot collide with the app's own clients.</summary>
    public const string HttpClientPrefix = "modelwatch-provider:";

    /// <summary>Where configured providers are read from.</summary>
    public const string ConfigurationSection = "Modelwatch:Arena:Providers";

    /// <summary>Binds <c>Modelwatch:Arena:Providers</c> (a list of <see cref="ProviderOptions"/>) and registers them.</summary>
    public static IServiceCollection AddModelwatchProviders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providers = configuration.GetSection(ConfigurationSection).Get<List<ProviderOptions>>() ?? [];
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

        services.AddHttpClient(ProviderRegistry.SharedHandlerName);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProviderHealthTracker>();
        services.AddSingleton<MeasuredStreaming>();
        services.AddSingleton(sp => new ProviderRegistry(
            providers, sp.GetRequiredService<IHttpMessageHandlerFactory>(), sp.GetRequiredService<ProviderHealthTracker>(),
            environment, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
