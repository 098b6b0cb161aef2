namespace Modelwatch.Web.Features.Arena.Providers;

/// <summary>Providers: configured and stored ones, keys under Data Protection, health, contestants.</summary>
public static class ProvidersSetup
{
    public static IServiceCollection AddArenaProviders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<ArenaContestants>();
        return services;
    }

    public static RouteGroupBuilder MapArenaProvidersApi(this RouteGroupBuilder api) => api;
}
