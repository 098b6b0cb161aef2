namespace Modelwatch.Web.Features.Published;

/// <summary>The published-boards feature's services.</summary>
public static class PublishedSetup
{
    public static IServiceCollection AddPublished(this IServiceCollection services)
    {
        services.AddSingleton<PublishedBoards>();
        return services;
    }
}
