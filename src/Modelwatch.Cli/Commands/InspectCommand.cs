using System.CommandLine;
using Modelwatch.Core.Votes;
using Modelwatch.Import.Votes;
using Spectre.Console;

namespace Modelwatch.Cli.Commands;

/// <summary><c>modelwatch inspect FILE</c>: what a votes file holds and which category boards it supports.</summary>
public static class InspectCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "Votes file (any format `rank` reads)." };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Skip invalid rows and count them by reason." };
        var command = new Command("inspect", "Describe a votes file: format, votes, models, metadata columns, and every category with its vote count.")
        {
            file,
            skipInvalid,
        };
        command.SetAction((parseResult, ct) =>
        {
            try
            {
                var read = VoteFileLoader.Load(context, parseResult.GetRequiredValue(file).FullName, parseResult.GetValue(skipInvalid), ct);
                Write(context.Out, read.Votes);
                return Task.FromResult(ExitCodes.Ok);
            }
            catch (VoteFileException error)
            {
                return Task.FromResult(RankCommand.Fail(context, ExitCodes.InvalidInput, error.Message));
            }
            catch (FileNotFoundException error)
            {
                return Task.FromResult(RankCommand.Fail(context, ExitCodes.InvalidInput, error.Message));
            }
        });
        return command;
    }

    private static void Write(TextWriter output, VoteTable votes)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        var selfVotes = 0;
        for (var i = 0; i < votes.Count; i++)
        {
            selfVotes += votes.ModelA[i] == votes.ModelB[i] ? 1 : 0;
        }

        var facts = new Table().Border(TableBorder.Rounded).AddColumn("Fact").AddColumn(new TableColumn("Value").RightAligned());
        facts.AddRow("votes", votes.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        facts.AddRow("models", votes.Models.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        facts.AddRow("self-votes (excluded when rating)", selfVotes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        facts.AddRow("voters", votes.HasJudges ? votes.Judges.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "no judge column");
        facts.AddRow("languages", votes.HasLanguages ? votes.Languages.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "no language column");
        facts.AddRow("timestamps", votes.HasTimestamps ? TimeRange(votes) : "no tstamp column");
        facts.AddRow("anonymous flag", votes.HasAnonymous ? "yes" : "no anony column");
        facts.AddRow("style metadata", votes.HasStyle ? "yes (--style-control works)" : "no conv_metadata");
        console.Write(facts);

        var categories = new Table().Border(TableBorder.Rounded).Title("Categories (--category)").AddColumn("Category").AddColumn(new TableColumn("Votes").RightAligned());
        foreach (var category in VoteCategories.Available(votes))
        {
            var used = VoteCleaning.Apply(votes, new VoteFilterOptions { Category = category }).Selected.Length;
            categories.AddRow(Markup.Escape(category), used.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(categories);
    }

    private static string TimeRange(VoteTable votes)
    {
        long min = long.MaxValue, max = long.MinValue;
        foreach (var t in votes.TimestampsMs)
        {
            if (t != VoteTable.MissingTimestamp)
            {
                min = Math.Min(min, t);
                max = Math.Max(max, t);
            }
        }

        return min > max
            ? "column present, no values"
            : $"{DateTimeOffset.FromUnixTimeMilliseconds(min):yyyy-MM-dd} to {DateTimeOffset.FromUnixTimeMilliseconds(max):yyyy-MM-dd}";
    }
}
