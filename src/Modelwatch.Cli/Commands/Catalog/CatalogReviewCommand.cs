using System.CommandLine;
using System.Globalization;
using Modelwatch.Data.Catalog.Store;

namespace Modelwatch.Cli.Commands.Catalog;

/// <summary>
/// <c>modelwatch catalog review</c>: lists the matches waiting for a person; <c>--accept ID</c> links one (and
/// attaches its source's rows), <c>--reject ID</c> keeps it apart for good.
/// </summary>
internal static class CatalogReviewCommand
{
    public static Command Create(CliContext context, Option<string?> database)
    {
        var accept = new Option<long?>("--accept") { Description = "Accept pending match ID: the id becomes an alias of the proposed model.", HelpName = "ID" };
        var reject = new Option<long?>("--reject") { Description = "Reject pending match ID: the id stays unlinked and is never proposed again.", HelpName = "ID" };
        var command = new Command("review", "List the uncertain matches waiting for a person, or accept or reject one.") { accept, reject };
        command.Validators.Add(r =>
        {
            if (r.GetValue(accept) is not null && r.GetValue(reject) is not null)
            {
                r.AddError("give --accept or --reject, not both.");
            }
        });
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            var contexts = await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false);
            var db = contexts.CreateDbContext();
            await using (db.ConfigureAwait(false))
            {
                var queue = new ReviewQueue(db, context.Time);
                try
                {
                    if (result.GetValue(accept) is { } acceptId)
                    {
                        var outcome = await queue.AcceptAsync(acceptId, ct).ConfigureAwait(false);
                        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"accepted {acceptId}: {outcome.Source} '{outcome.ExternalId}' → {outcome.ModelId}; linked {outcome.Offerings} offerings, {outcome.BenchmarkScores} scores, {outcome.LeaderboardEntries} leaderboard rows; its facts attach on the next import of {outcome.Source}")).ConfigureAwait(false);
                        return ExitCodes.Ok;
                    }

                    if (result.GetValue(reject) is { } rejectId)
                    {
                        var outcome = await queue.RejectAsync(rejectId, ct).ConfigureAwait(false);
                        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rejected {rejectId}: {outcome.Source} '{outcome.ExternalId}' stays unlinked")).ConfigureAwait(false);
                        return ExitCodes.Ok;
                    }
                }
                catch (Exception error) when (error is KeyNotFoundException or InvalidOperationException)
                {
                    return RankCommand.Fail(context, ExitCodes.InvalidRequest, error.Message);
                }

                var pending = await queue.ListAsync(ct).ConfigureAwait(false);
                await context.Out.WriteLineAsync($"{"id",6}  {"source",-12} {"external id",-40} {"proposed model",-36} {"conf.",5}  why").ConfigureAwait(false);
                foreach (var p in pending)
                {
                    await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{p.AliasId,6}  {p.Source,-12} {p.ExternalId + (p.Variant is null ? "" : $" [{p.Variant}]"),-40} {p.CandidateModelId,-36} {p.Confidence,5:F2}  {p.Explanation}")).ConfigureAwait(false);
                }

                await context.Error.WriteLineAsync($"{pending.Count:N0} waiting for review; accept with --accept ID, reject with --reject ID").ConfigureAwait(false);
                return ExitCodes.Ok;
            }
        }));
        return command;
    }
}
