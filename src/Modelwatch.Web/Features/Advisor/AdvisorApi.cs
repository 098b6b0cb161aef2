using Microsoft.AspNetCore.Http.HttpResults;
using Modelwatch.Core.Advisor;
using Modelwatch.Core.Advisor.Parsing;
using Modelwatch.Data.Advisor;

namespace Modelwatch.Web.Features.Advisor;

/// <summary><c>GET /api/advisor?use=coding&amp;self-host=true…</c>: the advisor's answer as JSON (the page's and the CLI's keys).</summary>
public static class AdvisorApi
{
    public static RouteGroupBuilder MapAdvisorApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/advisor", GetAsync)
            .WithName("Advise")
            .WithSummary("Which model for a use case under hard constraints: a ranked short list with evidence (ties share a position), alternatives, the quality-against-price plot and what was excluded why.")
            .WithDescription("Query keys (the same as the /advisor page's form and `modelwatch advise` options): " +
                string.Join("; ", AdvisorQueryKeys.All.Select(k => $"{k.Key}{(k.HelpName is null ? "=true" : "=" + k.HelpName)}: {k.Description}")) +
                " A field that cannot be read answers 400 with problem details whose `field` names it.");
        return api;
    }

    internal static async Task<Results<JsonHttpResult<AdvisorResult>, ProblemHttpResult>> GetAsync(HttpRequest request, AdvisorService advisor, CancellationToken ct)
    {
        try
        {
            var result = await advisor.AdviseAsync(AdvisorFields.Parse(request.Query), ct);
            return TypedResults.Json(result, AdvisorJson.Options);
        }
        catch (AdvisorQueryException error)
        {
            return Problem(error.Field, error.Message);
        }
        catch (AdvisorRequestException error)
        {
            // Readable, but not served by the data (a dataset that is not stored).
            return Problem(error.Field, $"{error.Field}: {error.Message}");
        }
    }

    private static ProblemHttpResult Problem(string field, string detail) => TypedResults.Problem(
        detail: detail,
        statusCode: StatusCodes.Status400BadRequest,
        title: $"Bad advisor field '{field}'",
        extensions: new Dictionary<string, object?> { ["field"] = field });
}
