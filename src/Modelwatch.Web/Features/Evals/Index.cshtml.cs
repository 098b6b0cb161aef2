using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.Evals;

/// <summary>Your own evaluations: the prompt sets, and the runs with their status and progress.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(EvalStore store, EvalRunActivity activity, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<EvalSetSummary> Sets { get; private set; } = [];

    public IReadOnlyList<EvalRunSummary> Runs { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public EvalRunActivity Activity => activity;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sets = await store.ListSetsAsync(ct);
        Runs = await store.ListRunsAsync(ct);
        CanWrite = (await authorization.AuthorizeAsync(User, Policies.Member)).Succeeded;
    }
}
