namespace Modelwatch.Web.Features.Compare;

/// <summary>The compare feature's services.</summary>
public static class CompareSetup
{
    public static IServiceCollection AddCompare(this IServiceCollection services)
    {
        // Scoped: it reads through the request's database context.
        services.AddScoped<ModelComparison>();
        return services;
    }
}
