using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.Sources;

/// <summary>An import job's page: its state and progress (refreshed by <c>js/import-progress.js</c>, or by reloading), then its outcome.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class JobModel(ImportJobQueue queue) : PageModel
{
    public ImportJobStatus? Status { get; private set; }

    public IActionResult OnGet(string id)
    {
        Status = queue.Find(id)?.Snapshot();
        if (Status is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
