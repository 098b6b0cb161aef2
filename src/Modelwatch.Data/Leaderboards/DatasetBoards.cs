using Modelwatch.Core.Leaderboards;
using Modelwatch.Core.Votes;
using Modelwatch.Data.Votes;

namespace Modelwatch.Data.Leaderboards;

/// <summary>
/// A board from a dataset in the database, the one way the CLI (<c>rank --dataset</c>) and the web app compute it:
/// Bradley–Terry and win rate are fitted on the stored counts of the category (ties and excluded models are left out
/// of the counts); anything that needs each vote (Elo, style control, anonymous-only, language, daily cap,
/// de-duplication) loads the stored votes and runs exactly as on a file.
/// </summary>
public static class DatasetBoards
{
    /// <summary>True when the request cannot be answered from per-pair counts.</summary>
    /// <param name="request">The rating request.</param>
    public static bool NeedsEachVote(RatingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = request.Filter;
        return request.Method == RatingMethod.Elo || request.StyleControl || filter.AnonymousOnly || filter.Language is not null
            || filter.DailyCapPerVoter is not null || filter.DedupSampledOnly;
    }

    /// <summary>Fits <paramref name="request"/> on a category's stored counts and reports the cleaning steps that led to them.</summary>
    /// <param name="stored">The category's counts (<see cref="VoteStore.LoadCountsAsync"/>).</param>
    /// <param name="request">The rating request; must not <see cref="NeedsEachVote">need each vote</see>.</param>
    /// <param name="bootstrapRoundsDone">Progress of bootstrap rounds, when the request bootstraps.</param>
    /// <param name="ct">Cancels the bootstrap.</param>
    public static RatingReport RankOnCounts(StoredVoteCounts stored, RatingRequest request, IProgress<int>? bootstrapRoundsDone = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(request);
        var counts = stored.ToPairwiseCounts(request.Filter.ExcludeTies, request.Filter.ExcludeModels);
        var report = RatingEngine.RunOnCounts(counts, request, default, bootstrapRoundsDone, ct);
        return WithCleaning(report, stored, request.Filter, (int)Math.Round(counts.TotalVotes));
    }

    /// <summary>
    /// The report with the steps that took the dataset's votes to the counts fitted, in the order applied: self-votes
    /// (never counted), the category (chosen when the counts were stored), excluded models, ties.
    /// </summary>
    private static RatingReport WithCleaning(RatingReport report, StoredVoteCounts stored, VoteFilterOptions filter, int used)
    {
        var dataset = stored.Dataset;
        var steps = new List<CleaningStep>();
        var remaining = dataset.VoteCount;
        Step("self-votes", "votes of a model against itself (never counted in stored counts)", dataset.SelfVoteCount);
        Step("category", $"votes outside '{stored.Category}' (counted per category at import)", remaining - (int)stored.Votes);
        if (filter.ExcludeModels.Count > 0)
        {
            var excluded = filter.ExcludeModels.ToHashSet(StringComparer.Ordinal);
            var involving = stored.Rows.Where(r => excluded.Contains(stored.Models[r.ModelA]) || excluded.Contains(stored.Models[r.ModelB])).Sum(r => r.Total);
            Step("excluded models", $"votes involving {string.Join(", ", filter.ExcludeModels.Order(StringComparer.Ordinal))}", involving);
        }

        if (filter.ExcludeTies)
        {
            Step("ties", "ties and both-bad votes", remaining - used);
        }

        return new RatingReport
        {
            Request = report.Request,
            Entries = report.Entries,
            Cleaning = steps,
            VotesRead = dataset.VoteCount,
            VotesUsed = used,
            UniqueRows = report.UniqueRows,
            Solver = report.Solver,
            StyleCoefficients = report.StyleCoefficients,
            Matrices = report.Matrices,
            Warnings = report.Warnings,
        };

        void Step(string name, string description, int removed)
        {
            remaining -= removed;
            steps.Add(new CleaningStep(name, description, removed, remaining));
        }
    }
}
