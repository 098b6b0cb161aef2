using Microsoft.AspNetCore.Http.HttpResults;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Features.Arena.Providers;

/// <summary>A page of providers with their health.</summary>
public sealed record ProviderListPage(int Page, int PageSize, int Total, IReadOnlyList<ProviderView> Providers);

/// <summary>A page of contestants with their availability.</summary>
public sealed record ContestantListPage(int Page, int PageSize, int Total, IReadOnlyList<ContestantEntry> Contestants);

/// <summary>An administrator's change to a contestant; absent fields stay as they are.</summary>
public sealed record ContestantChange(bool? Enabled, string? CatalogModelId);

/// <summary>
/// <c>/api/arena/providers</c> and <c>/api/arena/contestants</c>: reading for readers, changes for administrators.
/// Responses say whether a key is set, never the key.
/// </summary>
public static class ProvidersApi
{
    public static RouteGroupBuilder MapArenaProvidersApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/arena/providers", ListProvidersAsync).WithName("ListArenaProviders")
            .WithSummary("Arena providers (from configuration and stored in the app) with source, key set yes/no, models and health.");
        api.MapGet("/arena/providers/{name}", GetProviderAsync).WithName("GetArenaProvider").WithSummary("One arena provider with its health.");
        api.MapPost("/arena/providers", CreateAsync).RequireAuthorization(Policies.Administrator).WithName("AddArenaProvider")
            .WithSummary("Stores a provider (the key is encrypted and never returned).");
        api.MapPut("/arena/providers/{name}", UpdateAsync).RequireAuthorization(Policies.Administrator).WithName("ChangeArenaProvider")
            .WithSummary("Changes a stored provider; an empty apiKey keeps the stored key, clearKey removes it.");
        api.MapDelete("/arena/providers/{name}", DeleteAsync).RequireAuthorization(Policies.Administrator).WithName("DeleteArenaProvider")
            .WithSummary("Deletes a stored provider (its contestants stay, for old battles).");
        api.MapGet("/arena/contestants", ListContestantsAsync).WithName("ListArenaContestants")
            .WithSummary("Contestants (provider/model) with catalog link and availability; all=true includes disabled ones.");
        api.MapPut("/arena/contestants/{id:int}", ChangeContestantAsync).RequireAuthorization(Policies.Administrator)
            .WithName("ChangeArenaContestant").WithSummary("Enables or disables a contestant, or links it to another catalog model.");
        return api;
    }

    internal static async Task<Results<Ok<ProviderListPage>, ProblemHttpResult>> ListProvidersAsync(
        ProviderStatus status, int? page, int? pageSize, CancellationToken ct)
    {
        if (PageRequest.TryCreate(page, pageSize, 100, out var paging) is { } invalid)
        {
            return invalid;
        }

        var all = await status.ListAsync(ct);
        return TypedResults.Ok(new ProviderListPage(paging.Number, paging.Size, all.Count, [.. paging.Of(all)]));
    }

    internal static async Task<Results<Ok<ProviderView>, ProblemHttpResult>> GetProviderAsync(ProviderStatus status, string name, CancellationToken ct) =>
        (await status.ListAsync(ct)).FirstOrDefault(p => p.Name == name) is { } view
            ? TypedResults.Ok(view)
            : NotFound(name);

    internal static async Task<Results<Created<ProviderView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ProviderInput input, StoredProviders stored, ProviderStatus status, CancellationToken ct)
    {
        var (row, error) = await stored.SaveAsync(null, input, ct);
        if (error is not null)
        {
            return Invalid(error);
        }

        var view = (await status.ListAsync(ct)).First(p => p.Name == row!.Name);
        return TypedResults.Created($"/api/arena/providers/{Uri.EscapeDataString(row!.Name)}", view);
    }

    internal static async Task<Results<Ok<ProviderView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string name, ProviderInput input, StoredProviders stored, ProviderStatus status, CancellationToken ct)
    {
        input.Name ??= name;
        var (row, error) = await stored.SaveAsync(name, input, ct);
        if (error is not null)
        {
            return error.Status == StatusCodes.Status404NotFound ? NotFound(name) : Invalid(error);
        }

        return TypedResults.Ok((await status.ListAsync(ct)).First(p => p.Name == row!.Name));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string name, StoredProviders stored, CancellationToken ct) =>
        await stored.DeleteAsync(name, ct) ? TypedResults.NoContent() : NotFound(name);

    internal static async Task<Results<Ok<ContestantListPage>, ProblemHttpResult>> ListContestantsAsync(
        ArenaContestants contestants, bool? all, int? page, int? pageSize, CancellationToken ct)
    {
        if (PageRequest.TryCreate(page, pageSize, 200, out var paging) is { } invalid)
        {
            return invalid;
        }

        var list = all == true ? await contestants.ListAllAsync(ct) : [.. (await contestants.ListAsync(ct)).Select(c => new ContestantEntry(c, true))];
        return TypedResults.Ok(new ContestantListPage(paging.Number, paging.Size, list.Count, [.. paging.Of(list)]));
    }

    internal static async Task<Results<Ok<ContestantInfo>, ProblemHttpResult>> ChangeContestantAsync(
        int id, ContestantChange change, ArenaContestants contestants, CancellationToken ct)
    {
        var (info, error) = await contestants.UpdateAsync(id, change.Enabled, change.CatalogModelId, ct);
        if (error is not null)
        {
            return TypedResults.Problem(detail: error, statusCode: StatusCodes.Status400BadRequest, title: "Invalid catalogModelId");
        }

        return info is null
            ? TypedResults.Problem(detail: $"No contestant {id}; GET /api/arena/contestants?all=true lists them.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(info);
    }

    private static ProblemHttpResult NotFound(string name) => TypedResults.Problem(
        detail: $"No provider '{name}'; GET /api/arena/providers lists them (only providers stored in the app can be changed here).",
        statusCode: StatusCodes.Status404NotFound, title: "No such provider");

    private static ValidationProblem Invalid(ProviderWriteError error)
    {
        var detail = string.Join(" ", error.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        return TypedResults.ValidationProblem(error.Errors, detail: detail, title: "Invalid provider");
    }
}
