using System.Globalization;

namespace Modelwatch.Web.Features.Shared;

/// <summary>
/// Numbers formatted for people: "1,234 votes", "$3.00 / 1M tokens", "128K". English and Korean both group
/// thousands with "," and write decimals with ".", so one invariant format serves every language shipped; dates are
/// ISO (2025-06-01), which both read.
/// </summary>
public static class Display
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"1,234".</summary>
    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>A rating rounded to a whole point: "1,287".</summary>
    public static string Rating(double value) => Math.Round(value).ToString("N0", Invariant);

    /// <summary>A rating difference with its sign: "+12", "−7", "0".</summary>
    public static string SignedRating(double difference) => Math.Round(difference) switch
    {
        > 0 and var d => "+" + d.ToString("N0", Invariant),
        < 0 and var d => "\u2212" + (-d).ToString("N0", Invariant),
        _ => "0",
    };

    /// <summary>The 95% interval as distances from the rating: "+5 / −4".</summary>
    public static string Interval(double rating, double lower, double upper) =>
        string.Create(Invariant, $"+{Math.Round(upper - rating):0} / \u2212{Math.Round(rating - lower):0}");

    /// <summary>A win fraction or probability as a percentage: "61.3%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", Invariant) + "%";

    /// <summary>A price per million tokens: "$3.00"; prices under a cent keep their digits ("$0.075"); "—" when unknown.</summary>
    public static string Price(decimal? perMillion) => perMillion switch
    {
        null => "\u2014",
        0m => "$0",
        var p when p.Value < 0.01m => "$" + p.Value.ToString("0.######", Invariant),
        var p when decimal.Round(p.Value, 2) == p.Value => "$" + p.Value.ToString("N2", Invariant),
        var p => "$" + p.Value.ToString("#,0.00####", Invariant),
    };

    /// <summary>"$3.00 / 1M tokens".</summary>
    public static string PricePerMillion(decimal? perMillion) => perMillion is null ? "\u2014" : Price(perMillion) + " / 1M tokens";

    /// <summary>A token count as people write it: "128K" (128,000, or 131,072 = 128 × 1,024), "200K", "1M", "1.05M"; exact below 1,000.</summary>
    public static string Tokens(long? tokens) => tokens switch
    {
        null => "\u2014",
        >= 1_000_000 and var t => (t / 1e6).ToString("0.##", Invariant) + "M",
        >= 1_000 and var t when t % 1_000 == 0 => (t / 1_000).ToString("N0", Invariant) + "K",
        >= 1_000 and var t when t % 1_024 == 0 => (t / 1_024).ToString("N0", Invariant) + "K",
        >= 1_000 and var t => (t / 1e3).ToString("#,0.#", Invariant) + "K",
        var t => t.Value.ToString("N0", Invariant),
    };

    /// <summary>A parameter count: "70B", "1.5B", "671B"; "—" when unknown.</summary>
    public static string Parameters(long? count) => count switch
    {
        null => "\u2014",
        >= 1_000_000_000_000 and var c => (c / 1e12).ToString("0.##", Invariant) + "T",
        >= 1_000_000_000 and var c => (c / 1e9).ToString("0.#", Invariant) + "B",
        >= 1_000_000 and var c => (c / 1e6).ToString("0.#", Invariant) + "M",
        var c => c.Value.ToString("N0", Invariant),
    };

    /// <summary>"2025-06-01"; "—" when unknown.</summary>
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", Invariant) ?? "\u2014";

    /// <summary>"2025-06-01 14:03 UTC".</summary>
    public static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", Invariant) + " UTC";

    /// <summary>A benchmark score as sources publish it: up to two decimals ("88.7", "0.52"); "—" when unknown.</summary>
    public static string Score(double? score) => score?.ToString("0.##", Invariant) ?? "\u2014";
}
