using Modelwatch.Core.News.Processing;

namespace Modelwatch.Core.Tests.News.Processing;

public sealed class MinHashTests
{
    /// <summary>Distinct pseudo-words ("w0k3…"): texts whose shingle overlap is known exactly.</summary>
    private static string[] Vocabulary(int count, int seed)
    {
        var random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < count)
        {
            words.Add(new string([.. Enumerable.Range(0, 7).Select(_ => (char)('a' + random.Next(26)))]));
        }

        return [.. words];
    }

    private static HashSet<string> Shingles(string[] words) =>
        [.. Enumerable.Range(0, words.Length - MinHash.ShingleWords + 1).Select(i => string.Join(' ', words[i..(i + MinHash.ShingleWords)]))];

    private static double TrueJaccard(string[] a, string[] b)
    {
        var x = Shingles(a);
        var y = Shingles(b);
        return x.Intersect(y).Count() / (double)x.Union(y).Count();
    }

    [Fact]
    public void Signature_has_112_values_and_identical_texts_agree_everywhere()
    {
        var text = string.Join(' ', Vocabulary(60, 1));
        var a = MinHash.Of(text)!;
        Assert.Equal(MinHash.Bands * MinHash.Rows, a.Length);
        Assert.Equal(112, a.Length);
        Assert.Equal(1.0, MinHash.Similarity(a, MinHash.Of(text.ToUpperInvariant() + " ")!));
    }

    [Fact]
    public void Too_short_texts_have_no_signature()
    {
        Assert.Null(MinHash.Of(null));
        Assert.Null(MinHash.Of("one two three four five six seven eight nine ten eleven"));
        Assert.NotNull(MinHash.Of(string.Join(' ', Vocabulary(MinHash.ShingleWords + MinHash.MinShingles - 1, 2))));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(40)]
    [InlineData(90)]
    [InlineData(150)]
    public void Estimated_similarity_is_within_three_standard_errors_of_the_true_jaccard(int shift)
    {
        var words = Vocabulary(400, shift);
        var a = words[..200];
        var b = words[shift..(200 + shift)];
        var j = TrueJaccard(a, b);
        var estimate = MinHash.Similarity(MinHash.Of(string.Join(' ', a))!, MinHash.Of(string.Join(' ', b))!);
        var standardError = Math.Sqrt(j * (1 - j) / MinHash.Length);
        Assert.InRange(estimate, j - (3 * standardError) - 0.01, j + (3 * standardError) + 0.01);
    }

    [Fact]
    public void Bands_make_similar_texts_candidates_and_dissimilar_ones_rarely()
    {
        // 1 - (1 - J^8)^14: 0.99 at J = 0.85, under 0.01 at J = 0.4 (Leskovec et al., 3.4.2).
        var similar = 0;
        var dissimilar = 0;
        const int pairs = 100;
        for (var p = 0; p < pairs; p++)
        {
            var words = Vocabulary(400, 1000 + p);
            var a = MinHash.Of(string.Join(' ', words[..200]))!;
            var near = MinHash.Of(string.Join(' ', words[16..216]))!; // J = 180/212 = 0.85
            var far = MinHash.Of(string.Join(' ', words[85..285]))!;  // J = 111/281 = 0.40
            similar += ShareABand(a, near) ? 1 : 0;
            dissimilar += ShareABand(a, far) ? 1 : 0;
        }

        Assert.InRange(similar, 93, pairs);
        Assert.InRange(dissimilar, 0, 5);
    }

    private static bool ShareABand(uint[] a, uint[] b) =>
        Enumerable.Range(0, MinHash.Bands).Any(band => MinHash.BandKey(a, band) == MinHash.BandKey(b, band));

    [Fact]
    public void Bytes_round_trip_and_wrong_lengths_are_refused()
    {
        var signature = MinHash.Of(string.Join(' ', Vocabulary(50, 3)))!;
        var bytes = MinHash.ToBytes(signature);
        Assert.Equal(448, bytes.Length);
        Assert.Equal(signature, MinHash.FromBytes(bytes));
        Assert.Equal(signature[0], BitConverter.ToUInt32(bytes, 0)); // little-endian on this machine's x64/arm64
        var e = Assert.Throws<ArgumentException>(() => MinHash.FromBytes(new byte[100]));
        Assert.Contains("448", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MinHash.Similarity(signature, new uint[3]));
    }
}
