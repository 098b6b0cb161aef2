using Modelwatch.Core.Leaderboards;

namespace Modelwatch.Cli.Output;

/// <summary>Exactly <c>rank,model,rating,lower,upper,votes</c>, best first; bounds empty without intervals.</summary>
internal static class CsvLeaderboard
{
    public const string Header = "rank,model,rating,lower,upper,votes";

    public static void Write(TextWriter output, IEnumerable<LeaderboardEntry> entries)
    {
        output.WriteLine(Header);
        foreach (var e in entries)
        {
            output.WriteLine(string.Join(
                ',',
                e.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Field(e.Model),
                LeaderboardWriter.Number(e.Rating, "F6"),
                LeaderboardWriter.Number(e.Lower, "F6"),
                LeaderboardWriter.Number(e.Upper, "F6"),
                e.Votes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>RFC 4180: quote a field holding a comma, quote or line break; double the quotes inside.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
