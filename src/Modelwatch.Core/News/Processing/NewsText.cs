using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Modelwatch.Core.News.Processing;

/// <summary>
/// Text helpers shared by the duplicate and story rules: the normalised title (its hash is the exact-title key), the
/// words of a text, and which words are significant for title overlap.
/// </summary>
public static class NewsText
{
    /// <summary>
    /// English function words and the words news titles are padded with ("new", "announcing", …). They are left out of
    /// title overlap (NewsBlur counts only significant words) and of story similarity.
    /// </summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
        "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only",
        "or", "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
        "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
        "whom", "why", "will", "with", "would", "you", "your", "yours", "via", "vs", "new", "introducing",
        "announcing", "announces", "announced", "today", "now", "using", "use", "how", "get", "make", "one",
    };

    /// <summary>
    /// The title as a comparison key: fullwidth forms folded to ASCII, lower case, every run of characters that are
    /// neither letters nor digits made one space, trimmed. "Introducing GPT-4o!" and "introducing  gpt 4o" are equal.
    /// </summary>
    /// <remarks>
    /// The apps run with invariant globalization (no ICU), where string.Normalize leaves non-ASCII text as it is; the
    /// fullwidth block (U+FF01–U+FF5E, common in CJK headlines) is therefore folded by hand, which is the part of NFKC
    /// that matters for titles.
    /// </remarks>
    public static string NormalizeTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var text = new StringBuilder(title.Length);
        var space = false;
        foreach (var raw in title)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (char.IsLetterOrDigit(c))
            {
                if (space && text.Length > 0)
                {
                    text.Append(' ');
                }

                space = false;
                text.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                // Vowel signs and accents belong to their letter (Urdu, Devanagari, decomposed Latin).
                text.Append(c);
            }
            else
            {
                space = true;
            }
        }

        return text.ToString();
    }

    /// <summary>SHA-256 of the text's UTF-8 bytes, 64 lower-case hex digits (the store's UrlKey and TitleKey).</summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The words of a text, normalised as in <see cref="NormalizeTitle"/>, in order.</summary>
    public static string[] Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : NormalizeTitle(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// True when a (normalised) word counts for title overlap and story similarity: not a stop word, and at least three
    /// characters or holding a digit ("o1", "r1", "4o" count; "ai", "of" do not).
    /// </summary>
    public static bool IsSignificant(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (StopWords.Contains(word))
        {
            return false;
        }

        if (word.Length >= 3)
        {
            return true;
        }

        foreach (var c in word)
        {
            if (char.IsDigit(c))
            {
                return word.Length > 1;
            }
        }

        // One CJK ideograph is a word on its own; Latin one- and two-letter words are not.
        return word.Length >= 1 && word[0] >= '\u2E80';
    }

    /// <summary>The distinct significant words of a title (see <see cref="IsSignificant"/>).</summary>
    public static HashSet<string> SignificantWords(string? title)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(title))
        {
            if (IsSignificant(word))
            {
                set.Add(word);
            }
        }

        return set;
    }
}
