using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Arena.Providers;

namespace Modelwatch.Web.Features.Evals;

/// <summary>
/// A new run: a prompt set, models from the arena's providers (their contestants), the baseline every model is
/// judged against, the LLM judge (optional), concurrency and the answer length limit; "start now" queues it.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class NewRunModel(EvalStore store, ArenaContestants contestants, EvalRunQueue queue, TimeProvider time) : PageModel
{
    public IReadOnlyList<EvalSetSummary> Sets { get; private set; } = [];

    public IReadOnlyList<ContestantInfo> Contestants { get; private set; } = [];

    public string? Error { get; private set; }

    public int? SelectedSet { get; private set; }

    public async Task OnGetAsync(int? set, CancellationToken ct)
    {
        SelectedSet = set;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(
        int setId, string? name, int[]? models, int? baseline, int? judge, int? concurrency, int? maxTokens, bool start, CancellationToken ct)
    {
        SelectedSet = setId;
        await LoadAsync(ct);
        try
        {
            var byId = Contestants.ToDictionary(c => c.Id);
            var chosen = (models ?? []).Distinct()
                .Select(id => byId.TryGetValue(id, out var c) ? c : throw new EvalStoreException("models", $"Model {id} is not one of the arena's models."))
                .ToList();
            if (chosen.Count < 2)
            {
                throw new EvalStoreException("models", "Choose at least two models.");
            }

            ContestantInfo? baselineModel = null;
            if (baseline is { } b)
            {
                baselineModel = chosen.Find(c => c.Id == b) ?? throw new EvalStoreException("baseline", "The baseline must be one of the chosen models.");
            }

            ContestantInfo? judgeModel = null;
            if (judge is { } j && !byId.TryGetValue(j, out judgeModel))
            {
                throw new EvalStoreException("judge", $"Model {j} is not one of the arena's models.");
            }

            if (judgeModel is not null && baselineModel is null)
            {
                throw new EvalStoreException("baseline", "An LLM judge compares every model with a baseline; choose one.");
            }

            var input = new EvalRunInput(
                setId,
                string.IsNullOrWhiteSpace(name) ? "Run " + time.GetUtcNow().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : name.Trim(),
                [.. chosen.Select(c => new EvalModelInput(c.Provider, c.Model, c.BoardName, c.CatalogModelId))],
                baselineModel?.BoardName,
                judgeModel?.Provider,
                judgeModel?.Model,
                concurrency ?? 4,
                maxTokens ?? 2048);
            var run = await store.CreateRunAsync(input, ct);
            if (start)
            {
                queue.Start(run.Id);
            }

            return Redirect($"/evals/runs/{run.Id}");
        }
        catch (EvalStoreException error)
        {
            Error = $"{error.Field}: {error.Message}";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Sets = await store.ListSetsAsync(ct);
        Contestants = await contestants.ListAsync(ct);
    }
}
