using Microsoft.AspNetCore.Http.HttpResults;
using Modelwatch.Core.Catalog;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Features.Models;

/// <summary><c>GET /api/models</c> and <c>GET /api/models/{id}</c>: the catalog list and one model, as the pages show them.</summary>
public static class ModelsApi
{
    public static RouteGroupBuilder MapModelsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/models", ListAsync)
            .WithName("ListModels")
            .WithSummary("The model catalog, filtered (open weights, licence, lab, minimum context, search) and paged.");
        api.MapGet("/models/{**id}", ShowAsync)
            .WithName("GetModel")
            .WithSummary("One model: every fact with its source, offerings with price history, our arena ratings, published ratings, benchmark scores, variants and aliases.");
        return api;
    }

    internal static async Task<Results<Ok<ModelListPage>, ProblemHttpResult>> ListAsync(
        ModelPages pages,
        bool? openWeights,
        LicenceClass? licence,
        string? lab,
        int? minContext,
        string? search,
        int? page,
        int? pageSize,
        CancellationToken ct)
    {
        if (PageRequest.TryCreate(page, pageSize, 50, out var paging) is { } invalid)
        {
            return invalid;
        }

        if (minContext is < 0)
        {
            return TypedResults.Problem(detail: "minContext is a number of tokens, 0 or more.", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await pages.ListAsync(new ModelListQuery(openWeights ?? false, licence, lab, minContext, search), paging.Number, paging.Size, ct));
    }

    internal static async Task<Results<Ok<ModelPageData>, ProblemHttpResult>> ShowAsync(ModelPages pages, string id, CancellationToken ct)
    {
        var model = await pages.ShowAsync(id, ct);
        return model is null
            ? TypedResults.Problem(detail: $"The catalog has no model '{id}'. Use a canonical id such as 'openai/gpt-4o' (GET /api/models lists them) or a name a source uses.", statusCode: StatusCodes.Status404NotFound, title: "No such model")
            : TypedResults.Ok(model);
    }
}
