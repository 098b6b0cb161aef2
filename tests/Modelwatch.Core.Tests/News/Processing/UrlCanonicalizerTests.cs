using Modelwatch.Core.News.Processing;

namespace Modelwatch.Core.Tests.News.Processing;

public sealed class UrlCanonicalizerTests
{
    private static string C(string url) => UrlCanonicalizer.Canonicalize(new Uri(url));

    [Theory]
    [InlineData("https://mistral.ai/news/mistral-large-2407?utm_source=rss&utm_medium=feed&utm_campaign=x")]
    [InlineData("https://mistral.ai/news/mistral-large-2407/")]
    [InlineData("https://www.mistral.ai/news/mistral-large-2407")]
    [InlineData("https://MISTRAL.AI/news/mistral-large-2407#benchmarks")]
    [InlineData("http://mistral.ai/news/mistral-large-2407")]
    [InlineData("https://mistral.ai:443/news/mistral-large-2407?fbclid=IwAR0abc&gclid=xyz")]
    [InlineData("https://mistral.ai/news/mistral-large-2407?mtm_campaign=a&mtm_kwd=b&pk_source=c")]
    [InlineData("https://l.facebook.com/l.php?u=https%3A%2F%2Fmistral.ai%2Fnews%2Fmistral-large-2407%2F&h=AT0")]
    [InlineData("https://www.google.com/url?q=https://mistral.ai/news/mistral-large-2407&sa=D")]
    public void Variants_of_one_article_have_one_canonical_form(string variant) =>
        Assert.Equal(C("https://mistral.ai/news/mistral-large-2407"), C(variant));

    [Fact]
    public void Meaningful_differences_are_kept()
    {
        Assert.NotEqual(C("https://example.com/item?id=1"), C("https://example.com/item?id=2"));
        Assert.NotEqual(C("https://example.com/News/A"), C("https://example.com/news/a"));
        Assert.NotEqual(C("https://example.com:8080/a"), C("https://example.com/a"));
        Assert.NotEqual(C("https://blog.example.com/a"), C("https://example.com/a"));
    }

    [Fact]
    public void Parameter_order_does_not_matter_and_tracking_parameters_go()
    {
        Assert.Equal(C("https://example.com/s?b=2&a=1"), C("https://example.com/s?utm_term=x&a=1&b=2"));
        Assert.DoesNotContain("utm_", C("https://example.com/s?a=1&utm_source=hn"), StringComparison.Ordinal);
        Assert.Contains("a=1", C("https://example.com/s?a=1&utm_source=hn"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://arxiv.org/abs/2401.01234v2")]
    [InlineData("http://arxiv.org/abs/2401.01234v1")]
    [InlineData("https://arxiv.org/pdf/2401.01234v3.pdf")]
    [InlineData("https://arxiv.org/pdf/2401.01234")]
    [InlineData("https://arxiv.org/html/2401.01234v1")]
    [InlineData("https://export.arxiv.org/abs/2401.01234")]
    [InlineData("https://www.arxiv.org/abs/2401.01234?context=cs.CL")]
    public void ArXiv_versions_and_formats_are_one_paper(string variant) =>
        Assert.Equal(C("https://arxiv.org/abs/2401.01234"), C(variant));

    [Fact]
    public void ArXiv_keeps_the_id_and_old_style_ids()
    {
        Assert.EndsWith("/abs/2401.01234", C("https://arxiv.org/abs/2401.01234v7"), StringComparison.Ordinal);
        Assert.Equal(C("https://arxiv.org/abs/hep-th/9901001"), C("https://arxiv.org/abs/hep-th/9901001v2"));
        Assert.NotEqual(C("https://arxiv.org/abs/2401.01234"), C("https://arxiv.org/abs/2401.01235"));
    }

    [Fact]
    public void The_result_is_an_https_address()
    {
        var canonical = C("http://www.Example.com/a/?utm_source=x");
        Assert.True(Uri.TryCreate(canonical, UriKind.Absolute, out var parsed));
        Assert.Equal(Uri.UriSchemeHttps, parsed!.Scheme);
        Assert.Equal("example.com", parsed.Host);
    }

    [Fact]
    public void Relative_or_non_web_addresses_are_refused()
    {
        Assert.Throws<ArgumentException>(() => UrlCanonicalizer.Canonicalize(new Uri("/news/a", UriKind.Relative)));
        var e = Assert.Throws<ArgumentException>(() => UrlCanonicalizer.Canonicalize(new Uri("ftp://example.com/a")));
        Assert.Contains("ftp://example.com/a", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utm_source", true)]
    [InlineData("UTM_Campaign", true)]
    [InlineData("fbclid", true)]
    [InlineData("mtm_kwd", true)]
    [InlineData("id", false)]
    [InlineData("page", false)]
    [InlineData("q", false)]
    public void Tracking_parameters_are_recognised(string name, bool tracking) =>
        Assert.Equal(tracking, UrlCanonicalizer.IsTrackingParameter(name));
}
