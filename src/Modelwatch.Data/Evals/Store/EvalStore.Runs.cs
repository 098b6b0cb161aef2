using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Arena;

namespace Modelwatch.Data.Evals.Store;

/// <summary>Runs: create with models, baseline and judge; list; get; status.</summary>
public sealed partial class EvalStore
{
    /// <summary>
    /// Creates a Draft run. Refused, naming the field: no such set (<c>set</c>), no models or two with one label or one
    /// provider model (<c>models</c>), a baseline that is not one of the labels (<c>baseline</c>), a judge without a
    /// baseline or without a second model, or half a judge (<c>judge</c>), concurrency outside 1–64
    /// (<c>concurrency</c>), an output limit below 1 (<c>maxTokens</c>).
    /// </summary>
    public async Task<EvalRunSummary> CreateRunAsync(EvalRunInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = ValidName(input.Name, EvalRun.MaxNameLength);
        var models = ValidModels(input.Models);
        var baseline = Blank(input.BaselineLabel);
        if (baseline is not null && !models.Any(m => string.Equals(m.Label, baseline, StringComparison.Ordinal)))
        {
            throw new EvalStoreException("baseline", $"The baseline \"{baseline}\" is not one of the run's models ({string.Join(", ", models.Select(m => m.Label))}).");
        }

        var judgeProvider = Blank(input.JudgeProvider);
        var judgeModel = Blank(input.JudgeModel);
        if ((judgeProvider is null) != (judgeModel is null))
        {
            throw new EvalStoreException("judge", "A judge needs both a provider and a model.");
        }

        if (judgeProvider is not null && (baseline is null || models.Count < 2))
        {
            throw new EvalStoreException("judge", "An LLM judge compares every model with a baseline: choose a baseline and at least one other model.");
        }

        if (input.Concurrency is < 1 or > 64)
        {
            throw new EvalStoreException("concurrency", $"Concurrency is {input.Concurrency}; expected 1 to 64 requests in flight.");
        }

        if (input.MaxOutputTokens < 1)
        {
            throw new EvalStoreException("maxTokens", $"The output limit is {input.MaxOutputTokens}; expected at least 1 token.");
        }

        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            if (!await db.EvalPromptSets.AnyAsync(s => s.Id == input.SetId, ct).ConfigureAwait(false))
            {
                throw new EvalStoreException("set", $"There is no prompt set {input.SetId}.");
            }

            foreach (var m in models)
            {
                m.CatalogModelId ??= await EvalCatalogLink.ModelIdAsync(db, m.Provider, m.Model, ct).ConfigureAwait(false);
                if (m.CatalogModelId is not null && m.InputPerMillion is null && m.OutputPerMillion is null)
                {
                    (m.InputPerMillion, m.OutputPerMillion) = await EvalCatalogLink.PriceAsync(db, m.CatalogModelId, ct).ConfigureAwait(false);
                }
            }

            var transaction = await db.Database.BeginWriteAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var run = new EvalRun
                {
                    SetId = input.SetId,
                    Name = name,
                    Status = EvalRunStatus.Draft,
                    Concurrency = input.Concurrency,
                    MaxOutputTokens = input.MaxOutputTokens,
                    JudgeProvider = judgeProvider,
                    JudgeModel = judgeModel,
                    CreatedAt = time.GetUtcNow(),
                };
                run.Models.AddRange(models);
                db.EvalRuns.Add(run);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                if (baseline is not null)
                {
                    run.BaselineModelId = models.Single(m => string.Equals(m.Label, baseline, StringComparison.Ordinal)).Id;
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return await SummaryAsync(db, run.Id, ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Run {run.Id} vanished right after it was created.");
            }
        }
    }

    /// <summary>Every run, newest first, with progress.</summary>
    public async Task<IReadOnlyList<EvalRunSummary>> ListRunsAsync(CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var ids = await db.EvalRuns.AsNoTracking().OrderByDescending(r => r.Id).Select(r => r.Id).ToListAsync(ct).ConfigureAwait(false);
            var runs = new List<EvalRunSummary>(ids.Count);
            foreach (var id in ids)
            {
                if (await SummaryAsync(db, id, ct).ConfigureAwait(false) is { } summary)
                {
                    runs.Add(summary);
                }
            }

            return runs;
        }
    }

    /// <summary>One run with its models and progress; null when there is none.</summary>
    public async Task<EvalRunSummary?> GetRunAsync(int runId, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await SummaryAsync(db, runId, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sets a run's status: Running stamps the first start; Stopped, Completed and Failed stamp the end (with
    /// <paramref name="error"/> for Failed, cleared otherwise). False when there is no such run.
    /// </summary>
    public async Task<bool> SetStatusAsync(int runId, EvalRunStatus status, string? error = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var clipped = error is { Length: > EvalRun.MaxErrorLength } ? error[..EvalRun.MaxErrorLength] : error;
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginWriteAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var run = await db.EvalRuns.SingleOrDefaultAsync(r => r.Id == runId, ct).ConfigureAwait(false);
                if (run is null)
                {
                    return false;
                }

                run.Status = status;
                run.LastError = status == EvalRunStatus.Failed ? clipped : null;
                if (status == EvalRunStatus.Running)
                {
                    run.StartedAt ??= now;
                    run.FinishedAt = null;
                }
                else if (status is EvalRunStatus.Stopped or EvalRunStatus.Completed or EvalRunStatus.Failed)
                {
                    run.FinishedAt = now;
                }

                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return true;
            }
        }
    }

    /// <summary>
    /// The catalog model a provider's model is linked to and its current price (USD per million input and output
    /// tokens), as a new run would store them; the runner prices the judge's calls with it.
    /// </summary>
    public async Task<(string? CatalogModelId, decimal? InputPerMillion, decimal? OutputPerMillion)> CatalogPriceAsync(string provider, string model, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var id = await EvalCatalogLink.ModelIdAsync(db, provider, model, ct).ConfigureAwait(false);
            if (id is null)
            {
                return (null, null, null);
            }

            var (input, output) = await EvalCatalogLink.PriceAsync(db, id, ct).ConfigureAwait(false);
            return (id, input, output);
        }
    }

    internal static async Task<EvalRunSummary?> SummaryAsync(ModelwatchDbContext db, int runId, CancellationToken ct)
    {
        var run = await db.EvalRuns.AsNoTracking().Include(r => r.Models).SingleOrDefaultAsync(r => r.Id == runId, ct).ConfigureAwait(false);
        if (run is null)
        {
            return null;
        }

        var setName = await db.EvalPromptSets.Where(s => s.Id == run.SetId).Select(s => s.Name).SingleAsync(ct).ConfigureAwait(false);
        var prompts = await db.EvalPrompts.CountAsync(p => p.SetId == run.SetId, ct).ConfigureAwait(false);
        var outcomes = await db.EvalAnswers.Where(a => a.RunId == runId).GroupBy(a => a.Outcome)
            .Select(g => new { Outcome = g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        var judgements = await db.EvalJudgements.Where(j => j.RunId == runId).GroupBy(j => new { j.Kind, Parsed = j.Verdict != null || j.Choice != null })
            .Select(g => new { g.Key.Kind, g.Key.Parsed, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        var judge = EvalJudges.Name(run.JudgeProvider, run.JudgeModel);
        var llmJudged = judge is null ? 0 : await db.EvalJudgements.CountAsync(j => j.RunId == runId && j.Kind == Core.Evals.EvalJudgeKind.Llm && j.Judge == judge, ct).ConfigureAwait(false);

        int Count(params AnswerOutcome[] which) => outcomes.Where(o => which.Contains(o.Outcome)).Sum(o => o.Count);
        var models = run.Models.OrderBy(m => m.Id).ToList();
        var expected = prompts * models.Count;
        var completed = Count(AnswerOutcome.Completed);
        var cutOff = Count(AnswerOutcome.CutOff);
        var retry = Count(AnswerOutcome.Failed, AnswerOutcome.TimedOut);
        var progress = new EvalProgressCounts(
            prompts,
            models.Count,
            expected,
            completed,
            cutOff + retry,
            expected - completed - cutOff,
            judge is null ? 0 : 2 * prompts * (models.Count - 1),
            llmJudged,
            judgements.Where(j => j.Kind == Core.Evals.EvalJudgeKind.Llm && !j.Parsed).Sum(j => j.Count),
            judgements.Where(j => j.Kind == Core.Evals.EvalJudgeKind.Human).Sum(j => j.Count));
        return new EvalRunSummary(
            run.Id, run.Name, run.SetId, setName, run.Status,
            [.. models.Select(m => new EvalRunModelView(m.Id, m.Provider, m.Model, m.Label, m.CatalogModelId, m.InputPerMillion, m.OutputPerMillion, m.Id == run.BaselineModelId))],
            models.FirstOrDefault(m => m.Id == run.BaselineModelId)?.Label,
            run.JudgeProvider, run.JudgeModel, run.Concurrency, run.MaxOutputTokens, run.CreatedAt, run.StartedAt, run.FinishedAt, run.LastError, run.LeaseOwner,
            progress);
    }

    private static List<EvalRunModel> ValidModels(IReadOnlyList<EvalModelInput>? inputs)
    {
        if (inputs is null || inputs.Count == 0)
        {
            throw new EvalStoreException("models", "A run needs at least one model.");
        }

        var labels = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<(string, string)>();
        var models = new List<EvalRunModel>(inputs.Count);
        foreach (var input in inputs)
        {
            ArgumentNullException.ThrowIfNull(input);
            var provider = input.Provider?.Trim() ?? "";
            var model = input.Model?.Trim() ?? "";
            if (provider.Length == 0 || model.Length == 0)
            {
                throw new EvalStoreException("models", $"Model {models.Count + 1} needs a provider and a model id (provider/model).");
            }

            if (provider.Length > EvalRunModel.MaxProviderLength || model.Length > EvalRunModel.MaxModelLength)
            {
                throw new EvalStoreException("models", $"The provider or model id of \"{provider}/{model[..Math.Min(model.Length, 40)]}\" is too long.");
            }

            var label = Blank(input.Label) ?? $"{provider}/{model}";
            if (label.Length > EvalRunModel.MaxLabelLength)
            {
                throw new EvalStoreException("models", $"The label \"{label[..40]}…\" is longer than {EvalRunModel.MaxLabelLength} characters.");
            }

            if (!labels.Add(label))
            {
                throw new EvalStoreException("models", $"Two models of the run are labelled \"{label}\"; labels must be unique.");
            }

            if (!ids.Add((provider, model)))
            {
                throw new EvalStoreException("models", $"The model {provider}/{model} is in the run twice.");
            }

            models.Add(new EvalRunModel
            {
                Provider = provider,
                Model = model,
                Label = label,
                CatalogModelId = Blank(input.CatalogModelId),
                InputPerMillion = input.InputPerMillion,
                OutputPerMillion = input.OutputPerMillion,
            });
        }

        return models;
    }
}
