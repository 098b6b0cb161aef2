namespace Modelwatch.Core.Ratings;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna, 2018): a small, fast generator whose output depends only on its seed, so a
/// bootstrap round draws the same numbers whatever thread runs it, and a generated benchmark file is the same for a
/// seed on every .NET version (unlike <see cref="Random"/>). Streams are keyed by (seed, stream) through
/// SplitMix64, as the authors recommend for seeding.
/// </summary>
internal sealed class Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro256StarStar(long seed, long stream)
    {
        var state = unchecked(((ulong)seed * 0x9E3779B97F4A7C15UL) ^ SplitMix(0xD1B54A32D192ED03UL + (ulong)stream));
        _s0 = Next(ref state);
        _s1 = Next(ref state);
        _s2 = Next(ref state);
        _s3 = Next(ref state);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            _s0 = 1; // the all-zero state is the one fixed point
        }

        static ulong Next(ref ulong x)
        {
            x = unchecked(x + 0x9E3779B97F4A7C15UL);
            return SplitMix(x);
        }
    }

    public ulong NextUInt64()
    {
        var result = unchecked(RotateLeft(_s1 * 5, 7) * 9);
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in <c>[0, bound)</c> without modulo bias (Lemire's multiply-and-reject, 2019).</summary>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var n = (ulong)bound;
        var product = Math.BigMul(NextUInt64(), n, out var low);
        if (low < n)
        {
            var threshold = (0 - n) % n;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), n, out low);
            }
        }

        return (int)product;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
