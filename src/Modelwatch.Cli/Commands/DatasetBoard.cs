using System.Globalization;
using Modelwatch.Cli.Output;
using Modelwatch.Cli.Progress;
using Modelwatch.Core.Leaderboards;
using Modelwatch.Core.Votes;
using Modelwatch.Data;
using Modelwatch.Data.Votes;

namespace Modelwatch.Cli.Commands;

/// <summary>
/// <c>modelwatch rank --dataset NAME</c>: a board from a dataset in the database. Bradley–Terry and win rate are fitted
/// on the stored counts of the category (ties and excluded models are left out of the counts), as the web app does;
/// anything that needs each vote (Elo, style control, anonymous-only, language, daily cap, de-duplication) loads the
/// stored votes and runs exactly as on a file.
/// </summary>
internal static class DatasetBoard
{
    /// <summary>True when the request cannot be answered from per-pair counts.</summary>
    public static bool NeedsEachVote(RatingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = request.Filter;
        return request.Method == RatingMethod.Elo || request.StyleControl || filter.AnonymousOnly || filter.Language is not null
            || filter.DailyCapPerVoter is not null || filter.DedupSampledOnly;
    }

    public static async Task<(RatingReport Report, LeaderboardSource Source)> RankAsync(CliContext context, DatabaseOptions database, RankArguments arguments, RatingRequest request, CancellationToken ct)
    {
        var name = arguments.Dataset ?? throw new ArgumentException("No dataset given.", nameof(arguments));
        var start = context.Time.GetTimestamp();
        var contexts = await ModelwatchDatabase.OpenAsync(database, ct).ConfigureAwait(false);
        var db = contexts.CreateDbContext();
        await using (db.ConfigureAwait(false))
        {
            var store = new VoteStore(db, context.Time);
            var where = contexts.Database.Describe();
            if (NeedsEachVote(request))
            {
                var dataset = await store.FindAsync(name, ct).ConfigureAwait(false);
                VoteTable votes;
                using (var progress = new LoadProgress(context, dataset?.VoteCount ?? 0))
                {
                    votes = await store.LoadVoteTableAsync(name, progress, ct).ConfigureAwait(false);
                }

                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"loaded {votes.Count:N0} votes, {votes.Models.Count:N0} models of dataset '{name}' from {where} in {context.Time.GetElapsedTime(start).TotalSeconds:F2} s")).ConfigureAwait(false);
                var report = RankCommand.WithBootstrapProgress(context, request, progress => RatingEngine.Run(votes, request, progress, ct));
                return (report, LeaderboardSource.From(dataset!));
            }

            var stored = await store.LoadCountsAsync(name, request.Filter.Category, ct).ConfigureAwait(false);
            await context.Error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"loaded counts of dataset '{name}', category '{stored.Category}' ({stored.Rows.Count:N0} model pairs, {stored.Votes:N0} votes) from {where} in {context.Time.GetElapsedTime(start).TotalSeconds:F2} s")).ConfigureAwait(false);
            var counts = stored.ToPairwiseCounts(request.Filter.ExcludeTies, request.Filter.ExcludeModels);
            var onCounts = RankCommand.WithBootstrapProgress(context, request, progress => RatingEngine.RunOnCounts(counts, request, default, progress, ct));
            return (WithCleaning(onCounts, stored, request.Filter, (int)Math.Round(counts.TotalVotes)), LeaderboardSource.From(stored.Dataset));
        }
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

    /// <summary>Votes loaded back from the database, shown as a count of the dataset's votes.</summary>
    private sealed class LoadProgress(CliContext context, int total) : IProgress<long>, IDisposable
    {
        private readonly CountProgress _line = new(context, "loading votes", "votes", total);

        public void Report(long value) => _line.Report((int)value);

        public void Dispose() => _line.Dispose();
    }
}
