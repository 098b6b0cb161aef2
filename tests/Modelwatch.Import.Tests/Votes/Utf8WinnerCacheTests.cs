using System.Text;
using Modelwatch.Core.Votes;
using Modelwatch.Import.Votes;

namespace Modelwatch.Import.Tests.Votes;

/// <summary>The byte-level winner parsing of the CSV hot path agrees with <see cref="WinnerSpelling"/>, the authority.</summary>
public class Utf8WinnerCacheTests
{
    [Theory]
    [InlineData("model_a")]
    [InlineData("model_b")]
    [InlineData("tie")]
    [InlineData("both_bad")]
    [InlineData("tie (bothbad)")]
    [InlineData("left")]
    [InlineData("right")]
    [InlineData("Model_A")]
    [InlineData("TIE")]
    [InlineData("model_c")]
    [InlineData("model_")]
    [InlineData("draw")]
    [InlineData("")]
    public void Bytes_parse_exactly_like_the_spelling_table(string spelling)
    {
        var cache = new Utf8WinnerCache();
        var expectedOk = WinnerSpelling.TryParse(spelling, out var expected);

        for (var round = 0; round < 2; round++)
        {
            // Twice: the second answer may come from the cache.
            var ok = cache.TryParse(Encoding.UTF8.GetBytes(spelling), out var winner);
            Assert.Equal(expectedOk, ok);
            if (ok)
            {
                Assert.Equal(expected, winner);
            }
        }
    }
}
