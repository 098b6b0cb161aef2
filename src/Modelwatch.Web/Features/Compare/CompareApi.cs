using Microsoft.AspNetCore.Http.HttpResults;

namespace Modelwatch.Web.Features.Compare;

/// <summary><c>GET /api/compare?m=…&amp;m=…</c>: 2 to 4 models side by side with their head-to-head record.</summary>
public static class CompareApi
{
    public static RouteGroupBuilder MapCompareApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/compare", GetAsync)
            .WithName("CompareModels")
            .WithSummary("2 to 4 models (m=lab/model, repeated): facts, prices and arena ratings in rows; for each pair the observed and predicted win fraction from our votes.");
        return api;
    }

    internal static async Task<Results<Ok<CompareData>, ProblemHttpResult>> GetAsync(ModelComparison comparison, string[]? m, CancellationToken ct)
    {
        var outcome = await comparison.CompareAsync(m ?? [], ct);
        return outcome.Data is { } data
            ? TypedResults.Ok(data)
            : TypedResults.Problem(detail: outcome.Problem, statusCode: outcome.Status, title: outcome.Status == StatusCodes.Status404NotFound ? "No such model" : "Cannot compare");
    }
}
