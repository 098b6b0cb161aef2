using System.Security.Cryptography;
using Modelwatch.Import.Votes;

namespace Modelwatch.Data.Votes;

/// <summary>SHA-256 of an input's bytes as stored, as 64 lower-case hex digits: a dataset's identity for re-imports.</summary>
internal static class ContentHash
{
    private const int BufferSize = 1 << 20;

    /// <summary>Hashes a seekable stream from its position to the end and puts the position back.</summary>
    public static async Task<string> OfSeekableAsync(Stream stream, Action<long> bytesRead, CancellationToken ct)
    {
        var start = stream.Position;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        long total = 0;
        int n;
        while ((n = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, n);
            total += n;
            bytesRead(total);
        }

        stream.Position = start;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>
/// Passes a forward-only stream through while hashing every byte read, so an input that cannot be read twice is
/// hashed during its one read. <see cref="Finish"/> reads what the consumer left unread before hashing.
/// </summary>
internal sealed class HashingStream(Stream inner) : ReadOnlyStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _hash.AppendData(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _hash.AppendData(buffer.Span[..n]);
        return n;
    }

    /// <summary>Reads the rest of the input (a reader may stop before trailing bytes) and returns the hash of all of it.</summary>
    public string Finish()
    {
        var buffer = new byte[1 << 16];
        while (Read(buffer) > 0)
        {
        }

        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
