using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Core.News;
using Modelwatch.Data;
using Modelwatch.Data.News.Store;
using Modelwatch.News.Digest;
using Modelwatch.News.Feeds;
using Modelwatch.Testing;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Providers;
using Modelwatch.Testing.Web;

namespace Modelwatch.Web.Tests.Features.News.Digest;

public sealed class DigestApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task A_draft_from_the_configured_model_is_served_as_json_markdown_email_and_once_published_atom(DatabaseProvider provider)
    {
        await using var model = await FakeOpenAiServer.StartNewAsync();
        model.Models = ["fake-small"];
        // Any answer that is not the JSON asked for: every summary is refused and TextRank's kept, with a note each.
        model.Answer = _ => ["no json here"];
        await using var app = await WebApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Modelwatch:Arena:Providers:0:Name"] = "fake",
            ["Modelwatch:Arena:Providers:0:BaseUrl"] = model.BaseUrl.ToString(),
            ["Modelwatch:Arena:Providers:0:Models:0"] = "fake-small",
            ["Modelwatch:Arena:Providers:0:MaxRetries"] = "0",
            ["Modelwatch:News:Summarizer:Provider"] = "fake",
            ["Modelwatch:News:Summarizer:Model"] = "fake-small",
            ["Modelwatch:News:Digest:Daily"] = "false",
        });
        var (from, to, items) = await IngestAsync(app, "ai__olshansk_ollama.xml");

        using var bad = await app.Client.PostAsJsonAsync("api/news/digests", new { from = to, to = from, language = "en" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("to: must be after from", await bad.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var created = await app.Client.PostAsJsonAsync("api/news/digests", new { from, to, language = "ko" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var summary = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Cancel)).RootElement;
        var id = summary.GetProperty("id").GetInt64();
        Assert.Equal(items, summary.GetProperty("items").GetInt32());
        Assert.Equal("fake/fake-small", summary.GetProperty("summarizedBy").GetString());
        Assert.True(model.ChatRequests > 0);

        var digest = JsonDocument.Parse(await app.Client.GetStringAsync($"api/news/digests/{id}", Cancel)).RootElement;
        var notes = digest.GetProperty("content").GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains(notes, n => n.Contains("not a JSON object", StringComparison.Ordinal));
        var markdown = await app.Client.GetStringAsync($"api/news/digests/{id}/markdown", Cancel);
        Assert.StartsWith("# AI 뉴스", markdown, StringComparison.Ordinal);
        var email = await app.Client.GetAsync($"api/news/digests/{id}/email", Cancel);
        Assert.Equal("text/html", email.Content.Headers.ContentType?.MediaType);

        // Drafts are not in the archive or the feed; published, they are.
        Assert.Equal(0, JsonDocument.Parse(await app.Client.GetStringAsync("api/news/digests", Cancel)).RootElement.GetProperty("total").GetInt32());
        Assert.Empty(XDocument.Parse(await app.Client.GetStringAsync("api/news/digests/feed.atom", Cancel)).Root!.Elements(XName.Get("entry", "http://www.w3.org/2005/Atom")));
        Assert.Equal(DigestChange.Done, await app.Services.GetRequiredService<DigestStore>().PublishAsync(id, Cancel));
        var list = JsonDocument.Parse(await app.Client.GetStringAsync("api/news/digests?tag=release", Cancel)).RootElement;
        Assert.Equal([id], list.GetProperty("digests").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        var feed = XDocument.Parse(await app.Client.GetStringAsync("api/news/digests/feed.atom", Cancel));
        Assert.Single(feed.Root!.Elements(XName.Get("entry", "http://www.w3.org/2005/Atom")));

        using var badTag = await app.Client.GetAsync("api/news/digests?tag=gossip", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, badTag.StatusCode);
        using var missing = await app.Client.GetAsync($"api/news/digests/{id + 100}/markdown", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>Stores a fixture feed; returns the 31 days up to its newest item and how many items they hold.</summary>
    private static async Task<(DateTimeOffset From, DateTimeOffset To, int Items)> IngestAsync(WebApp app, string name)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>();
        var address = new Uri("https://feeds.example/" + name);
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        var added = await new NewsSourceStore(db, TimeProvider.System).AddAsync([new NewsSourceInput(name, NewsSourceKind.LabBlog, address)], Cancel);
        var document = FeedReader.Read(await File.ReadAllBytesAsync(SharedData.File("data/feeds/" + name), Cancel), address);
        await new NewsIngest(db, TimeProvider.System).IngestAsync(added.Added.Single().Id, document, Cancel);
        var last = DateOnly.FromDateTime((await db.NewsItems.MaxAsync(i => i.PublishedAt, Cancel)).UtcDateTime);
        var from = new DateTimeOffset(last.AddDays(-30).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return (from, to, await db.NewsItems.CountAsync(i => i.PublishedAt >= from && i.PublishedAt < to, Cancel));
    }
}
