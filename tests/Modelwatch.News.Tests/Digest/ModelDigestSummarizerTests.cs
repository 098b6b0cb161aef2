using Modelwatch.Core.News;
using Modelwatch.Core.News.Digest;
using Modelwatch.News.Digest;
using Modelwatch.Testing.Providers;

namespace Modelwatch.News.Tests.Digest;

public sealed class ModelDigestSummarizerTests
{
    private static readonly DigestWindow Window = DigestWindow.Day(new DateOnly(2026, 12, 3));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Summaries_are_written_in_the_language_and_every_claim_keeps_a_valid_link()
    {
        await using var server = await FakeOpenAiServer.StartNewAsync();
        server.Answer = FakeSummarizerModel.Answer;
        var plan = DigestComposer.Plan(Input("ko"));
        var summarizer = new ModelDigestSummarizer(FakeSummarizerModel.Client(server), "fake/" + FakeSummarizerModel.Model, new SummarizerOptions());

        var summaries = await summarizer.SummarizeAsync(plan, DigestOptions.Default, Cancel);
        var digest = DigestComposer.Compose(plan, summaries);

        // One request per story with a link, then one for the recap; every prompt asks for Korean.
        Assert.Equal(plan.Stories.Count + 1, server.ChatRequests);
        Assert.All(server.Requests, r => Assert.Contains("Korean", r.Messages[0].Text, StringComparison.Ordinal));

        var inputs = plan.Stories.SelectMany(s => s.Items).Select(i => i.Url!.AbsoluteUri).ToHashSet();
        foreach (var bullet in digest.Bullets)
        {
            var story = plan.Stories.Single(s => s.Key == bullet.StoryKey);
            Assert.All(bullet.Links, l => Assert.Contains(l.Url, inputs));
            if (story.Title.Contains(FakeSummarizerModel.BadCitation, StringComparison.Ordinal))
            {
                // Cited a number it was not given: refused, TextRank's summary in the item's language instead.
                Assert.Null(bullet.OriginalTitle);
                Assert.Contains(bullet.Summary, story.Lead.Text!, StringComparison.Ordinal);
                Assert.Contains(summaries.Notes, n => n.Contains($"Story {story.Key}", StringComparison.Ordinal) && n.Contains("[7]", StringComparison.Ordinal));
            }
            else
            {
                Assert.Equal("번역: " + story.Title, bullet.Title);
                Assert.Equal(story.Title, bullet.OriginalTitle);
                Assert.EndsWith("에 대한 요약입니다.", bullet.Summary, StringComparison.Ordinal);
            }
        }

        // The recap keeps the claims citing stories it was given, each linked to those stories; the rest are notes.
        var recapStories = plan.Stories.Where(s => s.Links.Count > 0).Take(new SummarizerOptions().RecapStories).ToList();
        Assert.Equal(Math.Min(recapStories.Count, DigestOptions.Default.RecapClaims), digest.RecapClaims.Count);
        for (var i = 0; i < digest.RecapClaims.Count; i++)
        {
            Assert.Equal([recapStories[i].Links[0]], digest.RecapClaims[i].Links);
        }

        Assert.All(digest.RecapClaims, c => Assert.DoesNotContain(FakeSummarizerModel.ForeignLink, c.Text, StringComparison.Ordinal));
        Assert.Contains(summaries.Notes, n => n.StartsWith("Recap claim", StringComparison.Ordinal) && n.Contains("not one of the", StringComparison.Ordinal));
        Assert.Contains(summaries.Notes, n => n.StartsWith("Recap claim", StringComparison.Ordinal) && n.Contains(FakeSummarizerModel.ForeignLink, StringComparison.Ordinal));
        Assert.Contains(summaries.Notes, n => n.StartsWith("Recap claim", StringComparison.Ordinal) && n.Contains("no source cited", StringComparison.Ordinal));
        Assert.Equal("fake/fake-small", digest.SummarizedBy);
        var markdown = DigestMarkdown.Write(digest);
        Assert.Contains("주요 소식 1번입니다.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeSummarizerModel.ForeignLink, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_model_leaves_the_digest_to_TextRank()
    {
        await using var server = await FakeOpenAiServer.StartNewAsync();
        server.Mode = FakeMode.AlwaysFail;
        var plan = DigestComposer.Plan(Input("en"));
        var summarizer = new ModelDigestSummarizer(FakeSummarizerModel.Client(server), "fake/fake-small", new SummarizerOptions());

        var summaries = await summarizer.SummarizeAsync(plan, DigestOptions.Default, Cancel);
        var extractive = ExtractiveDigestSummarizer.Summarize(plan);

        Assert.True(server.ChatRequests >= plan.Stories.Count);
        Assert.Equal(extractive.Recap.Select(c => c.Text), summaries.Recap.Select(c => c.Text));
        Assert.Equal(extractive.Stories.OrderBy(p => p.Key), summaries.Stories.OrderBy(p => p.Key));
        Assert.Contains(summaries.Notes, n => n.Contains("the model failed", StringComparison.Ordinal));
        Assert.Contains(summaries.Notes, n => n.StartsWith("Recap: the model gave no claim", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_provider_chooses_TextRank_and_says_why()
    {
        var chosen = DigestSummarizers.Choose(new SummarizerOptions { Provider = "nowhere", Model = "m" }, registry: null, out var problem);
        Assert.Same(ExtractiveSummarizer.Instance, chosen);
        Assert.Contains("'nowhere'", problem, StringComparison.Ordinal);
        Assert.Same(ExtractiveSummarizer.Instance, DigestSummarizers.Choose(new SummarizerOptions(), null, out var none));
        Assert.Null(none);
    }

    private static DigestInput Input(string language)
    {
        var at = Window.From.AddHours(6);
        var items = new List<DigestItem>
        {
            new(1, 1, "Lab blog", "Lab releases open model", new Uri("https://lab.example/open-model"), "The lab released an open model with 8B parameters. It runs on one GPU.", "en", at, 9, false, null, 100),
            new(2, 2, "Aggregator", "Open model from lab", new Uri("https://agg.example/story/2"), "Aggregated copy of the lab's release.", "en", at.AddHours(1), 7, false, 1, 100),
            new(3, 3, "Papers", "A benchmark " + FakeSummarizerModel.BadCitation, new Uri("https://papers.example/3"), "We introduce a benchmark for agents. It has 500 tasks.", "en", at, 6, false, null, 101),
            new(4, 4, "Prices", "Price cut for API", new Uri("https://prices.example/4"), "The API costs half as much from today. Older models are unchanged.", "en", at, 5, false, null, 102),
        };
        var stories = new List<DigestStoryFacts>
        {
            new(100, "Lab releases open model", NewsTags.Release | NewsTags.OpenWeights, 9, false, []),
            new(101, "A benchmark " + FakeSummarizerModel.BadCitation, NewsTags.Benchmark, 6, false, []),
            new(102, "Price cut for API", NewsTags.Pricing, 5, false, []),
        };
        return new DigestInput(Window, language, items, stories);
    }
}
