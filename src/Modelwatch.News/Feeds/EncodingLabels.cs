using System.Text;

namespace Modelwatch.News.Feeds;

/// <summary>
/// Turns an encoding label (HTTP charset, XML prolog) into an <see cref="Encoding"/> that throws on nothing:
/// legacy code pages come from <see cref="CodePagesEncodingProvider"/>, which .NET only consults once registered.
/// </summary>
internal static class EncodingLabels
{
    static EncodingLabels()
    {
        // Registering twice is harmless; without it gb2312, windows-1251, shift_jis … are unknown to .NET.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The encoding a label names, or null when .NET knows no such label (e.g. "invalid").</summary>
    public static Encoding? Find(string label)
    {
        var name = label.Trim().Trim('"', '\'');
        if (name.Length == 0)
        {
            return null;
        }

        // WHATWG treats these Latin-1 labels as windows-1252 (a superset); feeds labelled ISO-8859-1 often use 0x80-0x9F quotes.
        if (name.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase) || name.Equals("latin1", StringComparison.OrdinalIgnoreCase)
            || name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase) || name.Equals("ascii", StringComparison.OrdinalIgnoreCase))
        {
            name = "windows-1252";
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>True for encodings that map every byte to one character (where valid multi-byte UTF-8 betrays a lying label).</summary>
    public static bool IsSingleByte(Encoding encoding) => encoding.IsSingleByte;

    /// <summary>The charset parameter of a Content-Type header value, or null.</summary>
    public static string? CharsetOf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        foreach (var part in contentType.Split(';'))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                var value = pair[1].Trim().Trim('"', '\'');
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }
}
