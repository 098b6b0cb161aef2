namespace Modelwatch.Web.Features.Leaderboard;

/// <summary>The leaderboard feature's services.</summary>
public static class LeaderboardSetup
{
    public static IServiceCollection AddLeaderboard(this IServiceCollection services)
    {
        services.AddSingleton<LeaderboardService>();
        services.AddSingleton<ArenaModelLinks>();
        services.AddSingleton<Shared.Plots.PlotCache>();
        return services;
    }
}
