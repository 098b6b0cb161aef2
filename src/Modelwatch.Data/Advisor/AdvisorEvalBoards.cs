using System.Globalization;
using Modelwatch.Core.Advisor;
using Modelwatch.Data.Evals.Store;

namespace Modelwatch.Data.Advisor;

/// <summary>
/// The user's own evaluation run as the advisor's quality source: public boards can be gamed and rate other people's
/// prompts, a run rates the user's. The run's LLM judge board is used (every model judged against one baseline), else
/// its people's board; only run models linked to a catalog model can be checked against constraints, so the others
/// are named in a note and left out.
/// </summary>
internal static class AdvisorEvalBoards
{
    public static async Task<AdvisorBoard> ReadAsync(EvalStore store, int runId, string? tag, CancellationToken ct)
    {
        // Tags are stored lower case (the store normalises them the same way).
        tag = string.IsNullOrWhiteSpace(tag) ? null : tag.Trim().ToLowerInvariant();
        var results = await store.ResultsAsync(runId, tag, ct: ct).ConfigureAwait(false)
            ?? throw new AdvisorRequestException("eval-run", string.Create(CultureInfo.InvariantCulture, $"No evaluation run {runId}."));
        if (tag is not null && !results.Tags.Any(t => string.Equals(t.Tag, tag, StringComparison.Ordinal)))
        {
            throw new AdvisorRequestException("eval-tag", $"Run {runId} has no prompts tagged '{tag}'. Tags: {(results.Tags.Count == 0 ? "none" : string.Join(", ", results.Tags.Select(t => t.Tag)))}.");
        }

        var run = results.Run;
        var category = tag ?? "all prompts";
        var source = string.Create(CultureInfo.InvariantCulture, $"eval:{run.Id} {run.Name}");
        var notes = new List<string>();
        var board = results.LlmBoard ?? results.HumanBoard;
        if (results.LlmBoard is null && results.HumanBoard is not null)
        {
            notes.Add($"Run '{run.Name}' has no judge verdicts{(tag is null ? "" : $" on '{tag}'")}: ranked on people's votes.");
        }

        var catalogOf = run.Models.Where(m => m.CatalogModelId is not null).ToDictionary(m => m.Label, m => m.CatalogModelId!, StringComparer.Ordinal);
        var unlinked = run.Models.Where(m => m.CatalogModelId is null).Select(m => m.Label).ToList();
        if (unlinked.Count > 0)
        {
            notes.Add($"Not in the catalog, so not checked against constraints and left out: {string.Join(", ", unlinked)}.");
        }

        if (board is null)
        {
            notes.Add($"Run '{run.Name}' has no verdicts or votes{(tag is null ? "" : $" on '{tag}'")} yet: nothing to rank by.");
            return new AdvisorBoard(category, source, catalogOf.Values.ToHashSet(StringComparer.Ordinal), new Dictionary<string, QualityEvidence>(), notes);
        }

        var asOf = DateOnly.FromDateTime((run.FinishedAt ?? run.StartedAt ?? run.CreatedAt).UtcDateTime);
        var quality = AdvisorRatings.Best(board.Rows
            .Where(r => catalogOf.ContainsKey(r.Model))
            .Select(r => (catalogOf[r.Model], new QualityEvidence(
                source, category, r.Model, r.Rating, r.Lower ?? double.NaN, r.Upper ?? double.NaN, (int)Math.Min(r.Games, int.MaxValue), asOf))));
        return new AdvisorBoard(category, source, catalogOf.Values.ToHashSet(StringComparer.Ordinal), quality, notes);
    }
}
