using Modelwatch.Core.News.Processing;

namespace Modelwatch.News.Tests.Processing;

/// <summary>
/// The same real article linked the ways other feeds link it (tracking parameters, trailing slash, <c>www.</c>, http,
/// arXiv versions and formats) is caught as a duplicate of the original, for every item of the real feeds.
/// </summary>
public sealed class UrlVariantPairTests
{
    public static TheoryData<string> LabFeeds => [FixtureArticles.Anthropic, FixtureArticles.Mistral, FixtureArticles.Ollama, FixtureArticles.OpenAiResearch];

    /// <summary>Variants a newsletter, an aggregator or a second scraper produce from one address.</summary>
    private static IEnumerable<(string Kind, Uri Url)> Variants(Uri url)
    {
        var builder = new UriBuilder(url);
        var query = builder.Query.TrimStart('?');
        string With(string extra) => query.Length == 0 ? extra : query + "&" + extra;

        yield return ("utm", new UriBuilder(url) { Query = With("utm_source=newsletter&utm_medium=email&utm_campaign=weekly") }.Uri);
        yield return ("fbclid", new UriBuilder(url) { Query = With("fbclid=IwAR2xYz0Qk") }.Uri);
        yield return ("mtm+gclid", new UriBuilder(url) { Query = With("mtm_source=x&gclid=Cj0KCQ") }.Uri);
        yield return ("trailing slash", new UriBuilder(url) { Path = url.AbsolutePath.EndsWith('/') ? url.AbsolutePath.TrimEnd('/') : url.AbsolutePath + "/" }.Uri);
        yield return ("www", new UriBuilder(url) { Host = url.Host.StartsWith("www.", StringComparison.Ordinal) ? url.Host[4..] : "www." + url.Host }.Uri);
        yield return ("http + fragment", new UriBuilder(url) { Scheme = Uri.UriSchemeHttp, Port = -1, Fragment = "comments" }.Uri);
    }

    [Theory]
    [MemberData(nameof(LabFeeds))]
    public void Every_item_under_every_link_variant_is_a_same_url_duplicate_of_the_original(string file)
    {
        var originals = FixtureArticles.Articles(file, sourceId: 1, firstId: 1);
        Assert.NotEmpty(originals);
        var index = new NewsIndex();
        var originalStories = originals.ToDictionary(a => a.Id, a => index.Add(a).StoryKey);

        var nextId = 100_000L;
        var source = 2;
        foreach (var original in originals)
        {
            foreach (var (kind, url) in Variants(original.Url!))
            {
                Assert.NotEqual(original.Url!.AbsoluteUri, url.AbsoluteUri);
                // Another source, another title: only the address says it is the same article.
                var copy = original with { Id = nextId++, SourceId = source++, Url = url, Title = "Link: " + kind + " " + nextId, Text = null };
                var decision = index.Add(copy);
                Assert.True(decision.Reason == DuplicateKind.SameUrl, $"{file}: '{original.Url}' as {kind} '{url}' was {decision.Reason?.ToString() ?? "not a duplicate"}");
                Assert.Equal(original.Id, decision.DuplicateOf);
                Assert.Equal(originalStories[original.Id], decision.StoryKey);
            }
        }
    }

    [Theory]
    [MemberData(nameof(LabFeeds))]
    public void Canonicalisation_never_merges_two_different_real_articles(string file)
    {
        var links = FixtureArticles.Read(file).Entries.Where(e => e.Link is not null).Select(e => e.Link!.AbsoluteUri).Distinct().ToList();
        var canonical = links.Select(l => UrlCanonicalizer.Canonicalize(new Uri(l))).Distinct().Count();
        Assert.Equal(links.Count, canonical);
    }

    [Fact]
    public void ArXiv_versions_abs_pdf_and_html_of_each_paper_are_one_paper()
    {
        var papers = FixtureArticles.Articles(FixtureArticles.Arxiv, sourceId: 1, firstId: 1);
        Assert.Equal(300, papers.Count); // PROVENANCE.tsv: 300 items
        Assert.All(papers, p => Assert.Matches(@"^/abs/\d{4}\.\d{4,5}v\d+$", p.Url!.AbsolutePath));
        Assert.Contains(papers, p => !p.Url!.AbsolutePath.EndsWith("v1", StringComparison.Ordinal)); // the feed has later versions too

        var index = new NewsIndex();
        foreach (var paper in papers)
        {
            index.Add(paper);
        }

        var nextId = 10_000L;
        foreach (var paper in papers)
        {
            var id = paper.Url!.AbsolutePath["/abs/".Length..^2].TrimEnd('v');
            var version = paper.Url.AbsolutePath[^1] - '0';
            foreach (var variant in new[]
                     {
                         $"https://arxiv.org/abs/{id}v{version + 1}",
                         $"https://arxiv.org/abs/{id}",
                         $"https://arxiv.org/pdf/{id}v{version}",
                         $"https://arxiv.org/pdf/{id}v{version + 2}.pdf",
                         $"https://arxiv.org/html/{id}v{version}",
                         $"http://export.arxiv.org/abs/{id}v{version}",
                     })
            {
                var decision = index.Add(paper with { Id = nextId++, SourceId = 2, Url = new Uri(variant), Title = "[v] " + paper.Title[..Math.Min(20, paper.Title.Length)], Text = null });
                Assert.True(decision.Reason == DuplicateKind.SameUrl && decision.DuplicateOf == paper.Id, $"{paper.Url} vs {variant}: {decision.Reason}, {decision.DuplicateOf}");
                Assert.Equal("https://arxiv.org/abs/" + id, decision.CanonicalUrl);
            }
        }
    }
}
