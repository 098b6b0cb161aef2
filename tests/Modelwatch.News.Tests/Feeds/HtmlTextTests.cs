using Modelwatch.News.Feeds.Cleaning;

namespace Modelwatch.News.Tests.Feeds;

/// <summary>Plain text from feed HTML: what a reader would see, worked out by hand for each fragment.</summary>
public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<p>first</p><p>second</p>", "first second")]
    [InlineData("bold<b>ly</b> go", "boldly go")]
    [InlineData("5&percnt; Z<sub>&odot;</sub>", "5% Z\u2299")]
    [InlineData("don&#x2019;t &amp; won&#8217;t", "don\u2019t & won\u2019t")]
    [InlineData("AT&T and a < b", "AT&T and a < b")]
    [InlineData("<a href=\"x?a>b\" title='1 > 0'>link</a>", "link")]
    [InlineData("before<script>if (a < b) { x = '</p>'; }</script>after", "beforeafter")]
    [InlineData("keep<!-- <p>not this</p> -->this", "keepthis")]
    [InlineData("<style>p { color: red }</style><p>styled</p>", "styled")]
    [InlineData("line<br/>break", "line break")]
    [InlineData("&nosuchentity; &#xD800; &#0;", "&nosuchentity; &#xD800; &#0;")]
    [InlineData("<p>  \n  </p>", null)]
    public void Extracts_what_a_reader_sees(string html, string? expected)
    {
        Assert.Equal(expected, FeedHtml.ToPlainText(html));
    }
}
