namespace Modelwatch.Core.Catalog.Identity;

/// <summary>What a word of a normalised model name is: a size, an expert count, a version, a qualifier, or a plain word.</summary>
internal enum TokenClass
{
    /// <summary>Parameters or context: <c>8b</c>, <c>1.7b</c>, <c>a22b</c> (active), <c>e4b</c> (effective), <c>8x7b</c>, <c>128k</c>.</summary>
    Size,

    /// <summary>Experts in a mixture: <c>128e</c>, <c>16e</c>.</summary>
    Experts,

    /// <summary>Anything else with a digit: <c>3.5</c>, <c>v3.1</c>, <c>4o</c>, <c>k2</c>, <c>r1</c>, <c>3n</c>.</summary>
    Version,

    /// <summary>A word that tells models of one family apart (<c>mini</c>, <c>flash</c>, <c>lite</c>, <c>instruct</c>).</summary>
    Qualifier,

    /// <summary>Family and product words (<c>gpt</c>, <c>claude</c>, <c>llama</c>, <c>nemotron</c>).</summary>
    Word,
}

/// <summary>Classifies the words of a normalised name.</summary>
internal static class NameTokens
{
    public static TokenClass Classify(string token)
    {
        if (IsSize(token))
        {
            return TokenClass.Size;
        }

        if (IsExpertCount(token))
        {
            return TokenClass.Experts;
        }

        if (token.Any(char.IsAsciiDigit))
        {
            return TokenClass.Version;
        }

        return NameVocabulary.IsQualifier(token) ? TokenClass.Qualifier : TokenClass.Word;
    }

    /// <summary><c>8b</c>, <c>1.7b</c>, <c>135m</c>, <c>128k</c>, <c>1t</c>, <c>a22b</c>, <c>e4b</c>, <c>8x7b</c>.</summary>
    public static bool IsSize(string token)
    {
        if (token.Length < 2)
        {
            return false;
        }

        var body = token.AsSpan();
        if (body[0] is 'a' or 'e' && body.Length > 2 && char.IsAsciiDigit(body[1]) && body[^1] == 'b')
        {
            body = body[1..];
        }

        if (body[^1] is not ('b' or 'm' or 'k' or 't'))
        {
            return false;
        }

        var number = body[..^1];
        var x = number.IndexOf('x');
        if (x > 0)
        {
            return IsDecimal(number[..x]) && IsDecimal(number[(x + 1)..]);
        }

        return IsDecimal(number);
    }

    /// <summary>
    /// What a size token measures: <c>a</c>ctive (<c>a22b</c>), <c>e</c>ffective (<c>e4b</c>), a mixture
    /// (<c>8x7b</c>), <c>k</c> context tokens (<c>128k</c>), or total parameters (<c>70b</c>, <c>135m</c>, <c>1t</c>).
    /// </summary>
    public static char SizeKind(string size) => size[0] is 'a' or 'e' ? size[0] : size.Contains('x', StringComparison.Ordinal) ? 'x' : size[^1] == 'k' ? 'k' : 'p';

    /// <summary><c>128e</c>, <c>16e</c>.</summary>
    public static bool IsExpertCount(string token) =>
        token.Length >= 2 && token[^1] == 'e' && token.AsSpan(0, token.Length - 1).AllDigits();

    /// <summary>A bare version: <c>3</c>, <c>3.5</c>, <c>v3</c>, <c>k2</c>, <c>m2.5</c> — what a following <c>-5</c> may continue.</summary>
    public static bool IsPlainVersion(string token)
    {
        var body = token.AsSpan();
        if (body.Length > 1 && char.IsAsciiLetter(body[0]))
        {
            body = body[1..];
        }

        return IsDecimal(body);
    }

    private static bool IsDecimal(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && c != '.')
            {
                return false;
            }
        }

        return !s.Contains("..", StringComparison.Ordinal);
    }
}

/// <summary>Digit checks on names.</summary>
internal static class DigitText
{
    /// <summary>Non-empty and only ASCII digits.</summary>
    public static bool AllDigits(this ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');

    /// <summary>Non-empty and only ASCII digits.</summary>
    public static bool AllDigits(this string? s) => s is not null && s.AsSpan().AllDigits();
}
