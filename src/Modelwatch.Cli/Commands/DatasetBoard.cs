using System.Globalization;
using Modelwatch.Cli.Output;
using Modelwatch.Cli.Progress;
using Modelwatch.Core.Leaderboards;
using Modelwatch.Core.Votes;
using Modelwatch.Data;
using Modelwatch.Data.Leaderboards;
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
            if (DatasetBoards.NeedsEachVote(request))
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
            var onCounts = RankCommand.WithBootstrapProgress(context, request, progress => DatasetBoards.RankOnCounts(stored, request, progress, ct));
            return (onCounts, LeaderboardSource.From(stored.Dataset));
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
