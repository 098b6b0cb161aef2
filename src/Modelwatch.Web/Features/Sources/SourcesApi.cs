using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Modelwatch.Data;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.Sources;

/// <summary>
/// <c>GET /api/sources</c>, <c>POST /api/imports/votes</c>, <c>POST /api/imports/catalog</c>, <c>GET /api/imports/{id}</c>.
/// An upload is multipart with the anti-forgery token (a browser could otherwise be made to post a file on an
/// administrator's behalf); a catalog URL may also come as JSON, which a foreign page cannot send without CORS.
/// </summary>
public static class SourcesApi
{
    /// <summary>The body of a JSON catalog import.</summary>
    public sealed record CatalogUrlRequest(string? Source, string? Url, string? AsOf = null);

    public static RouteGroupBuilder MapSourcesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/sources", GetSourcesAsync)
            .WithName("GetSources")
            .WithSummary("Every catalog source with its status (ok, failing with the error) and last import run, and every vote dataset.");
        api.MapGet("/imports/{id}", GetImport)
            .WithName("GetImport")
            .WithSummary("An import job: queued, running, succeeded or failed, its progress, message and summary.");
        api.MapPost("/imports/votes", PostVotesAsync)
            .WithName("ImportVotes")
            .WithSummary("Queues the import of a votes file (multipart field 'file', optional 'name' and 'replace'; CSV, JSON, JSON Lines, Parquet, gzip). 202 with the job's Location.")
            .RequireAuthorization(Policies.Administrator)
            .WithMetadata(new RequestSizeLimitAttribute(ImportStarter.MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: ImportStarter.MaxUploadBytes)
            .DisableAntiforgery();
        api.MapPost("/imports/catalog", PostCatalogAsync)
            .WithName("ImportCatalog")
            .WithSummary("Queues a catalog source's import: multipart (fields 'source' and 'file', or 'source' and 'url'; optional 'asOf' yyyy-MM-dd for files that do not state their date) or JSON {source, url, asOf}. 202 with the job's Location.")
            .RequireAuthorization(Policies.Administrator)
            .WithMetadata(new RequestSizeLimitAttribute(ImportStarter.MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: ImportStarter.MaxUploadBytes)
            .DisableAntiforgery();
        return api;
    }

    internal static async Task<Ok<SourcesOverview>> GetSourcesAsync(ModelwatchDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await SourcesOverview.LoadAsync(db, time, ct));

    internal static Results<Ok<ImportJobStatus>, ProblemHttpResult> GetImport(string id, ImportJobQueue queue) =>
        queue.Find(id) is { } job
            ? TypedResults.Ok(job.Snapshot())
            : TypedResults.Problem(detail: $"No import job '{id}': jobs are kept in memory, so they are gone after a restart (the sources page shows what was stored).", statusCode: StatusCodes.Status404NotFound, title: "No such import");

    internal static async Task<Results<Accepted<ImportJobStatus>, ProblemHttpResult>> PostVotesAsync(HttpContext http, ImportStarter starter, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return BadRequest("Expected multipart/form-data with the votes file in the field 'file' (and the anti-forgery token).");
        }

        try
        {
            await antiforgery.ValidateRequestAsync(http);
            var form = await http.Request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            var name = form["name"].ToString();
            var replace = bool.TryParse(form["replace"].ToString(), out var r) && r;
            await using var content = file?.OpenReadStream();
            var job = await starter.QueueVotesAsync(content, file?.FileName, name.Length == 0 ? null : name, replace, ct);
            return Accepted(job);
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest("The anti-forgery token is missing or invalid: send the token from the sources page (form field __RequestVerificationToken) with its cookie, or use JSON for a URL.");
        }
        catch (ImportRequestException error)
        {
            return BadRequest(error.Message);
        }
    }

    internal static async Task<Results<Accepted<ImportJobStatus>, ProblemHttpResult>> PostCatalogAsync(HttpContext http, ImportStarter starter, IAntiforgery antiforgery, CancellationToken ct)
    {
        try
        {
            if (http.Request.HasJsonContentType())
            {
                var body = await http.Request.ReadFromJsonAsync<CatalogUrlRequest>(ct);
                return Accepted(starter.QueueCatalogUrl(body?.Source, body?.Url, ImportStarter.ParseAsOf(body?.AsOf)));
            }

            if (!http.Request.HasFormContentType)
            {
                return BadRequest("Expected JSON {\"source\": …, \"url\": …} or multipart/form-data with 'source' and 'file' or 'url'.");
            }

            await antiforgery.ValidateRequestAsync(http);
            var form = await http.Request.ReadFormAsync(ct);
            var source = form["source"].ToString();
            var url = form["url"].ToString();
            var file = form.Files.GetFile("file");
            var asOf = ImportStarter.ParseAsOf(form["asOf"].ToString());
            if (file is null && url.Length > 0)
            {
                return Accepted(starter.QueueCatalogUrl(source, url, asOf));
            }

            ImportStarter.RequireSource(source);
            await using var content = file?.OpenReadStream();
            return Accepted(await starter.QueueCatalogFileAsync(source, content, file?.FileName, ct, asOf));
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest("The anti-forgery token is missing or invalid: send the token from the sources page (form field __RequestVerificationToken) with its cookie, or use JSON for a URL.");
        }
        catch (JsonException error)
        {
            return BadRequest($"The JSON body could not be read ({error.Message}); expected {{\"source\": …, \"url\": …}}.");
        }
        catch (ImportRequestException error)
        {
            return BadRequest(error.Message);
        }
    }

    private static Accepted<ImportJobStatus> Accepted(ImportJob job) => TypedResults.Accepted($"/api/imports/{job.Id}", job.Snapshot());

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad import request");
}
