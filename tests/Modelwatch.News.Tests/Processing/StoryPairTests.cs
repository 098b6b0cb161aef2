using Modelwatch.Core.News.Processing;

namespace Modelwatch.News.Tests.Processing;

/// <summary>
/// The same news from two sources under different titles joins one story; the real feeds' items, which are different
/// articles from different labs, are never merged across sources.
/// </summary>
public sealed class StoryPairTests
{
    private static List<NewsArticle> AllFixtures()
    {
        var all = new List<NewsArticle>();
        var source = 1;
        foreach (var file in FixtureArticles.All)
        {
            all.AddRange(FixtureArticles.Articles(file, source++, 1 + all.Count));
        }

        return [.. all.OrderBy(a => a.Published).ThenBy(a => a.Id)];
    }

    [Fact]
    public void The_real_feeds_have_no_cross_source_duplicates_and_no_story_spans_two_of_them()
    {
        // Five feeds of different publishers (Anthropic, Mistral, Ollama, OpenAI research, arXiv astrophysics): no item of
        // one is the same article as an item of another, so nothing may be merged across them.
        var articles = AllFixtures();
        Assert.True(articles.Count > 800, $"{articles.Count} articles read");
        var index = new NewsIndex();
        var sourcesOfStory = new Dictionary<long, HashSet<int>>();
        foreach (var article in articles)
        {
            var decision = index.Add(article);
            Assert.True(decision.DuplicateOf is null, $"'{article.Title}' was taken for a duplicate of {decision.DuplicateOf} ({decision.Reason})");
            if (!sourcesOfStory.TryGetValue(decision.StoryKey, out var sources))
            {
                sourcesOfStory[decision.StoryKey] = sources = [];
            }

            sources.Add(article.SourceId);
        }

        Assert.All(sourcesOfStory, s => Assert.Single(s.Value));
        Assert.True(index.StoryCount > articles.Count * 9 / 10, $"{index.StoryCount} stories for {articles.Count} unrelated articles");
    }

    /// <summary>Real lab posts with enough text for MinHash, and a newsletter's rewrite of each.</summary>
    private static IEnumerable<(NewsArticle Original, NewsArticle Rewrite)> Rewrites(List<NewsArticle> articles, Func<NewsArticle, NewsArticle> rewrite) =>
        articles.Where(a => a.SourceId <= 4 && MinHash.Of(a.Text) is not null).Select(a => (a, rewrite(a)));

    [Fact]
    public void A_release_post_and_a_rewritten_headline_over_the_same_body_are_one_story()
    {
        // A newsletter reposts the lab's text under its own headline (words from the text, so no title rule fires) and its
        // own address: near-duplicate text (or, where the chosen words repeat the title's, title overlap), one story. (On these short feed summaries a sentence added around the body
        // already drops the shingle Jaccard under 0.72; such reposts are the next test's case.)
        var articles = AllFixtures();
        var index = new NewsIndex();
        var stories = articles.ToDictionary(a => a.Id, a => index.Add(a).StoryKey);
        var pairs = Rewrites(articles, a => a with
        {
            Id = a.Id + 100_000,
            SourceId = 99,
            Title = "Newsletter: " + string.Join(' ', NewsText.Words(a.Text).Skip(3).Take(6)),
            Url = new Uri($"https://newsletter.example/issue/{a.Id}"),
            Text = a.Text,
            Published = a.Published.AddHours(6),
        }).ToList();
        Assert.True(pairs.Count >= 100, $"{pairs.Count} lab posts with text long enough for MinHash");

        foreach (var (original, rewrite) in pairs)
        {
            var decision = index.Add(rewrite);
            Assert.Equal(stories[original.Id], decision.StoryKey);
            Assert.True(decision.DuplicateOf == original.Id && decision.Reason is DuplicateKind.NearDuplicateText or DuplicateKind.TitleOverlap, $"'{rewrite.Title}' for '{original.Title}': {decision.Reason} of {decision.DuplicateOf}");
        }
    }

    [Fact]
    public void A_report_that_quotes_the_lead_under_another_title_joins_the_story_without_being_a_duplicate()
    {
        // An aggregator's post: its own headline (the lab's title words reordered and padded, too different for title
        // overlap), a comment of its own and the lab's lead quoted. Not a copy (text Jaccard well under 0.72), but the same
        // news: average linkage over title and lead words puts it in the original's story.
        var articles = AllFixtures();
        var index = new NewsIndex();
        var stories = articles.ToDictionary(a => a.Id, a => index.Add(a).StoryKey);
        var joined = 0;
        var pairs = Rewrites(articles, a => a with
        {
            Id = a.Id + 200_000,
            SourceId = 98,
            Title = "Worth reading: " + string.Join(' ', NewsText.SignificantWords(a.Title).Order(StringComparer.Ordinal).Take(2)) + " and what it means",
            Url = new Uri($"https://aggregator.example/item/{a.Id}"),
            Text = "Posted by a reader, who writes that the team behind it answered questions in the thread below. Quote: "
                + string.Join(' ', (a.Text ?? "").Split(' ').Take(25)),
            Published = a.Published.AddHours(12),
        }).ToList();

        foreach (var (original, rewrite) in pairs)
        {
            var decision = index.Add(rewrite);
            Assert.NotEqual(DuplicateKind.NearDuplicateText, decision.Reason);
            joined += decision.StoryKey == stories[original.Id] ? 1 : 0;
        }

        Assert.True(pairs.Count >= 100, $"{pairs.Count} lab posts with text");
        Assert.True(joined == pairs.Count, $"{joined} of {pairs.Count} reports joined their original's story");
    }

    [Fact]
    public void An_unrelated_item_published_beside_a_story_does_not_join_it()
    {
        // Each lab post gets a neighbour from another lab's feed, moved to the same hour: different news, different story.
        var articles = AllFixtures().Where(a => a.SourceId <= 4).ToList();
        var index = new NewsIndex();
        var wrong = 0;
        var pairs = 0;
        for (var i = 0; i + 1 < articles.Count; i += 2)
        {
            var a = articles[i] with { Published = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i * 10) };
            var b = articles[i + 1];
            if (b.SourceId == a.SourceId)
            {
                continue;
            }

            b = b with { Published = a.Published.AddHours(1) };
            pairs++;
            wrong += index.Add(a).StoryKey == index.Add(b).StoryKey ? 1 : 0;
        }

        Assert.True(pairs > 20, $"{pairs} pairs");
        Assert.Equal(0, wrong);
    }
}
