using System.Buffers.Binary;

namespace Modelwatch.Core.News.Processing;

/// <summary>
/// MinHash signatures of a text's 5-word shingles (Broder 1997, "On the resemblance and containment of documents"),
/// banded for locality-sensitive hashing (Leskovec, Rajaraman &amp; Ullman, Mining of Massive Datasets, ch. 3.4):
/// 112 hashes in 14 bands of 8 rows, so two texts become candidates with probability 1 - (1 - J^8)^14, which crosses
/// one half at Jaccard J ≈ (1/14)^(1/8) ≈ 0.72 (news.md step 4). Candidates are confirmed by the estimated Jaccard
/// (the share of equal hashes) being at least <see cref="Threshold"/>.
/// </summary>
/// <remarks>
/// The hash functions are fixed forever: signatures are stored (NewsItem.MinHash) and compared with later ones, so the
/// seeds below are constants and words are hashed with FNV-1a over UTF-16 code units (string.GetHashCode changes per
/// process). Each of the 112 hashes is a SplitMix64 finaliser of the shingle hash xor its own seed.
/// </remarks>
public static class MinHash
{
    public const int ShingleWords = 5;
    public const int Bands = 14;
    public const int Rows = 8;
    public const int Length = Bands * Rows;

    /// <summary>The estimated Jaccard similarity at or above which two texts are near-duplicates.</summary>
    public const double Threshold = 0.72;

    /// <summary>Texts with fewer shingles than this get no signature: a two-line teaser says too little to compare.</summary>
    public const int MinShingles = 8;

    private static readonly ulong[] Seeds = MakeSeeds();

    /// <summary>The signature of <paramref name="text"/>, or null when it has fewer than <see cref="MinShingles"/> shingles.</summary>
    public static uint[]? Of(string? text)
    {
        var words = NewsText.Words(text);
        var shingles = words.Length - ShingleWords + 1;
        if (shingles < MinShingles)
        {
            return null;
        }

        var wordHashes = new ulong[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            wordHashes[i] = Fnv1a(words[i]);
        }

        var signature = new uint[Length];
        Array.Fill(signature, uint.MaxValue);
        var seen = new HashSet<ulong>();
        for (var start = 0; start < shingles; start++)
        {
            var shingle = 14695981039346656037UL;
            for (var k = 0; k < ShingleWords; k++)
            {
                shingle = (shingle ^ wordHashes[start + k]) * 1099511628211UL;
                shingle = (shingle << 29) | (shingle >> 35);
            }

            if (!seen.Add(shingle))
            {
                continue;
            }

            for (var h = 0; h < Length; h++)
            {
                var value = (uint)(Mix(shingle ^ Seeds[h]) >> 32);
                if (value < signature[h])
                {
                    signature[h] = value;
                }
            }
        }

        return signature;
    }

    /// <summary>The share of positions where the two signatures agree: an unbiased estimate of the Jaccard similarity.</summary>
    public static double Similarity(uint[] a, uint[] b)
    {
        Check(a, nameof(a));
        Check(b, nameof(b));
        var equal = 0;
        for (var i = 0; i < Length; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return equal / (double)Length;
    }

    /// <summary>The LSH bucket key of one band: a hash of its 8 rows, with the band number mixed in.</summary>
    public static ulong BandKey(uint[] signature, int band)
    {
        Check(signature, nameof(signature));
        ArgumentOutOfRangeException.ThrowIfNegative(band);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(band, Bands);
        var key = Mix((ulong)band + 0x51ED27A9UL);
        for (var r = 0; r < Rows; r++)
        {
            key = Mix(key ^ signature[(band * Rows) + r]);
        }

        return key;
    }

    /// <summary>The signature as bytes for storage: 112 little-endian uint32s (448 bytes).</summary>
    public static byte[] ToBytes(uint[] signature)
    {
        Check(signature, nameof(signature));
        var bytes = new byte[Length * sizeof(uint)];
        for (var i = 0; i < Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), signature[i]);
        }

        return bytes;
    }

    /// <summary>The signature stored by <see cref="ToBytes"/>.</summary>
    /// <exception cref="ArgumentException">The bytes are not 448 long.</exception>
    public static uint[] FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length != Length * sizeof(uint))
        {
            throw new ArgumentException($"A MinHash signature is {Length * sizeof(uint)} bytes ({Length} little-endian uint32s); got {bytes.Length}.", nameof(bytes));
        }

        var signature = new uint[Length];
        for (var i = 0; i < Length; i++)
        {
            signature[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)));
        }

        return signature;
    }

    private static void Check(uint[] signature, string name)
    {
        ArgumentNullException.ThrowIfNull(signature, name);
        if (signature.Length != Length)
        {
            throw new ArgumentException($"A MinHash signature has {Length} values; got {signature.Length}.", name);
        }
    }

    private static ulong Fnv1a(string word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    // SplitMix64's finaliser (Steele, Lea & Flood 2014): a bijection that spreads every input bit over the output.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong[] MakeSeeds()
    {
        // SplitMix64 stream from a fixed start: 112 distinct, well-spread seeds that never change.
        var seeds = new ulong[Length];
        var state = 0x4D494E4841534831UL; // "MINHASH1"
        for (var i = 0; i < Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[i] = Mix(state);
        }

        return seeds;
    }
}
