namespace Modelwatch.Web.Features.Benchmarks;

/// <summary>The benchmarks feature's services.</summary>
public static class BenchmarksSetup
{
    public static IServiceCollection AddBenchmarks(this IServiceCollection services)
    {
        // Scoped: it reads through the request's database context.
        services.AddScoped<BenchmarkTable>();
        return services;
    }
}
