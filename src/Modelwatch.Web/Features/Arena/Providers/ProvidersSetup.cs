using Modelwatch.Providers;

namespace Modelwatch.Web.Features.Arena.Providers;

/// <summary>Providers: configured ones (<c>Modelwatch:Arena:Providers</c>), their health, contestants and slots.</summary>
public static class ProvidersSetup
{
    public static IServiceCollection AddArenaProviders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModelwatchProviders(configuration.GetSection("Modelwatch:Arena"));
        services.AddSingleton<ArenaContestants>();
        return services;
    }

    public static RouteGroupBuilder MapArenaProvidersApi(this RouteGroupBuilder api) => api;
}
