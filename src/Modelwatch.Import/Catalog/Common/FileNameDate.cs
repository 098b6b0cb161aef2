using System.Globalization;
using System.Text.RegularExpressions;

namespace Modelwatch.Import.Catalog.Common;

/// <summary>
/// A date written in a file name: <c>2026-08-01</c> (<c>models.2026-08-01.json</c>) or <c>_20240731</c>
/// (<c>leaderboard_20240731.csv</c>). Saved snapshots of live sources carry their date only there.
/// </summary>
internal static partial class FileNameDate
{
    public static DateOnly? Find(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var match in Dashed().Matches(name).Concat(Compact().Matches(name)))
        {
            if (DateOnly.TryParseExact(match.Groups["d"].Value, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![0-9])(?<d>[0-9]{4}-[0-9]{2}-[0-9]{2})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Dashed();

    [GeneratedRegex(@"_(?<d>[0-9]{8})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Compact();
}
