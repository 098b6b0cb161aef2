using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Data.Evals;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Shared.Plots;

namespace Modelwatch.Web.Features.Evals;

/// <summary>
/// One run: its progress (polled by <c>eval-run.js</c> while it runs), Start / Stop / Resume for members, and the
/// results: the LLM judge's board and the people's board with intervals and plots, per tag; agreement; cost and
/// latency per model; failures; the prompts, each linking to its drill-down.
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed class RunModel(EvalStore store, EvalRunQueue queue, IAuthorizationService authorization) : PageModel
{
    public EvalResults? Results { get; private set; }

    public IReadOnlyList<EvalPromptView> Prompts { get; private set; } = [];

    public EvalQueueState Queue { get; private set; } = null!;

    public bool CanWrite { get; private set; }

    public EvalRunSummary Run => Results!.Run;

    /// <summary>Whether anything is working on the run now (here, or another instance holding its lease).</summary>
    public bool Busy => Queue.Running || Run.Status == EvalRunStatus.Running;

    public async Task<IActionResult> OnGetAsync(int id, string? tag, CancellationToken ct)
    {
        var wanted = string.IsNullOrWhiteSpace(tag) ? null : tag.Trim().ToLowerInvariant();
        Results = await store.ResultsAsync(id, wanted, ct: ct);
        if (Results is null)
        {
            return NotFound();
        }

        var set = await store.GetSetAsync(Run.SetId, ct);
        Prompts = set is null ? [] : [.. set.Prompts.Where(p => wanted is null || p.Tags.Contains(wanted, StringComparer.Ordinal))];
        Queue = queue.State(id);
        CanWrite = (await authorization.AuthorizeAsync(User, Policies.Member)).Succeeded;
        return Page();
    }

    /// <summary>A board's rows as plot points (rows without an interval drawn as a dot).</summary>
    public static IReadOnlyList<IntervalPoint> Points(EvalBoardView board) =>
        [.. board.Rows.Select(r => new IntervalPoint(r.Model, r.Rating, r.Lower ?? r.Rating, r.Upper ?? r.Rating))];
}
