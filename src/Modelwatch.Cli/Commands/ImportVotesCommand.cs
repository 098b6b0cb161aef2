using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Cli.Progress;
using Modelwatch.Data;
using Modelwatch.Data.Votes;
using Modelwatch.Import.Votes;

namespace Modelwatch.Cli.Commands;

/// <summary>
/// <c>modelwatch import votes FILE</c>: stores a votes file in the database (every vote, and wins per model pair for
/// every category), so boards can be ranked from the database with <c>modelwatch rank --dataset NAME</c>.
/// </summary>
public static class ImportVotesCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "Votes file, in any format `modelwatch rank` reads (CSV, JSON array, JSON Lines, Parquet; optionally gzip-compressed)." };
        var name = new Option<string?>("--name") { HelpName = "NAME", Description = "Dataset name (default: the file name without its extensions, e.g. battles for battles.csv.gz)." };
        var database = DatabaseArgument.CreateOption();
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Skip invalid rows and report how many for each reason, instead of refusing the file." };
        var replace = new Option<bool>("--replace") { Description = "Replace a dataset of the same name that holds other votes (in one transaction: the old votes stay until the new ones are stored)." };
        var votes = new Command(
            "votes",
            "Store a votes file in the database: every vote, plus wins per model pair for every category, kept in one transaction " +
            "(a bad file or an interruption writes nothing). Importing the same file again (same SHA-256) changes nothing.");
        votes.Arguments.Add(file);
        foreach (var option in new Option[] { name, database, skipInvalid, replace })
        {
            votes.Options.Add(option);
        }

        votes.SetAction((parse, ct) => RunAsync(
            context,
            parse.GetRequiredValue(file).FullName,
            parse.GetValue(name),
            parse.GetValue(database),
            new VoteImportOptions { SkipInvalid = parse.GetValue(skipInvalid), Replace = parse.GetValue(replace) },
            ct));

        var import = new Command("import", "Store data in the Modelwatch database.");
        import.Subcommands.Add(votes);
        return import;
    }

    private static async Task<int> RunAsync(CliContext context, string path, string? name, string? database, VoteImportOptions options, CancellationToken ct)
    {
        DatabaseOptions? target = null;
        try
        {
            if (!File.Exists(path))
            {
                return RankCommand.Fail(context, ExitCodes.InvalidInput, $"file not found: {path}");
            }

            var start = context.Time.GetTimestamp();
            target = DatabaseArgument.Resolve(database);
            var contexts = await ModelwatchDatabase.OpenAsync(target, ct).ConfigureAwait(false);
            var db = contexts.CreateDbContext();
            await using (db.ConfigureAwait(false))
            {
                var store = new VoteStore(db, context.Time);
                VoteImportResult result;
                using (var progress = new VoteImportProgressLine(context, Path.GetFileName(path)))
                {
                    result = await store.ImportAsync(path, name, options, progress, ct).ConfigureAwait(false);
                }

                var seconds = context.Time.GetElapsedTime(start).TotalSeconds;
                Report(context, result, contexts.Database.Describe(), seconds);
                return ExitCodes.Ok;
            }
        }
        catch (VoteFileException error)
        {
            return RankCommand.Fail(context, ExitCodes.InvalidInput, $"{error.Message} (nothing was stored)");
        }
        catch (VoteStoreException error)
        {
            return RankCommand.Fail(context, ExitCodes.InvalidRequest, error.Message);
        }
        catch (FormatException error)
        {
            return RankCommand.Fail(context, ExitCodes.Usage, $"--database: {error.Message}");
        }
        catch (ArgumentException error)
        {
            return RankCommand.Fail(context, ExitCodes.InvalidRequest, error.Message);
        }
        catch (Exception error) when (error is DbException or DbUpdateException)
        {
            return RankCommand.Fail(context, ExitCodes.DatabaseError, $"{DatabaseArgument.DescribeError(target, error)} (nothing was stored)");
        }
        catch (OperationCanceledException)
        {
            return RankCommand.Fail(context, ExitCodes.Cancelled, "interrupted; nothing was stored");
        }
    }

    private static void Report(CliContext context, VoteImportResult result, string database, double seconds)
    {
        var d = result.Dataset;
        if (result.AlreadyStored)
        {
            context.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"already stored: dataset '{d.Name}' holds this file (SHA-256 {d.ContentHash[..12]}…, {d.VoteCount:N0} votes, imported {d.ImportedAt:yyyy-MM-dd HH:mm} UTC); nothing was written"));
            return;
        }

        var output = context.Out;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"stored dataset '{d.Name}'{(result.Replaced ? " (replacing the earlier one)" : string.Empty)} from {d.SourceFileName} ({d.SourceFormat}) in {database}, {seconds:F2} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"votes: {d.VoteCount:N0} ({d.SelfVoteCount:N0} self-votes, kept but never counted)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"models: {d.ModelCount:N0}"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"categories: {result.VotesPerCategory.Count} ({string.Join(", ", result.VotesPerCategory.Select(c => $"{c.Key} {c.Value:N0}"))})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pair counts: {result.CountRows:N0} rows"));
        output.WriteLine($"rank it: modelwatch rank --dataset {ReproduceCommand.Quote(d.Name)}");
        if (d.RowsSkipped > 0)
        {
            var reasons = string.Join(", ", result.SkippedByReason.OrderByDescending(r => r.Value).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key}: {r.Value:N0}")));
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"skipped {d.RowsSkipped:N0} invalid rows ({reasons})"));
        }

        foreach (var note in result.Notes)
        {
            context.Error.WriteLine($"note: {note}");
        }
    }
}
