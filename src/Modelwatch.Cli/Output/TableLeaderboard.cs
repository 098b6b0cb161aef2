using Modelwatch.Core.Leaderboards;
using Spectre.Console;

namespace Modelwatch.Cli.Output;

/// <summary>The terminal table: rank, model, rating, interval, votes, win rate; style coefficients below (warnings go to stderr).</summary>
internal static class TableLeaderboard
{
    public static void Write(TextWriter output, RatingReport report, IEnumerable<LeaderboardEntry> entries, string reproduce)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });

        // Piped or captured output has no terminal width; 80 columns would wrap long model names mid-word.
        console.Profile.Width = Math.Max(console.Profile.Width, 160);
        var hasIntervals = report.Request.Intervals != Core.Ratings.IntervalMethod.None;
        var table = new Table()
            .Border(TableBorder.Rounded)
            .Title($"{LeaderboardWriter.MethodName(report)} · {LeaderboardWriter.IntervalName(report)} · category {report.Request.Filter.Category}")
            .AddColumn(new TableColumn("Rank").RightAligned())
            .AddColumn("Model")
            .AddColumn(new TableColumn("Rating").RightAligned());
        if (hasIntervals)
        {
            table.AddColumn(new TableColumn("95% CI").RightAligned());
        }

        table.AddColumn(new TableColumn("Votes").RightAligned()).AddColumn(new TableColumn("Win rate").RightAligned());
        foreach (var e in entries)
        {
            var cells = new List<string> { e.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(e.Model), LeaderboardWriter.Number(e.Rating, "F1") };
            if (hasIntervals)
            {
                cells.Add($"+{LeaderboardWriter.Number(e.Upper - e.Rating, "F1")}/-{LeaderboardWriter.Number(e.Rating - e.Lower, "F1")}");
            }

            cells.Add(e.Votes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            cells.Add(LeaderboardWriter.Number(e.WinRate * 100, "F1") + "%");
            table.AddRow(cells.ToArray());
        }

        table.Caption($"{report.VotesUsed:N0} of {report.VotesRead:N0} votes, {report.UniqueRows:N0} unique rows");
        console.Write(table);
        if (report.StyleCoefficients.Count > 0)
        {
            var style = new Table().Border(TableBorder.Rounded).Title("Style coefficients (per standard deviation of the feature)")
                .AddColumn("Feature").AddColumn(new TableColumn("Coefficient").RightAligned()).AddColumn(new TableColumn("95% CI").RightAligned());
            foreach (var c in report.StyleCoefficients)
            {
                style.AddRow(Markup.Escape(c.Feature), LeaderboardWriter.Number(c.Value), $"[[{LeaderboardWriter.Number(c.Lower)}, {LeaderboardWriter.Number(c.Upper)}]]");
            }

            console.Write(style);
        }

        console.MarkupLineInterpolated($"[grey]reproduce: {reproduce}[/]");
    }
}
