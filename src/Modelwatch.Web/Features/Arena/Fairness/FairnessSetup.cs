namespace Modelwatch.Web.Features.Arena.Fairness;

/// <summary>Fair votes: the pair draw, the exclusion rules, the arena dataset's counts, the review of exclusions.</summary>
public static class FairnessSetup
{
    public static IServiceCollection AddArenaFairness(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<ArenaDataset>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ArenaMatchmaker>(sp, Random.Shared));
        services.AddSingleton<ArenaVoteRecorder>();
        services.AddSingleton<ArenaOutliers>();
        services.AddSingleton<ArenaVoteReview>();
        return services;
    }

    public static RouteGroupBuilder MapArenaFairnessApi(this RouteGroupBuilder api) => FairnessApi.Map(api);
}
