using System.Text;
using System.Text.RegularExpressions;
using Modelwatch.Core.News;
using UtfUnknown;

namespace Modelwatch.News.Feeds;

/// <summary>
/// Decodes a feed's bytes before any parsing, in the order browsers and robust readers use: a byte-order mark, then
/// the HTTP charset, then the XML prolog (JSON is UTF-8 by RFC 8259), then sniffing, then UTF-8 with replacement.
/// A declared single-byte encoding is not believed when the bytes are valid multi-byte UTF-8 (a prolog that lies
/// turns "€" into "â‚¬"), and C1 controls left in the text are read as the windows-1252 characters that were meant.
/// </summary>
public static partial class FeedDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DecodedFeedText Decode(byte[] bytes, string? httpCharset)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var problems = new List<FeedProblem>();
        var (encoding, skip) = ChooseEncoding(bytes, httpCharset, problems);
        var text = encoding.GetString(bytes, skip, bytes.Length - skip);
        text = Demoronize(text, problems);
        return new DecodedFeedText(text, encoding.WebName, problems);
    }

    private static (Encoding Encoding, int Skip) ChooseEncoding(byte[] bytes, string? httpCharset, List<FeedProblem> problems)
    {
        if (FromByteOrderMark(bytes) is { } bom)
        {
            return bom;
        }

        if (httpCharset is not null)
        {
            if (EncodingLabels.Find(httpCharset) is { } declared)
            {
                return (Believe(declared, bytes, "the HTTP charset", problems), 0);
            }

            problems.Add(new FeedProblem("HTTP Content-Type", $"charset \"{httpCharset}\" is not an encoding .NET knows; ignored."));
        }

        if (LooksLikeJson(bytes))
        {
            return (Utf8OrSniffed(bytes, "JSON without a byte-order mark", problems), 0);
        }

        if (PrologEncoding(bytes) is { } label)
        {
            if (EncodingLabels.Find(label) is { } declared)
            {
                return (Believe(declared, bytes, "the XML declaration", problems), 0);
            }

            problems.Add(new FeedProblem("line 1 (XML declaration)", $"encoding \"{label}\" is not an encoding .NET knows; the bytes were sniffed instead."));
        }

        return (Utf8OrSniffed(bytes, "a document without a declared encoding", problems), 0);
    }

    private static (Encoding, int)? FromByteOrderMark(byte[] b)
    {
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        {
            return (new UTF8Encoding(false), 3);
        }

        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
        {
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4);
        }

        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2);
        }

        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2);
        }

        return null;
    }

    /// <summary>A declared legacy single-byte encoding loses to UTF-8 when the bytes hold valid multi-byte UTF-8 sequences.</summary>
    private static Encoding Believe(Encoding declared, byte[] bytes, string where, List<FeedProblem> problems)
    {
        if (declared.IsSingleByte && HasNonAscii(bytes) && IsValidUtf8(bytes))
        {
            problems.Add(new FeedProblem(where, $"declares {declared.WebName} but the bytes are valid UTF-8 with multi-byte characters; read as UTF-8."));
            return new UTF8Encoding(false);
        }

        return declared;
    }

    private static Encoding Utf8OrSniffed(byte[] bytes, string what, List<FeedProblem> problems)
    {
        if (IsValidUtf8(bytes))
        {
            return new UTF8Encoding(false);
        }

        var detected = CharsetDetector.DetectFromBytes(bytes).Detected;
        if (detected?.Encoding is { } sniffed && sniffed.WebName != "utf-8")
        {
            problems.Add(new FeedProblem("bytes", $"{what} is not valid UTF-8; sniffed as {sniffed.WebName} (confidence {detected.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)})."));
            return sniffed;
        }

        problems.Add(new FeedProblem("bytes", $"{what} is not valid UTF-8 and no encoding could be sniffed; invalid bytes replaced by U+FFFD."));
        return new UTF8Encoding(false);
    }

    private static bool LooksLikeJson(byte[] bytes)
    {
        foreach (var b in bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b is (byte)'{' or (byte)'[';
        }

        return false;
    }

    /// <summary>The encoding pseudo-attribute of an XML declaration at the start of the document (ASCII-compatible bytes).</summary>
    private static string? PrologEncoding(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        var match = PrologPattern().Match(head);
        return match.Success ? match.Groups["enc"].Value : null;
    }

    private static bool HasNonAscii(byte[] bytes) => bytes.AsSpan().IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    private static bool IsValidUtf8(byte[] bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// C1 controls (U+0080–U+009F) never belong in a feed's text; when present they are windows-1252 punctuation
    /// (0x92 = ’) written through a Latin-1 decoder. Mapped back the way feedparser's "demoronize" does.
    /// </summary>
    private static string Demoronize(string text, List<FeedProblem> problems)
    {
        var first = text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F');
        if (first < 0)
        {
            return text;
        }

        var windows1252 = EncodingLabels.Find("windows-1252")!;
        var builder = new StringBuilder(text.Length);
        var count = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0080' and <= '\u009F')
            {
                var mapped = windows1252.GetString([(byte)c]);
                builder.Append(mapped);
                count++;
            }
            else
            {
                builder.Append(c);
            }
        }

        problems.Add(new FeedProblem($"character {first}", $"{count} C1 control character(s) read as the windows-1252 punctuation they stand for (e.g. U+0092 as ’)."));
        return builder.ToString();
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*?encoding\s*=\s*["'](?<enc>[^"']*)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex PrologPattern();
}
