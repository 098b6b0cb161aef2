using System.Globalization;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Modelwatch.Core.News;
using Modelwatch.Data;
using Modelwatch.Data.News.Store;
using Modelwatch.News.Feeds;
using Modelwatch.Testing;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Browser.Tests.Harness;

namespace Modelwatch.Web.Browser.Tests.Features.News;

/// <summary>
/// The digest as a person makes one: real feeds stored, a draft built for the days they cover, the recap edited,
/// the draft published, then found in the archive (search) and in the Atom feed with the edited recap.
/// </summary>
public sealed class DigestInBrowserTests(Harness.Browser browser)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_draft_is_built_edited_published_and_found_in_the_archive_and_the_feed()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Modelwatch:News:Digest:Daily"] = "false",
        });
        var contexts = app.Services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>();
        foreach (var name in new[] { "ai__olshansk_ollama.xml", "ai__olshansk_mistral.xml" })
        {
            var address = new Uri("https://feeds.example/" + name);
            await using var db = await contexts.CreateDbContextAsync(Cancel);
            var added = await new NewsSourceStore(db, TimeProvider.System).AddAsync([new NewsSourceInput(name, NewsSourceKind.Feed, address)], Cancel);
            var document = FeedReader.Read(await File.ReadAllBytesAsync(SharedData.File("data/feeds/" + name), Cancel), address);
            await new NewsIngest(db, TimeProvider.System).IngestAsync(added.Added.Single().Id, document, Cancel);
        }

        // The 31 days up to the newest item; its counts and addresses, straight from the tables.
        DateOnly last;
        int items;
        HashSet<string> urls;
        await using (var db = await contexts.CreateDbContextAsync(Cancel))
        {
            last = DateOnly.FromDateTime((await db.NewsItems.MaxAsync(i => i.PublishedAt, Cancel)).UtcDateTime);
            var from = new DateTimeOffset(last.AddDays(-30).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var to = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            items = await db.NewsItems.CountAsync(i => i.PublishedAt >= from && i.PublishedAt < to, Cancel);
            urls = [.. (await db.NewsItems.Where(i => i.Url != null).Select(i => i.Url!).ToListAsync(Cancel)).Select(u => new Uri(u).AbsoluteUri)];
        }

        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/news/digest");
        await page.Locator("#digest-from").FillAsync(last.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#digest-to").FillAsync(last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#digest-language").SelectOptionAsync("en");
        await page.Locator("#digest-generate-submit").ClickAsync();

        await page.WaitForURLAsync("**/news/digest/*");
        var id = long.Parse(page.Url.Split('/')[^1], CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("#digest-status")).ToHaveAttributeAsync("data-status", "Draft");
        await Assertions.Expect(page.Locator("#digest-header")).ToHaveAttributeAsync("data-items", items.ToString(CultureInfo.InvariantCulture));
        var links = page.Locator(".digest-bullet a[data-item-id]");
        Assert.True(await links.CountAsync() > 0);
        foreach (var href in await links.EvaluateAllAsync<string[]>("links => links.map(a => a.href)"))
        {
            Assert.Contains(href, urls);
        }

        await Screenshots.SaveAsync(page, "digest-draft");

        const string Recap = "- Edited by a person: Ollama and Mistral shipped models this month. [Ollama](<https://ollama.com/blog>)";
        await page.Locator("#digest-recap-text").FillAsync(Recap);
        await page.Locator("#digest-recap-save").ClickAsync();
        await Assertions.Expect(page.Locator("#digest-recap")).ToContainTextAsync("Edited by a person");
        await Assertions.Expect(page.Locator("#digest-recap")).ToHaveAttributeAsync("data-edited", "true");
        Assert.Equal("https://ollama.com/blog", await page.Locator("#digest-recap a").First.GetAttributeAsync("href"));

        await page.Locator("#digest-publish").ClickAsync();
        await Assertions.Expect(page.Locator("#digest-status")).ToHaveAttributeAsync("data-status", "Published");
        await Assertions.Expect(page.Locator("#digest-recap-form")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "digest-published");

        // The archive finds it by the words of the edited recap, and not under a theme it lacks.
        await page.GotoAsync("/news/digest/archive");
        await page.Locator("#archive-search").FillAsync("edited by a person");
        await page.Locator("#archive-submit").ClickAsync();
        await Assertions.Expect(page.Locator($"li[data-digest-id='{id}']")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "digest-archive");
        await page.GotoAsync("/news/digest/archive?search=no-such-words-anywhere");
        await Assertions.Expect(page.Locator("#archive-empty")).ToBeVisibleAsync();

        // The Atom feed carries it, with the edited recap and a link back to its page.
        var response = await page.APIRequest.GetAsync("/api/news/digests/feed.atom");
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/atom+xml", response.Headers["content-type"], StringComparison.Ordinal);
        var feed = XDocument.Parse(await response.TextAsync());
        var entry = Assert.Single(feed.Root!.Elements(Atom + "entry"));
        Assert.Equal($"tag:modelwatch,2026:digest/{id}", entry.Element(Atom + "id")!.Value);
        Assert.Contains("Edited by a person", entry.Element(Atom + "content")!.Value, StringComparison.Ordinal);
        Assert.EndsWith($"/news/digest/{id}", entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value, StringComparison.Ordinal);
    }
}
