using System.Text;
using Modelwatch.Import.Votes;

namespace Modelwatch.Import.Tests.Votes;

/// <summary>The trailer check used when the runtime's strict gzip validation could not be switched on.</summary>
public class GzipGuardStreamTests
{
    [Fact]
    public void A_whole_gzip_file_ends_in_a_trailer_recording_its_length()
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("model_a,model_b,winner\n", 1000)));
        var gzip = Votes.Gzip(content);

        Assert.True(GzipGuardStream.TrailerMatches(gzip.AsSpan(gzip.Length - 8), content.Length, out var recorded));
        Assert.Equal((uint)content.Length, recorded);
    }

    [Fact]
    public void A_cut_gzip_file_does_not_end_in_a_matching_trailer()
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 5000).Select(i => $"model-{i},model-{i * 7 % 13},tie\n")));
        var gzip = Votes.Gzip(content);

        foreach (var cut in new[] { gzip.Length / 2, gzip.Length - 4, gzip.Length - 1 })
        {
            // Whatever a lenient decompressor managed to produce, it is not what the cut-off bytes record.
            Assert.False(GzipGuardStream.TrailerMatches(gzip.AsSpan(cut - 8, 8), content.Length, out _));
        }
    }
}
