using System.Buffers.Binary;
using System.IO.Compression;
using static System.FormattableString;

namespace Modelwatch.Import.Votes;

/// <summary>
/// Decompresses gzip and makes sure a cut-off file fails instead of ending early. .NET's <see cref="GZipStream"/>
/// returns a clean end of stream for truncated input unless the <c>System.IO.Compression.UseStrictValidation</c>
/// switch is on; a vote file that silently loses its last third would give wrong ratings, so this type turns the
/// switch on (unless the application set it either way) and, if the runtime had already read it, checks the
/// gzip trailer itself: the uncompressed length mod 2³² stored in the last four bytes must match what came out.
/// Damaged compressed data becomes a <see cref="VoteFileException"/> naming the file.
/// </summary>
internal sealed class GzipGuardStream : ReadOnlyStream
{
    private const string StrictValidationSwitch = "System.IO.Compression.UseStrictValidation";

    private readonly GZipStream _gzip;
    private readonly CountingStream _compressed;
    private readonly string _sourceName;
    private long _decompressed;

    static GzipGuardStream()
    {
        if (!AppContext.TryGetSwitch(StrictValidationSwitch, out _))
        {
            AppContext.SetSwitch(StrictValidationSwitch, true);
        }

        RuntimeDetectsTruncation = ProbeTruncationDetection();
    }

    /// <param name="compressed">The stored bytes; they must pass through <paramref name="compressed"/> so its tail is the gzip trailer.</param>
    /// <param name="input">What the decompressor reads: <paramref name="compressed"/> itself or a stream that ends with it.</param>
    /// <param name="sourceName">The file name for messages.</param>
    public GzipGuardStream(Stream input, CountingStream compressed, string sourceName)
    {
        _gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        _compressed = compressed;
        _sourceName = sourceName;
    }

    /// <summary>Whether this runtime throws on truncated deflate data (the switch took effect).</summary>
    public static bool RuntimeDetectsTruncation { get; }

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = _gzip.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw Damaged(e);
        }

        return Counted(n, buffer.IsEmpty);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n;
        try
        {
            n = await _gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw Damaged(e);
        }

        return Counted(n, buffer.IsEmpty);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool ProbeTruncationDetection()
    {
        var whole = new MemoryStream();
        using (var writer = new GZipStream(whole, CompressionLevel.Fastest, leaveOpen: true))
        {
            writer.Write("a few bytes to compress, then cut off the trailer"u8);
        }

        var cut = whole.GetBuffer().AsSpan(0, (int)whole.Length - 4).ToArray();
        try
        {
            using var reader = new GZipStream(new MemoryStream(cut), CompressionMode.Decompress);
            reader.CopyTo(Null);
            return false;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }

    private int Counted(int n, bool askedForNothing)
    {
        _decompressed += n;
        if (n == 0 && !askedForNothing && !RuntimeDetectsTruncation)
        {
            CheckTrailer();
        }

        return n;
    }

    /// <summary>
    /// Whether the last eight stored bytes are a gzip trailer for <paramref name="decompressed"/> bytes: ISIZE, the
    /// uncompressed length mod 2³², in the last four. Truncated data ends in compressed bytes that match by chance
    /// once in 2³².
    /// </summary>
    internal static bool TrailerMatches(ReadOnlySpan<byte> tail, long decompressed, out uint? recorded)
    {
        recorded = tail.Length == 8 ? BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]) : null;
        return recorded == (uint)decompressed;
    }

    private void CheckTrailer()
    {
        if (!TrailerMatches(_compressed.Tail, _decompressed, out var expected))
        {
            throw new VoteFileException(
                _sourceName,
                Invariant($"{_sourceName}: gzip data is truncated: it stops after {_compressed.BytesRead:N0} compressed bytes without a matching trailer ") +
                Invariant($"({_decompressed:N0} bytes came out, the last bytes record {(expected is { } e ? Invariant($"{e:N0}") : "nothing")}); the file was probably cut off while copying. ") +
                "(Multi-member gzip files can only be checked with the System.IO.Compression.UseStrictValidation switch on.)");
        }
    }

    private VoteFileException Damaged(InvalidDataException e)
    {
        var truncated = e.Message.Contains("truncated", StringComparison.OrdinalIgnoreCase);
        var what = truncated
            ? "gzip data is truncated: the compressed stream ends before its end marker and trailer; the file was probably cut off while copying"
            : $"gzip data is damaged ({e.Message})";
        return new VoteFileException(_sourceName, Invariant($"{_sourceName}: {what} (after {_compressed.BytesRead:N0} compressed bytes, {_decompressed:N0} bytes decompressed)."), innerException: e);
    }
}
