using Modelwatch.Import.Votes;

namespace Modelwatch.Import.Tests.Votes;

/// <summary>Short calls into <see cref="VoteFileReader"/> for tests, with the test's cancellation token.</summary>
internal static class Votes
{
    public static VoteReadResult Read(string path, bool skipInvalid = false, IProgress<VoteReadProgress>? progress = null) =>
        VoteFileReader.Read(path, new VoteReadOptions { SkipInvalid = skipInvalid }, progress, TestContext.Current.CancellationToken);

    public static VoteReadResult ReadBytes(byte[] content, string sourceName = "votes", bool skipInvalid = false)
    {
        using var stream = new MemoryStream(content, writable: false);
        return VoteFileReader.Read(stream, sourceName, new VoteReadOptions { SkipInvalid = skipInvalid }, null, TestContext.Current.CancellationToken);
    }

    public static VoteReadResult ReadText(string content, string sourceName = "votes.csv", bool skipInvalid = false) =>
        ReadBytes(System.Text.Encoding.UTF8.GetBytes(content), sourceName, skipInvalid);

    /// <summary>Reads expecting failure, returning the exception so a test can check what it says.</summary>
    public static VoteFileException Fails(string content, string sourceName = "votes.csv", bool skipInvalid = false) =>
        Assert.Throws<VoteFileException>(() => ReadText(content, sourceName, skipInvalid));

    public static VoteFileException FailsBytes(byte[] content, string sourceName = "votes", bool skipInvalid = false) =>
        Assert.Throws<VoteFileException>(() => ReadBytes(content, sourceName, skipInvalid));

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
