using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Core.News;
using Modelwatch.Data;
using Modelwatch.Data.News;
using Modelwatch.Data.News.Store;
using Modelwatch.News.Feeds;
using Modelwatch.News.Sources;
using Modelwatch.News.Sync;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.News;

/// <summary>
/// The sources page's form handlers (administrators only): add a source by type, import OPML, take or decline the
/// default sources, add and remove rules, remove a source. Success goes back to the sources page; a refused request
/// shows what was wrong (the file and line, the field, the pattern) and stores nothing.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(MaxOpmlBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxOpmlBytes)]
public sealed class ManageModel(ModelwatchDbContext db, TimeProvider time) : PageModel
{
    /// <summary>The largest OPML upload (a few thousand feeds fit in well under this).</summary>
    public const int MaxOpmlBytes = 4 * 1024 * 1024;

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAddAsync(NewsSourceKind kind, string? value, string? name, string? folder, int? minPoints, CancellationToken ct) =>
        RunAsync(async () =>
        {
            var input = NewsSourceRequests.ToInput(kind, name, value, folder, minPoints);
            var added = await new NewsSourceStore(db, time).AddAsync([input], ct);
            if (added.Added.Count == 0)
            {
                throw new ArgumentException($"url: {input.Url} is already a source.");
            }
        });

    public Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct) =>
        RunAsync(async () =>
        {
            if (file is null || file.Length == 0)
            {
                throw new ArgumentException("file: choose an OPML file to import.");
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            await NewsOpmlImport.ImportAsync(db, time, buffer.ToArray(), Path.GetFileName(file.FileName), ct);
        });

    public Task<IActionResult> OnPostDefaultsAsync(int[]? chosen, CancellationToken ct) =>
        RunAsync(async () =>
        {
            var all = DefaultNewsSources.All;
            var picked = (chosen ?? []).Distinct().Select(i => i >= 0 && i < all.Count ? all[i] : throw new ArgumentException($"chosen: {i} is not one of the {all.Count} default sources.")).ToList();
            var inputs = picked.Select(d => NewsSourceRequests.ToInput(d.Kind, d.Name, d.UrlOrParameter, d.Folder, d.MinPoints)).ToList();
            await new NewsSourceStore(db, time).AddAsync(inputs, ct);
            await NewsDefaultsOffer.AnswerAsync(db, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"added {inputs.Count}"), ct);
        });

    public Task<IActionResult> OnPostDeclineDefaultsAsync(CancellationToken ct) =>
        RunAsync(() => NewsDefaultsOffer.AnswerAsync(db, "declined", ct));

    public Task<IActionResult> OnPostAddRuleAsync(string? pattern, bool isRegex, NewsRuleAction action, double? weight, int? sourceId, CancellationToken ct) =>
        RunAsync(() => new NewsRuleStore(db, time).AddAsync(pattern ?? "", isRegex, action, weight ?? 1, sourceId, ct));

    public Task<IActionResult> OnPostRemoveRuleAsync(int id, CancellationToken ct) =>
        RunAsync(() => new NewsRuleStore(db, time).RemoveAsync(id, ct));

    public Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct) =>
        RunAsync(() => new NewsSourceStore(db, time).RemoveAsync(id, ct));

    private async Task<IActionResult> RunAsync(Func<Task> change)
    {
        try
        {
            await change();
            return Redirect("/news/sources");
        }
        catch (Exception error) when (error is ArgumentException or FeedReadException)
        {
            Error = error.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
