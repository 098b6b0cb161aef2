using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.Evals;

/// <summary>One prompt of a run: every model's answer, the judge's verdicts in both orders with its reasoning, and people's votes.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class PromptModel(EvalStore store) : PageModel
{
    public EvalPromptDetail? Detail { get; private set; }

    public EvalRunSummary? Run { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, long promptId, CancellationToken ct)
    {
        Run = await store.GetRunAsync(id, ct);
        Detail = Run is null ? null : await store.PromptDetailAsync(id, promptId, ct);
        return Detail is null ? NotFound() : Page();
    }
}
