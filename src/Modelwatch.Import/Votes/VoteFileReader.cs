namespace Modelwatch.Import.Votes;

/// <summary>
/// Reads a vote file — CSV, a JSON array (FastChat <c>clean_battle_*.json</c>), JSON Lines or Parquet, each
/// optionally gzip-compressed — into a <see cref="Core.Votes.VoteTable"/>. Compression and layout are detected from
/// the content, not the name. Text formats are streamed through a buffer of about a mebibyte and Parquet row group
/// by row group, so memory is the table's columns plus one buffer, however big the file.
/// </summary>
public static class VoteFileReader
{
    private const int HeadSize = 1 << 20;

    /// <summary>Reads the file at <paramref name="path"/>; messages name it by its file name.</summary>
    /// <exception cref="VoteFileException">The content is not a readable vote file (the message says where and why).</exception>
    public static VoteReadResult Read(string path, VoteReadOptions? options = null, IProgress<VoteReadProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(file, Path.GetFileName(path), options, progress, ct);
    }

    /// <summary>Reads votes from a stream, which is left open. A seekable stream lets Parquet be read in place; otherwise it is copied to a temporary file first.</summary>
    /// <param name="stream">The content, from its current position; left open.</param>
    /// <param name="sourceName">How messages name the input, e.g. its file name.</param>
    /// <param name="options">Skip-invalid and format override; defaults when null.</param>
    /// <param name="progress">Told about once per mebibyte of stored input.</param>
    /// <param name="ct">Checked between buffers and row groups.</param>
    /// <exception cref="VoteFileException">The content is not a readable vote file (the message says where and why).</exception>
    public static VoteReadResult Read(Stream stream, string sourceName, VoteReadOptions? options = null, IProgress<VoteReadProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= new VoteReadOptions();
        var startPosition = stream.CanSeek ? stream.Position : -1;
        long? totalBytes = stream.CanSeek ? stream.Length - startPosition : null;
        using var stored = new CountingStream(stream);

        var magic = new byte[2];
        var magicLength = stored.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        var gzipped = VoteFormatSniffer.IsGzip(magic.AsSpan(0, magicLength));
        var contentLength = gzipped ? GzipRecordedLength(stream) : totalBytes;
        using var prefixed = new PrefixedStream(magic.AsMemory(0, magicLength), stored);
        using var content = gzipped ? new GzipGuardStream(prefixed, stored, sourceName) : (Stream)prefixed;

        var head = new byte[HeadSize];
        var headLength = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var detected = VoteFormatSniffer.Detect(head.AsSpan(0, headLength));
        if (detected is null && headLength < head.Length)
        {
            var what = headLength == 0 ? "0 bytes" : "only white space";
            throw new VoteFileException(sourceName, $"{sourceName}: the file is empty ({what}{(gzipped ? " after decompression" : string.Empty)}); expected vote rows with model_a, model_b and winner.");
        }

        var format = options.Format ?? detected ?? VoteFileFormat.Csv;
        var context = new ReadContext(sourceName, options, stored, totalBytes, progress, ct);
        if (format is VoteFileFormat.Csv or VoteFileFormat.JsonLines)
        {
            context.Builder.EnsureCapacity(EstimateRows(head.AsSpan(0, headLength), headLength < head.Length, contentLength));
        }

        switch (format)
        {
            case VoteFileFormat.Csv:
                new CsvVoteReader(context, content, head, headLength).Read();
                break;
            case VoteFileFormat.JsonArray:
                new JsonArrayVoteReader(context, content, head, headLength).Read();
                break;
            case VoteFileFormat.JsonLines:
                new JsonLinesVoteReader(context, content, head, headLength).Read();
                break;
            case VoteFileFormat.Parquet:
                ReadParquet(context, stream, startPosition, stored, content, head, headLength, gzipped);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Format, "Unknown vote file format.");
        }

        context.FinalProgress();
        return new VoteReadResult(
            context.Builder.Build(),
            format,
            gzipped,
            context.RowsRead,
            new Dictionary<string, long>(context.SkippedByReason, StringComparer.Ordinal),
            context.Notes.ToArray());
    }

    /// <summary>
    /// Rows of a one-row-per-line file, from the line length seen in the first mebibyte and the content size, a
    /// little high so the table is allocated once instead of doubling (and copying) its columns ~20 times.
    /// </summary>
    private static int EstimateRows(ReadOnlySpan<byte> head, bool complete, long? contentLength)
    {
        var lines = head.Count((byte)'\n');
        if (complete)
        {
            return lines + 1;
        }

        if (contentLength is not { } total || total < head.Length || lines < 16)
        {
            return 0;
        }

        var estimate = (total / ((double)head.Length / lines) * 1.05) + 1024;
        return (int)Math.Min(estimate, 1 << 28);
    }

    /// <summary>
    /// The uncompressed length a single-member gzip file records in its last four bytes (mod 2³²), read without
    /// disturbing the stream; null when the stream cannot seek. Only a size hint: a wrong value costs a resize.
    /// </summary>
    private static long? GzipRecordedLength(Stream stream)
    {
        if (!stream.CanSeek || stream.Length < 18)
        {
            return null;
        }

        var position = stream.Position;
        Span<byte> trailer = stackalloc byte[4];
        stream.Position = stream.Length - 4;
        stream.ReadExactly(trailer);
        stream.Position = position;
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }

    /// <summary>
    /// Parquet needs random access: a plain seekable stream starting at offset 0 is read in place; anything else
    /// (gzip, pipes, an embedded offset) is first copied to a temporary file that is deleted on close.
    /// </summary>
    private static void ReadParquet(ReadContext context, Stream stream, long startPosition, CountingStream stored, Stream content, byte[] head, int headLength, bool gzipped)
    {
        if (!gzipped && startPosition == 0)
        {
            stream.Position = 0;
            Run(new ParquetVoteReader(context, stored));
            return;
        }

        var spoolPath = Path.Combine(Path.GetTempPath(), $"modelwatch-votes-{Guid.NewGuid():N}.parquet");
        using var spool = new FileStream(spoolPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        spool.Write(head, 0, headLength);
        var buffer = new byte[1 << 20];
        int n;
        while ((n = content.Read(buffer)) > 0)
        {
            spool.Write(buffer, 0, n);
            context.Progress();
        }

        spool.Position = 0;
        context.Notes.Add(gzipped ? "The gzip-compressed Parquet file was decompressed to a temporary file to be read." : "The Parquet stream was copied to a temporary file to be read (Parquet needs random access).");
        Run(new ParquetVoteReader(context, spool));
    }

    /// <summary>
    /// Parquet.Net only reads asynchronously; the work runs on the thread pool so that a caller's synchronisation
    /// context (a UI thread) cannot deadlock on it.
    /// </summary>
    private static void Run(ParquetVoteReader reader) => Task.Run(reader.ReadAsync).GetAwaiter().GetResult();
}
