using System.CommandLine;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Cli.Output;
using Modelwatch.Cli.Progress;
using Modelwatch.Core.Leaderboards;
using Modelwatch.Core.Ratings;
using Modelwatch.Data;
using Modelwatch.Data.Votes;
using Modelwatch.Import.Votes;

namespace Modelwatch.Cli.Commands;

/// <summary><c>modelwatch rank FILE</c> or <c>modelwatch rank --dataset NAME</c>: a leaderboard from a votes file or a stored dataset, printed as a table, CSV, JSON or Markdown.</summary>
public static class RankCommand
{
    public static Command Create(CliContext context)
    {
        var options = new RankOptions();
        var command = new Command("rank", "Compute a leaderboard (Bradley–Terry with 95% intervals by default) from a file of pairwise votes, or from a dataset stored in the database (--dataset).");
        options.AddTo(command);
        command.SetAction((parseResult, ct) => RunAsync(context, options.Bind(parseResult), ct));
        return command;
    }

    /// <summary>Runs a rating job with bootstrap progress on stderr when the request bootstraps.</summary>
    internal static RatingReport WithBootstrapProgress(CliContext context, RatingRequest request, Func<IProgress<int>?, RatingReport> rate)
    {
        using var bootstrap = request.Intervals == IntervalMethod.Bootstrap ? new CountProgress(context, "bootstrap", "rounds", request.BootstrapRounds) : null;
        return rate(bootstrap);
    }

    private static async Task<int> RunAsync(CliContext context, RankArguments arguments, CancellationToken ct)
    {
        DatabaseOptions? database = null;
        try
        {
            var request = arguments.ToRequest();
            RatingReport report;
            LeaderboardSource source;
            if (arguments.Dataset is not null)
            {
                database = DatabaseArgument.Resolve(arguments.Database);
                (report, source) = await DatasetBoard.RankAsync(context, database, arguments, request, ct).ConfigureAwait(false);
            }
            else
            {
                var read = VoteFileLoader.Load(context, arguments.File!, arguments.SkipInvalid, ct);
                report = WithBootstrapProgress(context, request, progress => RatingEngine.Run(read.Votes, request, progress, ct));
                source = LeaderboardSource.From(read);
            }

            CleaningSummary.Write(context.Error, report);
            LeaderboardWriter.Write(context.Out, arguments.Format, report, source, ReproduceCommand.For(arguments), arguments.Top);
            return ExitCodes.Ok;
        }
        catch (VoteFileException error)
        {
            return Fail(context, ExitCodes.InvalidInput, error.Message);
        }
        catch (FileNotFoundException error)
        {
            return Fail(context, ExitCodes.InvalidInput, $"file not found: {error.FileName ?? arguments.File}");
        }
        catch (VoteStoreException error)
        {
            return Fail(context, ExitCodes.InvalidRequest, error.Message);
        }
        catch (FormatException error) when (arguments.Dataset is not null)
        {
            return Fail(context, ExitCodes.Usage, $"--database: {error.Message}");
        }
        catch (ArgumentException error)
        {
            return Fail(context, ExitCodes.InvalidRequest, error.Message);
        }
        catch (Exception error) when (error is DbException or DbUpdateException)
        {
            return Fail(context, ExitCodes.DatabaseError, DatabaseArgument.DescribeError(database, error));
        }
        catch (OperationCanceledException)
        {
            return Fail(context, ExitCodes.Cancelled, "interrupted; nothing was written");
        }
    }

    internal static int Fail(CliContext context, int code, string message)
    {
        context.Error.WriteLine($"error: {message}");
        return code;
    }
}
