using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News.Digest;
using Modelwatch.Core.News.Summaries;
using Modelwatch.Data;
using Modelwatch.News.Digest;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Providers;

namespace Modelwatch.News.Tests.Digest;

/// <summary>
/// The issue's "must show": a digest built from the real fixture feeds (read by the FeedReader, stored by NewsIngest),
/// with no model and with the fake model server, each checked for links (every bullet's and claim's link is the
/// address of an ingested item of the window) and counts (the header equals counts taken straight from the tables).
/// </summary>
public sealed partial class DigestFromFixturesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Without_a_model_TextRank_summarises_and_items_keep_their_language(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        Assert.True(await FixtureNews.IngestAllAsync(database, TimeProvider.System) >= 20);
        var builder = new DigestBuilder(database.Contexts);

        var span = await FixtureNews.SpanAsync(database);
        Assert.True((await FixtureNews.CountAsync(database, span)).Duplicates > 0, "the mirrored feed's items are merged as duplicates");
        foreach (var window in new[] { span, await FixtureNews.BusiestDayAsync(database) })
        {
            var digest = await builder.BuildAsync(window, "ko", ExtractiveSummarizer.Instance, null, Cancel);
            var expected = await FixtureNews.CountAsync(database, window);
            Assert.True(expected.Items > 0);
            TestContext.Current.TestOutputHelper?.WriteLine($"{provider} {window.From:yyyy-MM-dd}..{window.To:yyyy-MM-dd}: {expected}, {digest.Bullets.Count()} bullets in {digest.Sections.Count} sections, {digest.RecapClaims.Count} recap claims");
            FixtureNews.AssertHeader(expected, digest.Counts);
            await FixtureNews.AssertLinksAreIngestedItemsAsync(database, digest);
            Assert.Equal(ExtractiveDigestSummarizer.Name, digest.SummarizedBy);

            // No model, no translation: headlines as the sources wrote them, summaries sentences of the lead item's text.
            var input = await builder.LoadAsync(window, "ko", Cancel);
            var byId = input.Items.ToDictionary(i => i.Id);
            foreach (var bullet in digest.Bullets)
            {
                Assert.Null(bullet.OriginalTitle);
                if (bullet.Summary.Length > 0)
                {
                    var lead = byId[bullet.Links[0].ItemId];
                    Assert.All(SentenceSplitter.Split(bullet.Summary), s => Assert.Contains(s, SentenceSplitter.Split(lead.Text)));
                }
            }

            // Stored as a draft, its header is still the tables' counts; the Markdown says them.
            var row = await new DigestStore(database.Contexts, TimeProvider.System).SaveDraftAsync(digest, Cancel);
            FixtureNews.AssertHeader(expected, row);
            var markdown = DigestMarkdown.Write(digest);
            Assert.Contains(DigestLabels.For("ko").Header(digest.Counts), markdown, StringComparison.Ordinal);
            var linked = MarkdownLinks().Matches(markdown).Select(m => m.Groups[1].Value).ToHashSet();
            Assert.True(digest.Bullets.SelectMany(b => b.Links).All(l => linked.Contains(l.Url)));
        }
    }

    [Theory, BothDatabases]
    public async Task With_the_fake_model_every_claim_keeps_an_ingested_link(DatabaseProvider provider)
    {
        await using var server = await FakeOpenAiServer.StartNewAsync();
        server.Answer = FakeSummarizerModel.Answer;
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        await FixtureNews.IngestAllAsync(database, TimeProvider.System);
        var window = await FixtureNews.SpanAsync(database);
        var options = new SummarizerOptions { Provider = "fake", Model = FakeSummarizerModel.Model, MaxParallel = 4 };
        var summarizer = DigestSummarizers.Choose(options, FakeSummarizerModel.Registry(server), out var problem);
        Assert.Null(problem);

        var digest = await new DigestBuilder(database.Contexts).BuildAsync(window, "ko", summarizer, null, Cancel);

        FixtureNews.AssertHeader(await FixtureNews.CountAsync(database, window), digest.Counts);
        await FixtureNews.AssertLinksAreIngestedItemsAsync(database, digest);
        Assert.Equal("fake/fake-small", digest.SummarizedBy);
        Assert.Equal(digest.Bullets.Count() + 1, server.ChatRequests);
        // Written in Korean with the original headline beside it.
        Assert.All(digest.Bullets, b => Assert.Equal("번역: " + b.OriginalTitle, b.Title));
        Assert.All(digest.RecapClaims, c => Assert.Matches("^주요 소식 \\d+번입니다\\.$", c.Text));
        Assert.Equal(3, digest.Notes.Count(n => n.StartsWith("Recap claim", StringComparison.Ordinal)));
        var html = DigestHtml.Write(digest);
        Assert.DoesNotContain(FakeSummarizerModel.ForeignLink, html, StringComparison.Ordinal);
        Assert.All(digest.Bullets.SelectMany(b => b.Links), l => Assert.Contains(System.Net.WebUtility.HtmlEncode(l.Url), html, StringComparison.Ordinal));

        await using var db = database.CreateContext();
        Assert.Equal(0, await db.NewsDigests.CountAsync(Cancel)); // building stores nothing by itself
    }

    [GeneratedRegex(@"\]\(<([^>]+)>\)")]
    private static partial Regex MarkdownLinks();
}
