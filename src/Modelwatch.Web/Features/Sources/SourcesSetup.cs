namespace Modelwatch.Web.Features.Sources;

/// <summary>The sources feature's services: the import job queue, its runner, and the HTTP client catalog downloads use.</summary>
public static class SourcesSetup
{
    public static IServiceCollection AddSources(this IServiceCollection services)
    {
        services.AddSingleton<ImportJobQueue>();
        services.AddSingleton<ImportStarter>();
        services.AddHostedService<ImportJobRunner>();
        services.AddHttpClient(CatalogDownloader.ClientName, c => c.Timeout = CatalogDownloader.Timeout);
        return services;
    }
}
