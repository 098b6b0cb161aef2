using System.Globalization;
using System.Text;

namespace Modelwatch.Import.Votes;

/// <summary>
/// Parsing of the optional vote fields from text, culture-invariant, and the wording of values in messages.
/// Booleans are what pandas, FastChat and hand-made files write: 0/1 (also 0.0/1.0), true/false; empty is "no value".
/// </summary>
internal static class FieldValues
{
    private const int MaxShownLength = 60;

    /// <summary>Parses a yes/no value; empty gives null. False when the text is no boolean.</summary>
    public static bool TryParseFlag(ReadOnlySpan<char> text, out bool? value)
    {
        text = text.Trim();
        value = null;
        if (text.IsEmpty)
        {
            return true;
        }

        if (text is "1" or "1.0" || text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        if (text is "0" or "0.0" || text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }

        return false;
    }

    /// <summary>The UTF-8 twin of <see cref="TryParseFlag(ReadOnlySpan{char}, out bool?)"/>, with a fast path for a lone 0 or 1.</summary>
    public static bool TryParseFlag(ReadOnlySpan<byte> utf8, out bool? value)
    {
        if (utf8.Length == 1)
        {
            switch (utf8[0])
            {
                case (byte)'1':
                    value = true;
                    return true;
                case (byte)'0':
                    value = false;
                    return true;
            }
        }

        Span<char> chars = stackalloc char[16];
        if (utf8.Length > chars.Length)
        {
            value = null;
            return utf8.Trim(" \t\r"u8).IsEmpty;
        }

        var n = Encoding.UTF8.GetChars(utf8, chars);
        return TryParseFlag(chars[..n], out value);
    }

    /// <summary>Parses a whole number; accepts an integral decimal such as <c>3.0</c> (pandas writes ints that way beside gaps).</summary>
    public static bool TryParseInt(ReadOnlySpan<char> text, out int value)
    {
        text = text.Trim();
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)d;
            return true;
        }

        return false;
    }

    /// <summary>Seconds since the Unix epoch (possibly fractional) to milliseconds.</summary>
    public static bool TryParseSeconds(ReadOnlySpan<char> text, out long milliseconds)
    {
        milliseconds = 0;
        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && TrySecondsToMilliseconds(seconds, out milliseconds);
    }

    public static bool TrySecondsToMilliseconds(double seconds, out long milliseconds)
    {
        // ±1e11 s is ±3,000 years: anything beyond is not a timestamp in seconds.
        if (!double.IsFinite(seconds) || Math.Abs(seconds) > 1e11)
        {
            milliseconds = 0;
            return false;
        }

        milliseconds = (long)Math.Round(seconds * 1000.0, MidpointRounding.AwayFromZero);
        return true;
    }

    /// <summary>A <c>timestamp</c> value: ISO 8601 (UTC unless it carries an offset) or seconds since the epoch.</summary>
    public static bool TryParseTimestamp(ReadOnlySpan<char> text, out long milliseconds)
    {
        text = text.Trim();
        if (TryParseSeconds(text, out milliseconds))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            milliseconds = instant.ToUnixTimeMilliseconds();
            return true;
        }

        return false;
    }

    /// <summary>A value as a message shows it: quoted, shortened, control characters escaped; "empty" for nothing.</summary>
    public static string Describe(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return "empty";
        }

        var shown = text.Length > MaxShownLength ? text[..MaxShownLength] : text;
        var builder = new StringBuilder(shown.Length + 8);
        builder.Append('\'');
        foreach (var c in shown)
        {
            if (char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append(text.Length > MaxShownLength ? "…'" : "'");
        return builder.ToString();
    }

    public static string Describe(ReadOnlySpan<byte> utf8) => Describe(Encoding.UTF8.GetString(utf8).AsSpan());
}
