using System.Globalization;
using System.Text.RegularExpressions;

namespace Modelwatch.News.Feeds.Cleaning;

/// <summary>
/// Lenient dates, as feeds write them: RFC 822 with named or numeric zones, a missing or wrong weekday, two-digit
/// years and no seconds; ISO 8601 / RFC 3339; and local forms such as "2020/1/10 14:33:00". A date without a zone
/// is read as UTC (the only assumption that does not depend on where the server runs).
/// </summary>
internal static partial class FeedDates
{
    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0,
        ["UTC"] = 0,
        ["GMT"] = 0,
        ["Z"] = 0,
        ["EST"] = -5,
        ["EDT"] = -4,
        ["CST"] = -6,
        ["CDT"] = -5,
        ["MST"] = -7,
        ["MDT"] = -6,
        ["PST"] = -8,
        ["PDT"] = -7,
        ["CET"] = 1,
        ["CEST"] = 2,
        ["BST"] = 1,
        ["JST"] = 9,
        ["KST"] = 9,
        ["IST"] = 5,
    };

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly string[] LocalFormats =
    [
        "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d", "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "yyyy-M-d", "yyyy-MM-ddTHH:mm:ss",
    ];

    public static DateTimeOffset? Parse(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (ParseRfc822(text) is { } rfc822)
        {
            return rfc822;
        }

        if (DateTimeOffset.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            return local;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso))
        {
            return iso;
        }

        return null;
    }

    private static DateTimeOffset? ParseRfc822(string text)
    {
        var m = Rfc822Pattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var month = Array.IndexOf(Months, m.Groups["mon"].Value[..3].ToLowerInvariant()) + 1;
        if (month == 0)
        {
            return null;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["y"].Value.Length == 2)
        {
            year += year < 50 ? 2000 : 1900;
        }

        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (Offset(m.Groups["z"].Value) is not { } offset || day is < 1 or > 31 || hour > 23 || minute > 59 || second > 60)
        {
            return null;
        }

        try
        {
            return new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static TimeSpan? Offset(string zone)
    {
        zone = zone.Trim();
        if (zone.Length == 0)
        {
            return TimeSpan.Zero;
        }

        if (ZoneHours.TryGetValue(zone, out var hours))
        {
            return TimeSpan.FromHours(hours);
        }

        var numeric = NumericZonePattern().Match(zone);
        if (numeric.Success)
        {
            var sign = numeric.Groups["sign"].Value == "-" ? -1 : 1;
            var h = int.Parse(numeric.Groups["h"].Value, CultureInfo.InvariantCulture);
            var mi = int.Parse(numeric.Groups["m"].Value, CultureInfo.InvariantCulture);
            return h > 14 || mi > 59 ? null : TimeSpan.FromMinutes(sign * ((h * 60) + mi));
        }

        // RFC 822 military zones are unreliable in the wild (RFC 1123 says to treat them as +0000).
        return zone.Length == 1 && char.IsAsciiLetter(zone[0]) ? TimeSpan.Zero : null;
    }

    [GeneratedRegex("""^(?:[A-Za-z]+\.?,?\s*)?(?<d>\d{1,2})[\s-]+(?<mon>[A-Za-z]{3,9})\.?[\s-]+(?<y>\d{4}|\d{2})\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?\s*(?<z>.*)$""", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Pattern();

    [GeneratedRegex("""^(?:GMT|UTC)?(?<sign>[+-])(?<h>\d{1,2}):?(?<m>\d{2})$""", RegexOptions.CultureInvariant)]
    private static partial Regex NumericZonePattern();
}
