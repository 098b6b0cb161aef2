using Modelwatch.Core.News;
using Modelwatch.Core.News.Digest;

namespace Modelwatch.Core.Tests.News.Digest;

public sealed class DigestComposerTests
{
    private static readonly DateTimeOffset Day = new(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);
    private static readonly DigestWindow Window = DigestWindow.Day(new DateOnly(2026, 12, 3));

    [Fact]
    public void Counts_cover_everything_read_and_bullets_only_what_is_shown()
    {
        var items = new List<DigestItem>
        {
            Item(1, source: 1, story: 10, importance: 5, text: "Qwen released open weights for a coding model. It beats earlier releases on coding benchmarks."),
            Item(2, source: 2, story: 10, importance: 4, duplicateOf: 1, url: "https://b.example/qwen"),
            Item(3, source: 2, story: 11, importance: 9),
            Item(4, source: 3, story: 12, importance: 1, muted: true),
            Item(5, source: 3, story: null, importance: 2),
            Item(6, source: 4, story: 13, importance: 3, published: Day.AddDays(-1)), // outside the window
        };
        var stories = new List<DigestStoryFacts>
        {
            new(10, "Qwen open weights", NewsTags.Release | NewsTags.OpenWeights, 5, false, ["model:qwen/qwen3-coder"]),
            new(11, "Benchmark news", NewsTags.Benchmark, 9, false, []),
            new(12, "Muted story", NewsTags.None, 1, true, []),
            new(13, "Yesterday", NewsTags.Release, 3, false, []),
        };

        var plan = DigestComposer.Plan(new DigestInput(Window, "en", items, stories));
        var inWindow = items.Where(i => Window.Contains(i.Published)).ToList();
        Assert.Equal(inWindow.Select(i => i.SourceId).Distinct().Count(), plan.Counts.SourcesRead);
        Assert.Equal(inWindow.Count, plan.Counts.Items);
        Assert.Equal(inWindow.Select(i => i.StoryId ?? -i.Id).Distinct().Count(), plan.Counts.Stories);
        Assert.Equal(inWindow.Count(i => i.DuplicateOf is not null), plan.Counts.DuplicatesMerged);
        Assert.Equal(1, plan.MutedStories);

        // Ranked by importance; the muted story and yesterday's are not shown.
        Assert.Equal([11L, 10L, -5L], plan.Stories.Select(s => s.Key));
        var qwen = plan.Stories.Single(s => s.Key == 10);
        Assert.Equal(1, qwen.Lead.Id);
        Assert.Equal(["https://a.example/1", "https://b.example/qwen"], qwen.Links.Select(l => l.Url));

        var digest = DigestComposer.Compose(plan, ExtractiveDigestSummarizer.Summarize(plan));
        Assert.Equal([NewsTags.Release, NewsTags.Benchmark, NewsTags.None], digest.Sections.Select(s => s.Theme));
        var allLinks = inWindow.Where(i => !i.Muted).Select(i => i.Url!.AbsoluteUri).ToHashSet();
        Assert.All(digest.Bullets, b => Assert.NotEmpty(b.Links));
        Assert.All(digest.Bullets.SelectMany(b => b.Links), l => Assert.Contains(l.Url, allLinks));
        Assert.All(digest.RecapClaims, c => Assert.Contains(c.Links[0].Url, allLinks));
        Assert.Contains("model:qwen/qwen3-coder", digest.Keywords);
        Assert.Contains("release", digest.Keywords);
        Assert.Equal("AI news, 2026-12-03", digest.Title);

        // The extractive summary is a sentence of the lead item's own text.
        var bullet = digest.Bullets.Single(b => b.StoryKey == 10);
        Assert.Contains(bullet.Summary, items[0].Text!, StringComparison.Ordinal);
        Assert.Null(bullet.OriginalTitle);
    }

    [Fact]
    public void Sections_are_capped_and_the_rest_counted()
    {
        var items = Enumerable.Range(1, 30).Select(i => Item(i, source: 1, story: i, importance: i)).ToList();
        var stories = items.Select(i => new DigestStoryFacts(i.Id, "Paper " + i.Id, NewsTags.Paper, i.Importance, false, [])).ToList();
        var plan = DigestComposer.Plan(new DigestInput(Window, "en", items, stories), new DigestOptions(MaxBulletsPerSection: 7));
        var digest = DigestComposer.Compose(plan, ExtractiveDigestSummarizer.Summarize(plan));
        var section = Assert.Single(digest.Sections);
        Assert.Equal(7, section.Bullets.Count);
        Assert.Equal(30 - 7, section.More);
        Assert.Equal(items.OrderByDescending(i => i.Importance).Take(7).Select(i => i.Id), section.Bullets.Select(b => b.StoryKey));
    }

    [Fact]
    public void A_translated_title_keeps_the_original_beside_it()
    {
        var items = new[] { Item(1, 1, 1, 1) };
        var plan = DigestComposer.Plan(new DigestInput(Window, "ko", items, [new(1, "Original headline", NewsTags.Release, 1, false, [])]));
        var summaries = new DigestSummaries(
            new Dictionary<long, StorySummary> { [1] = new("요약 문장입니다.", "번역된 제목") },
            [new RecapClaim("주요 소식입니다.", plan.Stories[0].Links)], "fake/model", []);
        var digest = DigestComposer.Compose(plan, summaries);
        var bullet = Assert.Single(digest.Bullets);
        Assert.Equal("번역된 제목", bullet.Title);
        Assert.Equal("Original headline", bullet.OriginalTitle);
        Assert.StartsWith("AI 뉴스", digest.Title, StringComparison.Ordinal);

        var markdown = DigestMarkdown.Write(digest);
        Assert.Contains("번역된 제목", markdown, StringComparison.Ordinal);
        Assert.Contains("(Original headline)", markdown, StringComparison.Ordinal);
        Assert.Contains("(<https://a.example/1>)", markdown, StringComparison.Ordinal);
        Assert.Contains(DigestLabels.For("ko").Header(digest.Counts), markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_escapes_titles_so_links_stay_links()
    {
        Assert.Equal("a \\[b\\] \\*c\\*", DigestMarkdown.Escape("a [b] *c*"));
        Assert.Equal("one two", DigestMarkdown.Escape("one\ntwo"));
    }

    [Theory]
    [InlineData(NewsTags.Release | NewsTags.OpenWeights, NewsTags.Release)]
    [InlineData(NewsTags.Paper | NewsTags.Benchmark, NewsTags.Benchmark)]
    [InlineData(NewsTags.Tooling, NewsTags.Tooling)]
    [InlineData(NewsTags.None, NewsTags.None)]
    public void A_story_goes_to_its_first_theme(NewsTags tags, NewsTags theme) => Assert.Equal(theme, DigestComposer.Theme(tags));

    private static DigestItem Item(long id, int source, long? story, double importance, long? duplicateOf = null, bool muted = false,
        string? url = null, string? text = null, DateTimeOffset? published = null) =>
        new(id, source, "Source " + source, "Item " + id, new Uri(url ?? $"https://a.example/{id}"), text, "en",
            published ?? Day.AddHours(id % 20), importance, muted, duplicateOf, story);
}
