using System.CommandLine;
using System.Globalization;
using Modelwatch.Cli.Progress;
using Modelwatch.Core.Catalog;
using Modelwatch.Data.Catalog.Store;
using Modelwatch.Import.Catalog;

namespace Modelwatch.Cli.Commands.Catalog;

/// <summary>
/// <c>modelwatch catalog import &lt;source&gt; &lt;path|url&gt;</c>: reads a source with its importer and stores it. Prints
/// the counts per kind (stdout) and the skipped records (stderr). A source that cannot be read changes nothing,
/// is recorded as failed in the source's status, and exits 4.
/// </summary>
internal static class CatalogImportCommand
{
    private const int ProblemsShown = 20;

    public static Command Create(CliContext context, Option<string?> database)
    {
        var source = new Argument<string>("source") { Description = $"The source: {string.Join(", ", CatalogSources.All)}." };
        var location = new Argument<string>("path-or-url") { Description = "The file, directory or tarball to read, or an http(s) URL to download it from." };
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "The date the data was published or fetched, for files that do not say (an LMArena board, an OpenRouter response); default: a date in the file name.",
        };
        var command = new Command("import", "Import one catalog source into the database: a re-import of the same data changes nothing; a changed price becomes a new price period.")
        {
            source,
            location,
            asOf,
        };
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, () => RunAsync(context.ImportersFor(result.GetValue(asOf)), context, result.GetRequiredValue(source), result.GetRequiredValue(location), result, database, ct)));
        return command;
    }

    private static async Task<int> RunAsync(CatalogImporters importers, CliContext context, string source, string location, ParseResult result, Option<string?> databaseOption, CancellationToken ct)
    {
        if (importers.Find(source) is not { } importer)
        {
            var known = importers.Sources;
            return RankCommand.Fail(context, ExitCodes.InvalidRequest, known.Count == 0
                ? $"no importer for '{source}': this build has no catalog importers registered"
                : $"no importer for '{source}'; known sources: {string.Join(", ", known)}");
        }

        var contexts = await CatalogDatabase.OpenAsync(result, databaseOption, ct).ConfigureAwait(false);
        var db = contexts.CreateDbContext();
        await using (db.ConfigureAwait(false))
        {
            var store = new CatalogStore(db, context.Time);
            CatalogBatch batch;
            try
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
                using var input = await CatalogInput.OpenAsync(location, http, ct).ConfigureAwait(false);
                await context.Error.WriteLineAsync($"reading {importer.Source} from {input.Location}").ConfigureAwait(false);
                batch = importer.Read(input, ct);
            }
            catch (CatalogSourceException error)
            {
                await store.RecordFailureAsync(importer.Source, location, error.Message, ct).ConfigureAwait(false);
                return RankCommand.Fail(context, ExitCodes.SourceFailed, $"{error.Message} The catalog is unchanged; {importer.Source} is marked as failing.");
            }

            ImportSummary summary;
            try
            {
                using var progress = new ImportProgressLine(context, importer.Source);
                summary = await CatalogImport.ApplyAsync(db, context.Time, batch, progress, ct).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                return RankCommand.Fail(context, ExitCodes.SourceFailed, $"storing {importer.Source} failed and was rolled back: {error.Message}");
            }

            Write(context, summary, batch.Location);
            return ExitCodes.Ok;
        }
    }

    private static void Write(CliContext context, ImportSummary summary, string location)
    {
        var o = context.Out;
        o.WriteLine($"{summary.Source}: {location} (import run {summary.RunId}, {summary.Outcome})");
        o.WriteLine($"{"kind",-20} {"added",8} {"changed",8} {"unchanged",10} {"removed",8}");
        foreach (var (kind, c) in summary.Kinds())
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-20} {c.Added,8} {c.Changed,8} {c.Unchanged,10} {c.Removed,8}"));
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"unmatched ids: {summary.Unmatched}, waiting for review: {summary.Pending}, problems: {summary.Problems.Count}"));
        foreach (var problem in summary.Problems.Take(ProblemsShown))
        {
            context.Error.WriteLine($"skipped: {problem.Location}: {problem.Message}");
        }

        if (summary.Problems.Count > ProblemsShown)
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… and {summary.Problems.Count - ProblemsShown} more skipped records (all are stored with import run {summary.RunId})"));
        }
    }
}
