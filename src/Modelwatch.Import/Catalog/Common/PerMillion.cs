namespace Modelwatch.Import.Catalog.Common;

/// <summary>
/// Prices per token (OpenRouter's strings, LLMStats' numbers) as USD per million tokens. Read as decimals from
/// their text, never through a double, then rounded to 15 significant digits: these sources print doubles, and
/// the digits past the 15th are representation noise (<c>"0.0000006000000000000001"</c> is $0.60 per million;
/// keeping the noise would also make a re-printed, unchanged price look like a new price period).
/// </summary>
internal static class PerMillion
{
    private const int SignificantDigits = 15;

    public static decimal FromPerToken(decimal perToken) => Clean(perToken * 1_000_000m);

    public static decimal Clean(decimal value)
    {
        if (value == 0)
        {
            return 0m;
        }

        var magnitude = (int)Math.Floor(Math.Log10((double)Math.Abs(value)));
        var decimals = Math.Clamp(SignificantDigits - 1 - magnitude, 0, 28);
        var rounded = decimal.Round(value, decimals, MidpointRounding.ToEven);

        // Dividing by 1.000…0 drops trailing zeros (0.600000000000000 → 0.6), so equal prices also print alike.
        return rounded / 1.0000000000000000000000000000m;
    }
}
