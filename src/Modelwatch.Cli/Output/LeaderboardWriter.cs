using Modelwatch.Core.Leaderboards;

namespace Modelwatch.Cli.Output;

/// <summary>Writes a report in the chosen format to standard output.</summary>
internal static class LeaderboardWriter
{
    public static void Write(TextWriter output, OutputFormat format, RatingReport report, LeaderboardSource source, string reproduce, int? top)
    {
        var entries = top is { } n ? report.Entries.Take(n).ToList() : report.Entries;
        switch (format)
        {
            case OutputFormat.Csv:
                CsvLeaderboard.Write(output, entries);
                break;
            case OutputFormat.Json:
                JsonLeaderboard.Write(output, report, entries, source, reproduce);
                break;
            case OutputFormat.Markdown:
                MarkdownLeaderboard.Write(output, report, entries, reproduce);
                break;
            default:
                TableLeaderboard.Write(output, report, entries, reproduce);
                break;
        }

        output.Flush();
    }

    /// <summary>"1234.5678" with invariant culture; empty for a missing number.</summary>
    public static string Number(double value, string format = "F4") =>
        double.IsFinite(value) ? value.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : string.Empty;

    public static string MethodName(RatingReport report) => report.Request.Method switch
    {
        RatingMethod.Elo => "online Elo",
        RatingMethod.WinRate => "average win rate",
        _ => report.Request.StyleControl ? "Bradley–Terry, style-controlled" : "Bradley–Terry",
    };

    private static string Percent(double fraction) => (fraction * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    public static string IntervalName(RatingReport report) => report.Request.Intervals switch
    {
        Core.Ratings.IntervalMethod.Sandwich => $"sandwich {Percent(report.Request.Confidence)} intervals",
        Core.Ratings.IntervalMethod.Bootstrap => $"bootstrap {Percent(report.Request.Confidence)} intervals ({report.Request.BootstrapRounds} rounds, seed {report.Request.Seed})",
        _ => "no intervals",
    };
}
