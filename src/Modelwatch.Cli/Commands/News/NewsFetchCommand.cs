using System.CommandLine;
using System.Globalization;
using Modelwatch.Cli.Commands.Catalog;
using Modelwatch.News.Fetching;
using Modelwatch.News.Sync;

namespace Modelwatch.Cli.Commands.News;

/// <summary><c>modelwatch news fetch [--source ID]</c>: fetch now, one progress line per source, a summary at the end.</summary>
internal static class NewsFetchCommand
{
    public static Command Create(CliContext context, Option<string?> database)
    {
        var source = new Option<int[]>("--source") { Description = "Only this source (repeatable); default every enabled source.", HelpName = "ID", AllowMultipleArgumentsPerToken = true };
        var timeout = new Option<int>("--timeout") { Description = "Seconds one request may take.", DefaultValueFactory = _ => 30 };
        var command = new Command("fetch", "Fetch sources now (conditional GET, size cap, timeout); a failing source is recorded and the others go on. Exit 4 when any failed.") { source, timeout };
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            var contexts = await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false);
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var options = new NewsFetchOptions { Timeout = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(timeout))) };
            var service = new NewsFetchService(contexts, new FeedFetcher(http, context.Time), context.Time, options);
            var ids = result.GetValue(source);
            var summary = await service.FetchAsync(ids is { Length: > 0 } ? ids : null, new Lines(context.Error), ct).ConfigureAwait(false);
            if (ids is { Length: > 0 } && summary.Sources.Count < ids.Distinct().Count())
            {
                var missing = ids.Except(summary.Sources.Select(s => s.SourceId));
                return RankCommand.Fail(context, ExitCodes.InvalidRequest, $"--source: no source {string.Join(", ", missing)} (modelwatch news sources list shows the ids)");
            }

            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Fetched:N0} fetched, {summary.Failed:N0} failed, {summary.Skipped:N0} held by another instance, {summary.ItemsNew:N0} new items")).ConfigureAwait(false);
            return summary.Failed > 0 ? ExitCodes.SourceFailed : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>"[3/12] name: Ok, 40 read, 12 new" per source as it finishes.</summary>
    private sealed class Lines(TextWriter error) : IProgress<NewsFetchProgress>
    {
        private readonly Lock _gate = new();

        public void Report(NewsFetchProgress value)
        {
            var s = value.Last;
            var line = s?.Record is { } r
                ? string.Create(CultureInfo.InvariantCulture, $"[{value.Done}/{value.Total}] {s.Name}: {r.Outcome}, {r.ItemsRead} read, {r.ItemsNew} new{(r.Succeeded || r.Error is null ? "" : " — " + r.Error)}")
                : string.Create(CultureInfo.InvariantCulture, $"[{value.Done}/{value.Total}] {s?.Name}: held by another instance, skipped");
            lock (_gate)
            {
                error.WriteLine(line);
            }
        }
    }
}
