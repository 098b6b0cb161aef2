using System.Globalization;
using System.Text;

namespace Modelwatch.Core.News.Summaries;

/// <summary>
/// Splits plain text into sentences for extractive summaries. Latin-script terminators (<c>. ! ?</c>) end a sentence
/// only when whitespace and then a letter, digit, quote or bracket follow, so <c>3.5</c>, <c>arxiv.org</c> and
/// <c>e.g.</c> stay inside their sentence; the CJK full stops and marks (<c>。 ！ ？ ．</c>) end one wherever they
/// are, because Chinese and Japanese put no space after them; the Arabic-script full stop and question mark (<c>۔ ؟</c>,
/// Urdu) and the Devanagari danda (<c>।</c>) likewise. Korean uses Latin punctuation with spaces and is covered by
/// the first rule. Line breaks always end a sentence (feeds put headings and list items on their own lines).
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Words ending in a dot that do not end a sentence (compared lower case, without the dot).</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "e.g", "i.e", "etc", "vs", "cf", "al", "fig", "eq", "no", "dr", "mr", "mrs", "ms", "prof", "inc", "ltd", "co",
        "jr", "sr", "st", "u.s", "u.k", "approx", "ca", "resp", "sec", "vol", "pp",
    };

    /// <summary>The sentences of <paramref name="text"/>, trimmed, in order; empty ones dropped.</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        var sentences = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return sentences;
        }

        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u2029')
            {
                Flush(current, sentences);
                continue;
            }

            current.Append(c);
            if (IsUnconditionalEnd(c))
            {
                // Closing quotes and brackets belong to the sentence they close.
                while (i + 1 < text.Length && IsCloser(text[i + 1]))
                {
                    current.Append(text[++i]);
                }

                Flush(current, sentences);
            }
            else if (c is '.' or '!' or '?' or '\u2026' && EndsLatinSentence(text, i, current))
            {
                while (i + 1 < text.Length && IsCloser(text[i + 1]))
                {
                    current.Append(text[++i]);
                }

                Flush(current, sentences);
            }
        }

        Flush(current, sentences);
        return sentences;
    }

    /// <summary>Terminators of scripts written without a space after the sentence.</summary>
    private static bool IsUnconditionalEnd(char c) => c is '。' or '！' or '？' or '．' or '｡' or '۔' or '؟' or '।' or '॥';

    private static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '”' or '’' or '」' or '』' or '）' or '】' or '»';

    private static bool EndsLatinSentence(string text, int at, StringBuilder current)
    {
        // Runs of terminators ("?!", "...") end at their last character.
        var next = at + 1;
        if (next < text.Length && text[next] is '.' or '!' or '?')
        {
            return false;
        }

        while (next < text.Length && IsCloser(text[next]))
        {
            next++;
        }

        if (next >= text.Length)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[next]))
        {
            return false;
        }

        while (next < text.Length && text[next] is ' ' or '\t' or '\u00A0')
        {
            next++;
        }

        if (next >= text.Length || text[next] is '\n' or '\r')
        {
            return true;
        }

        var following = text[next];
        if (!(char.IsLetterOrDigit(following) || IsOpener(following)))
        {
            return false;
        }

        return text[at] != '.' || !IsAbbreviation(current, following);
    }

    private static bool IsOpener(char c) => c is '"' or '\'' or '(' or '[' or '“' or '‘' or '«' or '「';

    /// <summary>
    /// A dot after a known abbreviation, or after a single letter (an initial: "J. Smith"), does not end the sentence
    /// when a lower-case word follows or the word is an initial; "etc." before a capital still does.
    /// </summary>
    private static bool IsAbbreviation(StringBuilder current, char following)
    {
        var end = current.Length - 1; // the dot
        var start = end;
        while (start > 0 && !char.IsWhiteSpace(current[start - 1]) && current[start - 1] is not '(' and not '"')
        {
            start--;
        }

        var word = current.ToString(start, end - start).ToLowerInvariant();
        if (word.Length == 1 && char.IsLetter(word[0]) && char.IsUpper(current[start]))
        {
            return true;
        }

        return Abbreviations.Contains(word) && (char.IsLower(following) || char.IsDigit(following) || word is "e.g" or "i.e" or "vs" or "cf" or "al" or "fig" or "eq" or "no" or "dr" or "mr" or "mrs" or "ms" or "prof");
    }

    private static void Flush(StringBuilder current, List<string> sentences)
    {
        var sentence = current.ToString().Trim();
        current.Clear();
        if (sentence.Length > 0 && sentence.Any(char.IsLetterOrDigit))
        {
            sentences.Add(sentence.Normalize(NormalizationForm.FormC));
        }
    }

    /// <summary>Whether a character is written without spaces between words (Han, Kana); used by the tokenizer.</summary>
    internal static bool IsUnspacedScript(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category == UnicodeCategory.OtherLetter
            && (c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF');
    }
}
