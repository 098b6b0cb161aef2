using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.Evals;

/// <summary>Start (or resume) and stop a run in this instance (members); back to the run's page.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class RunControlModel(EvalStore store, EvalRunQueue queue) : PageModel
{
    public IActionResult OnGet(int id) => Redirect($"/evals/runs/{id}");

    public async Task<IActionResult> OnPostStartAsync(int id, CancellationToken ct)
    {
        if (await store.GetRunAsync(id, ct) is null)
        {
            return NotFound();
        }

        queue.Start(id);
        return Redirect($"/evals/runs/{id}");
    }

    public IActionResult OnPostStop(int id)
    {
        queue.Stop(id);
        return Redirect($"/evals/runs/{id}");
    }
}
