using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Modelwatch.Import.Votes;

/// <summary>
/// Compares UTF-8 byte keys and lets a dictionary be searched with a span of the input buffer, so a name seen
/// before costs a hash and a compare, no string. The hash takes eight bytes per step (names are 10–40 bytes; this
/// is the CSV hot path, where <see cref="HashCode.AddBytes"/> cost about a fifth of the read) and is seeded per
/// process so crafted names cannot force collisions.
/// </summary>
internal sealed class Utf8KeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;
    private static readonly ulong Seed = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8));

    public static Utf8KeyComparer Instance { get; } = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj) => Hash(obj);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var h = Seed ^ ((ulong)bytes.Length * Multiplier);
        while (bytes.Length >= 8)
        {
            h = BitOperations.RotateLeft((h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Multiplier, 29);
            bytes = bytes[8..];
        }

        if (!bytes.IsEmpty)
        {
            ulong tail = 0;
            foreach (var b in bytes)
            {
                tail = (tail << 8) | b;
            }

            h = BitOperations.RotateLeft((h ^ tail) * Multiplier, 29);
        }

        // Final avalanche (the murmur3 finaliser), so the low bits a dictionary uses depend on every byte.
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        return (int)h;
    }
}
