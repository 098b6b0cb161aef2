using System.Text;
using Modelwatch.News.Feeds;

namespace Modelwatch.News.Tests.Feeds;

/// <summary>The decoding order on constructed bytes: BOM, HTTP charset, prolog, sniffing, UTF-8 with replacement.</summary>
public sealed class FeedDecoderTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Fact]
    public void The_http_charset_wins_over_the_prolog()
    {
        var bytes = Windows1252.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>Caf\u00e9</title></channel></rss>");

        var decoded = FeedDecoder.Decode(bytes, "windows-1252");

        Assert.Equal("windows-1252", decoded.Encoding);
        Assert.Contains("Caf\u00e9", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_wins_over_the_http_charset()
    {
        var bytes = new UnicodeEncoding(bigEndian: false, byteOrderMark: true).GetPreamble()
            .Concat(Encoding.Unicode.GetBytes("<feed><title>\uD55C\uAD6D\uC5B4</title></feed>")).ToArray();

        var decoded = FeedDecoder.Decode(bytes, "iso-8859-1");

        Assert.Equal("utf-16", decoded.Encoding);
        Assert.StartsWith("<feed><title>\uD55C\uAD6D\uC5B4", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_http_charset_is_reported_and_the_prolog_used()
    {
        var bytes = Encoding.GetEncoding("iso-8859-1").GetBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><title>Gr\u00fc\u00dfe</title></rss>");

        var decoded = FeedDecoder.Decode(bytes, "no-such-charset");

        Assert.Equal("windows-1252", decoded.Encoding);
        Assert.Contains("Gr\u00fc\u00dfe", decoded.Text, StringComparison.Ordinal);
        Assert.Contains(decoded.Problems, p => p.Message.Contains("no-such-charset", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_without_bom_is_utf8_whatever_it_contains()
    {
        var decoded = FeedDecoder.Decode(Encoding.UTF8.GetBytes("{\"title\":\"\u00dcbersicht \u20ac\"}"), null);

        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Equal("{\"title\":\"\u00dcbersicht \u20ac\"}", decoded.Text);
        Assert.Empty(decoded.Problems);
    }

    [Fact]
    public void Valid_windows_1252_with_a_legitimate_c1_free_text_is_left_alone()
    {
        // 0x93/0x94 are curly quotes in windows-1252, declared correctly: no demoronizing problem is raised.
        var bytes = Windows1252.GetBytes("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss><title>\u201Cquoted\u201D</title></rss>");

        var decoded = FeedDecoder.Decode(bytes, null);

        Assert.Contains("\u201Cquoted\u201D", decoded.Text, StringComparison.Ordinal);
        Assert.Empty(decoded.Problems);
    }
}
