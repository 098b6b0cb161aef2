namespace Modelwatch.Web.Features.Models;

/// <summary>The catalog pages' services.</summary>
public static class ModelsSetup
{
    public static IServiceCollection AddModels(this IServiceCollection services)
    {
        // Scoped: it reads through the request's database context.
        services.AddScoped<ModelPages>();
        return services;
    }
}
