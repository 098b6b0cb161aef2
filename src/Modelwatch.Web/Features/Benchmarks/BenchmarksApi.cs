using Microsoft.AspNetCore.Http.HttpResults;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Features.Benchmarks;

/// <summary><c>GET /api/benchmarks</c>: the benchmarks table, one row per model, sorted and paged.</summary>
public static class BenchmarksApi
{
    public static RouteGroupBuilder MapBenchmarksApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/benchmarks", GetAsync)
            .WithName("GetBenchmarks")
            .WithSummary("One row per model: the rating on our arena board and the newest score of every imported benchmark, with its source link and as-of date; sort by 'model', 'arena' or a benchmark name.");
        return api;
    }

    internal static async Task<Results<Ok<BenchmarkTablePage>, ProblemHttpResult>> GetAsync(
        BenchmarkTable table, bool? openWeights, string? sort, bool? descending, int? page, int? pageSize, CancellationToken ct)
    {
        if (PageRequest.TryCreate(page, pageSize, 100, out var paging) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(await table.GetAsync(openWeights ?? false, sort, descending, paging.Number, paging.Size, ct));
    }
}
