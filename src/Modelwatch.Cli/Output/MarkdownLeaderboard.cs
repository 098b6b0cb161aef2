using Modelwatch.Core.Leaderboards;

namespace Modelwatch.Cli.Output;

/// <summary>A Markdown table ready to paste into a README or an issue, with how it was computed below it.</summary>
internal static class MarkdownLeaderboard
{
    public static void Write(TextWriter output, RatingReport report, IEnumerable<LeaderboardEntry> entries, string reproduce)
    {
        var hasIntervals = report.Request.Intervals != Core.Ratings.IntervalMethod.None;
        output.WriteLine(hasIntervals ? "| Rank | Model | Rating | 95% CI | Votes |" : "| Rank | Model | Rating | Votes |");
        output.WriteLine(hasIntervals ? "|---:|---|---:|---:|---:|" : "|---:|---|---:|---:|");
        foreach (var e in entries)
        {
            var model = e.Model.Replace("|", "\\|", StringComparison.Ordinal);
            var ci = hasIntervals ? $" +{LeaderboardWriter.Number(e.Upper - e.Rating, "F1")}/-{LeaderboardWriter.Number(e.Rating - e.Lower, "F1")} |" : string.Empty;
            output.WriteLine($"| {e.Rank} | {model} | {LeaderboardWriter.Number(e.Rating, "F1")} |{ci} {e.Votes:N0} |");
        }

        output.WriteLine();
        output.WriteLine($"{LeaderboardWriter.MethodName(report)}, {LeaderboardWriter.IntervalName(report)}; {report.VotesUsed:N0} of {report.VotesRead:N0} votes. Reproduce: `{reproduce}`");
        if (report.StyleCoefficients.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("| Style feature | Coefficient | 95% CI |");
            output.WriteLine("|---|---:|---:|");
            foreach (var c in report.StyleCoefficients)
            {
                output.WriteLine($"| {c.Feature} | {LeaderboardWriter.Number(c.Value)} | [{LeaderboardWriter.Number(c.Lower)}, {LeaderboardWriter.Number(c.Upper)}] |");
            }
        }
    }
}
