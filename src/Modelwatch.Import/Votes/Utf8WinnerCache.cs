using System.Runtime.CompilerServices;
using System.Text;
using Modelwatch.Core.Votes;

namespace Modelwatch.Import.Votes;

/// <summary>
/// Winner values as UTF-8: each distinct spelling is parsed once by <see cref="WinnerSpelling.TryParse"/> (the one
/// authority on spellings) and remembered, so the millionth <c>model_a</c> is a hash lookup.
/// </summary>
internal sealed class Utf8WinnerCache
{
    private const int LongestSpelling = 64;
    private readonly Utf8Cache<Winner> _known = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryParse(ReadOnlySpan<byte> utf8, out Winner winner)
    {
        // The spellings of nearly every real row, matched byte for byte before any hashing. Each gives exactly
        // what WinnerSpelling.TryParse gives for it (a test checks that).
        switch (utf8.Length)
        {
            case 7 when utf8.StartsWith("model_"u8) && utf8[6] is (byte)'a' or (byte)'b':
                winner = utf8[6] == (byte)'a' ? Winner.ModelA : Winner.ModelB;
                return true;
            case 3 when utf8.SequenceEqual("tie"u8):
                winner = Winner.Tie;
                return true;
            case 8 when utf8.SequenceEqual("both_bad"u8):
                winner = Winner.BothBad;
                return true;
        }

        if (_known.TryGetValue(utf8, out winner))
        {
            return true;
        }

        if (utf8.Length > LongestSpelling)
        {
            return false;
        }

        Span<char> chars = stackalloc char[LongestSpelling];
        var n = Encoding.UTF8.GetChars(utf8, chars);
        if (!WinnerSpelling.TryParse(chars[..n], out winner))
        {
            return false;
        }

        _known.Add(utf8, winner);
        return true;
    }
}
