using System.Globalization;

namespace Modelwatch.Core.Advisor.Parsing;

/// <summary>
/// How the advisor's fields read and write single values: token counts with <c>k</c>/<c>M</c>/<c>B</c> suffixes
/// (decimal thousands, as prices and context windows are quoted), yes/no, amounts, seconds and weights. Invariant
/// culture throughout; every failure names the field and says what was expected.
/// </summary>
public static class AdvisorValues
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A token count: <c>128000</c>, <c>128k</c>, <c>1.5M</c>, <c>2B</c>, <c>2_000_000</c>.</summary>
    public static long TokenCount(string field, string text)
    {
        var value = text.Trim().Replace("_", "", StringComparison.Ordinal);
        var multiplier = 1m;
        if (value.Length > 0 && char.ToLowerInvariant(value[^1]) is var suffix and ('k' or 'm' or 'b'))
        {
            multiplier = suffix switch { 'k' => 1_000m, 'm' => 1_000_000m, _ => 1_000_000_000m };
            value = value[..^1];
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, Invariant, out var number))
        {
            throw new AdvisorQueryException(field, $"'{text}' is not a token count; expected a whole number, optionally with k, M or B (128k, 1.5M).");
        }

        var tokens = number * multiplier;
        if (tokens != decimal.Truncate(tokens) || tokens > long.MaxValue)
        {
            throw new AdvisorQueryException(field, $"'{text}' is not a whole number of tokens.");
        }

        return (long)tokens;
    }

    /// <summary>A token count as <see cref="TokenCount"/> reads it back, short where exact: <c>128k</c>, <c>5M</c>, <c>1500</c>.</summary>
    public static string Tokens(long tokens) => tokens switch
    {
        0 => "0",
        var t when t % 1_000_000_000 == 0 => (t / 1_000_000_000).ToString(Invariant) + "B",
        var t when t % 1_000_000 == 0 => (t / 1_000_000).ToString(Invariant) + "M",
        var t when t % 1_000 == 0 => (t / 1_000).ToString(Invariant) + "k",
        var t => t.ToString(Invariant),
    };

    /// <summary>Yes or no: <c>true</c>/<c>false</c>, <c>yes</c>/<c>no</c>, <c>on</c>/<c>off</c>, <c>1</c>/<c>0</c> (any case).</summary>
    public static bool YesNo(string field, string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "1" => true,
        "false" or "no" or "off" or "0" => false,
        _ => throw new AdvisorQueryException(field, $"'{text}' is not yes or no; expected true or false."),
    };

    /// <summary>An amount of US dollars, 0 or more: <c>3</c>, <c>0.25</c>, <c>$40</c>.</summary>
    public static decimal Usd(string field, string text)
    {
        var value = text.Trim();
        if (value.StartsWith('$'))
        {
            value = value[1..];
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, Invariant, out var usd))
        {
            throw new AdvisorQueryException(field, $"'{text}' is not an amount; expected US dollars as a number 0 or more (3, 0.25).");
        }

        return usd;
    }

    /// <summary>A duration in seconds, above 0: <c>2</c>, <c>1.5s</c>, <c>800ms</c>.</summary>
    public static double Seconds(string field, string text)
    {
        var value = text.Trim().ToLowerInvariant();
        var perSecond = 1.0;
        if (value.EndsWith("ms", StringComparison.Ordinal))
        {
            (value, perSecond) = (value[..^2], 1000.0);
        }
        else if (value.EndsWith('s'))
        {
            value = value[..^1];
        }

        if (!double.TryParse(value, NumberStyles.Float, Invariant, out var seconds) || !double.IsFinite(seconds) || seconds <= 0)
        {
            throw new AdvisorQueryException(field, $"'{text}' is not a duration; expected seconds above 0 (2, 1.5s, 800ms).");
        }

        // Divided, not multiplied by 0.001: 800 / 1000 is exactly the double nearest 0.8, so the value round-trips.
        return seconds / perSecond;
    }

    /// <summary>A weight: a finite number, 0 or more.</summary>
    public static double Weight(string field, string text)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, Invariant, out var weight) || !double.IsFinite(weight) || weight < 0)
        {
            throw new AdvisorQueryException(field, $"'{text}' is not a weight; expected a number 0 or more (0, 0.5, 2).");
        }

        return weight;
    }

    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static int Whole(string field, string text, int min, int max)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.None, Invariant, out var number) || number < min || number > max)
        {
            throw new AdvisorQueryException(field, $"'{text}' is not a whole number from {min} to {max}.");
        }

        return number;
    }

    /// <summary>A number written back so that the readers above return it unchanged.</summary>
    public static string Number(double value) => value.ToString("R", Invariant);

    /// <summary>An amount written back so that <see cref="Usd"/> returns it unchanged.</summary>
    public static string Number(decimal value) => value.ToString(Invariant);
}
