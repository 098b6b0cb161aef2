using System.IO.Compression;
using Modelwatch.Import.Votes;
using Modelwatch.Testing;

namespace Modelwatch.Import.Tests.Votes;

/// <summary>
/// The 140k votes written in every layout (JSON array with FastChat's nested tags, flat JSON Lines, flat and nested
/// Parquet, each also gzip-compressed) come back as the same votes. Files are named <c>votes.data</c> so nothing
/// can be guessed from the extension.
/// </summary>
public class CrossFormatTests
{
    public static TheoryData<string, bool> Layouts => new()
    {
        { "csv", false },
        { "csv", true },
        { "json-array-nested", false },
        { "json-array-nested", true },
        { "json-lines-flat", false },
        { "json-lines-flat", true },
        { "parquet-flat", false },
        { "parquet-flat", true },
        { "parquet-nested", false },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task The_same_votes_come_back_from_every_layout(string layout, bool gzip)
    {
        var records = ArenaRecords.Load();
        using var temp = new TempDirectory();
        var path = temp.File("votes.data");
        await using (var file = File.Create(path))
        {
            await using var output = gzip ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file;
            await Write(layout, records, output);
        }

        var result = Votes.Read(path);

        Assert.Equal(ExpectedFormat(layout), result.Format);
        Assert.Equal(gzip, result.Gzipped);
        Assert.Equal(0, result.RowsSkipped);
        ArenaAssert.SameVotes(records, result.Votes);
    }

    [Fact]
    public async Task Parquet_from_a_stream_that_cannot_seek_is_read_through_a_temporary_copy()
    {
        var records = ArenaRecords.Load();
        var bytes = new MemoryStream();
        await ArenaWriters.ParquetFlat(records, bytes);

        using var pipe = new ForwardOnlyStream(bytes.ToArray());
        var result = VoteFileReader.Read(pipe, "piped.parquet", ct: TestContext.Current.CancellationToken);

        Assert.Equal(VoteFileFormat.Parquet, result.Format);
        Assert.Contains(result.Notes, n => n.Contains("temporary file", StringComparison.Ordinal));
        ArenaAssert.SameVotes(records, result.Votes);
    }

    [Fact]
    public async Task Json_line_numbers_are_physical_lines_of_pretty_printed_objects()
    {
        var records = ArenaRecords.Load();
        var bytes = new MemoryStream();
        ArenaWriters.JsonArrayNested(records, bytes);
        var text = System.Text.Encoding.UTF8.GetString(bytes.ToArray());
        var lines = text.Split('\n');

        var votes = Votes.ReadBytes(bytes.ToArray(), "votes.json").Votes;

        foreach (var i in new[] { 0, 1, 1000, votes.Count - 1 })
        {
            var line = lines[votes.SourceLines[i] - 1];
            Assert.Equal("{", line.Trim());
            Assert.Contains($"\"question_id\": \"{records.Rows[i][0]}\"", lines[votes.SourceLines[i]], StringComparison.Ordinal);
        }
    }

    private static VoteFileFormat ExpectedFormat(string layout) => layout switch
    {
        "csv" => VoteFileFormat.Csv,
        "json-array-nested" => VoteFileFormat.JsonArray,
        "json-lines-flat" => VoteFileFormat.JsonLines,
        _ => VoteFileFormat.Parquet,
    };

    private static async Task Write(string layout, ArenaRecords records, Stream output)
    {
        switch (layout)
        {
            case "csv":
                ArenaWriters.Csv(records, output);
                break;
            case "json-array-nested":
                ArenaWriters.JsonArrayNested(records, output);
                break;
            case "json-lines-flat":
                ArenaWriters.JsonLinesFlat(records, output);
                break;
            case "parquet-flat":
                await ArenaWriters.ParquetFlat(records, output);
                break;
            case "parquet-nested":
                await ArenaWriters.ParquetNested(records, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(layout), layout, null);
        }
    }

    /// <summary>A pipe-like stream: reads only, no seeking, no length, short reads.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : ReadOnlyStream
    {
        private readonly MemoryStream _inner = new(content);

        public override int Read(Span<byte> buffer) => _inner.Read(buffer[..Math.Min(buffer.Length, 4096)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
