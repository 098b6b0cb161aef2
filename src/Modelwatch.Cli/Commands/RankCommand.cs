using System.CommandLine;
using Modelwatch.Cli.Output;
using Modelwatch.Cli.Progress;
using Modelwatch.Core.Leaderboards;
using Modelwatch.Core.Ratings;
using Modelwatch.Import.Votes;

namespace Modelwatch.Cli.Commands;

/// <summary><c>modelwatch rank FILE</c>: a leaderboard from a votes file, printed as a table, CSV, JSON or Markdown.</summary>
public static class RankCommand
{
    public static Command Create(CliContext context)
    {
        var options = new RankOptions();
        var command = new Command("rank", "Compute a leaderboard (Bradley–Terry with 95% intervals by default) from a file of pairwise votes.");
        options.AddTo(command);
        command.SetAction((parseResult, ct) => Task.FromResult(Run(context, options.Bind(parseResult), ct)));
        return command;
    }

    private static int Run(CliContext context, RankArguments arguments, CancellationToken ct)
    {
        try
        {
            var read = VoteFileLoader.Load(context, arguments.File, arguments.SkipInvalid, ct);
            var request = arguments.ToRequest();
            RatingReport report;
            using (var bootstrap = request.Intervals == IntervalMethod.Bootstrap ? new CountProgress(context, "bootstrap", "rounds", request.BootstrapRounds) : null)
            {
                report = RatingEngine.Run(read.Votes, request, bootstrap, ct);
            }

            CleaningSummary.Write(context.Error, report);
            LeaderboardWriter.Write(context.Out, arguments.Format, report, read, ReproduceCommand.For(arguments), arguments.Top);
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
        catch (ArgumentException error)
        {
            return Fail(context, ExitCodes.InvalidRequest, error.Message);
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
