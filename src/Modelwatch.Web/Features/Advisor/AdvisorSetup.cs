using Modelwatch.Data.Advisor;

namespace Modelwatch.Web.Features.Advisor;

/// <summary>The advisor feature's services.</summary>
public static class AdvisorSetup
{
    public static IServiceCollection AddAdvisor(this IServiceCollection services)
    {
        // Singleton: it opens its own contexts from the factory and keeps what is expensive (fitted boards) between requests.
        services.AddSingleton<AdvisorService>();
        return services;
    }
}
