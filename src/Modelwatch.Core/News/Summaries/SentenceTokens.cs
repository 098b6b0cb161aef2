using System.Text;

namespace Modelwatch.Core.News.Summaries;

/// <summary>
/// The word set TextRank compares sentences by. Spaced scripts give lower-cased words (English stop words and
/// one-letter words out: they would link every sentence to every other); Han and Kana runs, written without spaces,
/// give overlapping character pairs (the usual stand-in for words without a segmenter), and so do Hangul words, whose
/// particles are written onto the noun ("모델이", "모델을" share "모델").
/// </summary>
public static class SentenceTokens
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from", "has", "have", "in", "into",
        "is", "it", "its", "of", "on", "or", "our", "that", "the", "their", "this", "to", "was", "we", "were", "which",
        "will", "with", "you", "your", "they", "these", "those", "than", "then", "also", "not", "more", "most", "new",
    };

    /// <summary>The distinct tokens of one sentence.</summary>
    public static HashSet<string> Of(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        var kind = Script.None;
        foreach (var c in sentence)
        {
            var next = Classify(c);
            if (next != kind || next == Script.None)
            {
                Emit(word, kind, tokens);
                kind = next;
            }

            if (next != Script.None)
            {
                word.Append(char.ToLowerInvariant(c));
            }
        }

        Emit(word, kind, tokens);
        return tokens;
    }

    private enum Script
    {
        None,
        Spaced,
        Unspaced,
        Hangul,
    }

    private static Script Classify(char c)
    {
        if (c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F')
        {
            return Script.Hangul;
        }

        if (SentenceSplitter.IsUnspacedScript(c))
        {
            return Script.Unspaced;
        }

        return char.IsLetterOrDigit(c) ? Script.Spaced : Script.None;
    }

    private static void Emit(StringBuilder word, Script kind, HashSet<string> tokens)
    {
        if (word.Length == 0)
        {
            return;
        }

        var text = word.ToString();
        word.Clear();
        switch (kind)
        {
            case Script.Spaced when text.Length > 1 && !StopWords.Contains(text):
                tokens.Add(text);
                break;
            case Script.Unspaced or Script.Hangul when text.Length == 1:
                tokens.Add(text);
                break;
            case Script.Unspaced or Script.Hangul:
                for (var i = 0; i + 1 < text.Length; i++)
                {
                    tokens.Add(text.Substring(i, 2));
                }

                break;
        }
    }
}
