using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Data;
using Modelwatch.Data.Votes;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Leaderboard;

namespace Modelwatch.Web.Features.Sources;

/// <summary>
/// Imports from the browser (administrators only): the forms, and the handlers that queue a votes upload, a catalog
/// upload or URL, or delete a vote dataset. A request that cannot be queued shows the forms again with what was wrong.
/// The size limit is raised for this page only: uploads are streamed to a temporary file, never held in memory.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(ImportStarter.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportStarter.MaxUploadBytes)]
public sealed class ImportModel(ImportStarter starter, ModelwatchDbContext db, TimeProvider time, LeaderboardService boards) : PageModel
{
    /// <summary>Why the last request was refused (field and what was expected).</summary>
    public string? Error { get; private set; }

    /// <summary>Set after a dataset was deleted.</summary>
    public string? Deleted { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostVotesAsync(IFormFile? file, string? name, bool replace, CancellationToken ct) =>
        await QueueAsync(async () =>
        {
            await using var content = file?.OpenReadStream();
            return await starter.QueueVotesAsync(content, file?.FileName, string.IsNullOrWhiteSpace(name) ? null : name.Trim(), replace, ct);
        });

    public async Task<IActionResult> OnPostCatalogAsync(string? source, IFormFile? file, string? url, string? asOf, CancellationToken ct) =>
        await QueueAsync(async () =>
        {
            var date = ImportStarter.ParseAsOf(asOf);
            if (file is null && !string.IsNullOrWhiteSpace(url))
            {
                return starter.QueueCatalogUrl(source, url, date);
            }

            ImportStarter.RequireSource(source);
            await using var content = file?.OpenReadStream();
            return await starter.QueueCatalogFileAsync(source, content, file?.FileName, ct, date);
        });

    public async Task<IActionResult> OnPostDeleteAsync(string? dataset, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(dataset) || !await new VoteStore(db, time).DeleteAsync(dataset, ct))
        {
            Error = $"dataset: no vote dataset named '{dataset}'.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        boards.Invalidate();
        return Redirect("/sources");
    }

    private async Task<IActionResult> QueueAsync(Func<Task<ImportJob>> queue)
    {
        try
        {
            var job = await queue();
            return Redirect($"/sources/imports/{job.Id}");
        }
        catch (ImportRequestException error)
        {
            Error = error.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
