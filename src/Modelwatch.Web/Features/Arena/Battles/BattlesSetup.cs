namespace Modelwatch.Web.Features.Arena.Battles;

/// <summary>Battles: the draw, the two streams, votes and the reveal, multi-turn, named mode.</summary>
public static class BattlesSetup
{
    public static IServiceCollection AddArenaBattles(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    public static RouteGroupBuilder MapArenaBattlesApi(this RouteGroupBuilder api) => api;
}
