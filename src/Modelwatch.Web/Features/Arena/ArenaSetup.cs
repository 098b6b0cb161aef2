using Modelwatch.Web.Features.Arena.Battles;
using Modelwatch.Web.Features.Arena.Fairness;
using Modelwatch.Web.Features.Arena.Providers;

namespace Modelwatch.Web.Features.Arena;

/// <summary>
/// The arena: providers and their models (<c>Providers/</c>), battles streamed side by side and voted on
/// (<c>Battles/</c>), and the rules that decide which votes count (<c>Fairness/</c>). Pages live in this folder so
/// their routes are <c>/arena</c>, <c>/arena/providers</c>, <c>/arena/votes</c>.
/// </summary>
public static class ArenaSetup
{
    public static IServiceCollection AddArena(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddArenaProviders(configuration);
        services.AddArenaBattles(configuration);
        services.AddArenaFairness(configuration);
        return services;
    }

    public static RouteGroupBuilder MapArenaApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapArenaProvidersApi();
        api.MapArenaBattlesApi();
        api.MapArenaFairnessApi();
        return api;
    }
}
