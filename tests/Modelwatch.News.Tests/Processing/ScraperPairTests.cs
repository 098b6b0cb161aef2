using Modelwatch.Core.News.Processing;

namespace Modelwatch.News.Tests.Processing;

/// <summary>
/// news.md's two scraper facts. Only one feed of each pair is in the fixtures (PROVENANCE.tsv names the other), so the
/// second scraper's links are rebuilt from the stated difference and the first feed is checked against them.
/// </summary>
public sealed class ScraperPairTests
{
    [Fact]
    public void Mistral_links_with_a_trailing_slash_share_nothing_as_written_and_everything_once_canonical()
    {
        // PROVENANCE.tsv: "links WITHOUT trailing slash; pair with ai__ati_mistral_news.xml (0 exact overlap, 55 after
        // trailing-slash normalisation)". The ati feed is not shared here; its links are the same addresses with a slash.
        var mistral = FixtureArticles.Articles(FixtureArticles.Mistral, sourceId: 1, firstId: 1);
        Assert.NotEmpty(mistral);
        Assert.All(mistral, a => Assert.False(a.Url!.AbsolutePath.EndsWith('/'), $"{a.Url} already ends with a slash"));

        var other = mistral.Select(a => new Uri(a.Url!.AbsoluteUri + "/")).ToList();
        Assert.Empty(mistral.Select(a => a.Url!.AbsoluteUri).Intersect(other.Select(u => u.AbsoluteUri)));

        var index = new NewsIndex();
        foreach (var a in mistral)
        {
            index.Add(a);
        }

        var merged = 0;
        for (var i = 0; i < mistral.Count; i++)
        {
            var decision = index.Add(mistral[i] with { Id = 1000 + i, SourceId = 2, Url = other[i] });
            merged += decision.DuplicateOf == mistral[i].Id && decision.Reason == DuplicateKind.SameUrl ? 1 : 0;
        }

        Assert.Equal(mistral.Count, merged);
    }

    [Fact]
    public void Anthropic_read_from_a_second_scraper_with_the_same_links_is_all_duplicates_and_adds_no_story()
    {
        // PROVENANCE.tsv: the olshansk and ati Anthropic feeds share 255 links exactly; the ati copy is not shared here, so
        // the same feed stands in for it as a second source.
        var first = FixtureArticles.Articles(FixtureArticles.Anthropic, sourceId: 1, firstId: 1);
        var second = FixtureArticles.Articles(FixtureArticles.Anthropic, sourceId: 2, firstId: 10_000);
        var index = new NewsIndex();
        foreach (var a in first)
        {
            index.Add(a);
        }

        var stories = index.StoryCount;
        var decisions = second.Select(index.Add).ToList();
        Assert.All(decisions, d => Assert.Equal(DuplicateKind.SameUrl, d.Reason));
        Assert.Equal(first.Select(a => a.Id), decisions.Select(d => d.DuplicateOf!.Value));
        Assert.Equal(stories, index.StoryCount);
        Assert.Equal(first.Select(a => a.Url!.AbsoluteUri).Distinct().Count(), first.Count); // 255 distinct links in one feed
    }
}
