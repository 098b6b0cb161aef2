using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News;
using Modelwatch.Data;
using Modelwatch.Data.News;
using Modelwatch.Testing;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Providers;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.News;

namespace Modelwatch.Web.Tests.Features.News;

public sealed class NewsStoriesPageTests
{
    private static readonly string[] Feeds = ["ai__olshansk_anthropic_news.xml", "ai__olshansk_mistral.xml", "ai__olshansk_openai_research.xml", "ai__olshansk_ollama.xml"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Sync_now_fetches_the_sources_with_progress_and_the_pages_show_stories_tags_mutes_and_model_news(DatabaseProvider provider)
    {
        var folder = Path.GetDirectoryName(SharedData.File("data/feeds/PROVENANCE.tsv"))!;
        await using var server = await LoopbackFeedServer.StartAsync(folder);
        await using var app = await WebApp.StartSeededAsync(provider, NewsSourcesPageTests.Unscheduled);
        foreach (var file in Feeds)
        {
            using var added = await app.Client.PostAsJsonAsync("api/news/sources", new NewsApi.AddSourceRequest(NewsSourceKind.LabBlog, file, server.Feed(file).AbsoluteUri, null, "Labs", null), Cancel);
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        using (var failing = await app.Client.PostAsJsonAsync("api/news/sources", new NewsApi.AddSourceRequest(NewsSourceKind.Feed, "failing", server.Failing("x.xml").AbsoluteUri, null, null, null), Cancel))
        {
            Assert.Equal(HttpStatusCode.Created, failing.StatusCode);
        }

        // A mute rule before the fetch: Claude posts are kept but hidden unless asked for.
        var token = NewsSourcesPageTests.Token(await app.Client.GetStringAsync("news/sources", Cancel));
        using (var rule = await NewsSourcesPageTests.PostFormAsync(app, "AddRule", token, ("pattern", "Claude"), ("action", "Mute")))
        {
            Assert.Equal(HttpStatusCode.Redirect, rule.StatusCode);
        }

        using (var started = await app.Client.PostAsJsonAsync("api/news/sync", new NewsApi.SyncRequest(null), Cancel))
        {
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        }

        var state = await WaitAsync(app);
        Assert.Null(state.Error);
        Assert.Equal((5, 5, 1), (state.Done, state.Total, state.Failed));
        await using var db = app.Database.CreateContext();
        Assert.Equal(await db.NewsItems.CountAsync(Cancel), state.ItemsNew);
        Assert.True(state.ItemsNew > 0);

        // Stories: muted ones only on request; a tag filter returns only stories with that tag.
        var visible = await app.Client.GetFromJsonAsync<StoryListPage>("api/news/stories?pageSize=1000", Cancel);
        var all = await app.Client.GetFromJsonAsync<StoryListPage>("api/news/stories?pageSize=1000&muted=true", Cancel);
        Assert.Equal(await db.NewsStories.CountAsync(s => !s.Muted, Cancel), visible!.Total);
        Assert.Equal(await db.NewsStories.CountAsync(Cancel), all!.Total);
        var mutedStories = await db.NewsStories.Where(s => s.Muted).Select(s => s.Id).ToListAsync(Cancel);
        Assert.NotEmpty(mutedStories);
        Assert.DoesNotContain(visible.Rows, r => mutedStories.Contains(r.Id));
        Assert.All(await db.NewsItems.Where(i => i.Title.Contains("Claude")).ToListAsync(Cancel), i => Assert.True(i.Muted, i.Title));
        var release = await app.Client.GetFromJsonAsync<StoryListPage>("api/news/stories?pageSize=1000&tag=release", Cancel);
        Assert.Equal(await db.NewsStories.CountAsync(s => !s.Muted && (s.Tags & NewsTags.Release) == NewsTags.Release, Cancel), release!.Total);
        Assert.All(release.Rows, r => Assert.True(r.Tags.HasFlag(NewsTags.Release)));
        using (var badTag = await app.Client.GetAsync("api/news/stories?tag=gossip", Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badTag.StatusCode);
            Assert.Contains("gossip", await badTag.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        var page = await app.Client.GetStringAsync("news", Cancel);
        Assert.Contains($"data-story=\"{visible.Rows[0].Id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-story=\"{mutedStories[0]}\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-story=\"{mutedStories[0]}\"", await app.Client.GetStringAsync("news?muted=true&page=1", Cancel) + await AllPagesAsync(app, all.Total), StringComparison.Ordinal);

        // A story page lists every item of the story.
        var story = visible.Rows[0];
        var storyPage = await app.Client.GetStringAsync($"news/stories/{story.Id}", Cancel);
        var itemIds = await db.NewsItems.Where(i => i.StoryId == story.Id).Select(i => i.Id).ToListAsync(Cancel);
        Assert.All(itemIds, id => Assert.Contains($"data-item=\"{id}\"", storyPage, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("news/stories/999999999", Cancel)).StatusCode);

        // The sources page shows the failing source's status and error history.
        var sources = await NewsSourcesPageTests.SourcesAsync(app);
        var failed = Assert.Single(sources, s => s.Status == nameof(NewsSourceStatus.Failing));
        Assert.Equal("failing", failed.Name);
        Assert.Equal(nameof(NewsFetchOutcome.HttpError), Assert.Single(failed.History).Outcome);
        var sourcesPage = await app.Client.GetStringAsync("news/sources", Cancel);
        Assert.Contains($"data-source=\"{failed.Id}\" data-status=\"Failing\"", sourcesPage, StringComparison.Ordinal);
        Assert.Contains("data-outcome=\"HttpError\"", sourcesPage, StringComparison.Ordinal);

        // A model the news mentions lists the item on its page.
        var mention = await db.NewsItemEntities.Where(e => e.Kind == NewsEntityKind.Model)
            .Join(db.NewsItems.Where(i => !i.Muted), e => e.ItemId, i => i.Id, (e, i) => new { e.EntityId, e.ItemId })
            .OrderBy(e => e.ItemId).FirstAsync(Cancel);
        var modelPage = await app.Client.GetStringAsync($"models/{mention.EntityId}", Cancel);
        Assert.Contains("id=\"model-news\"", modelPage, StringComparison.Ordinal);
        var news = await app.Client.GetFromJsonAsync<List<StoryItem>>($"api/news/models/{mention.EntityId}", Cancel);
        Assert.All(news!, n => Assert.Contains($"data-item=\"{n.Id}\"", modelPage, StringComparison.Ordinal));
        Assert.NotEmpty(news!);
        var linked = await db.NewsItemEntities.Where(e => e.Kind == NewsEntityKind.Model && e.EntityId == mention.EntityId).Select(e => e.ItemId).ToListAsync(Cancel);
        Assert.All(news!, n => Assert.Contains(n.Id, linked));
    }

    private static async Task<string> AllPagesAsync(WebApp app, int total)
    {
        var pages = new List<string>();
        for (var p = 2; (p - 1) * IndexModel.PageSize < total; p++)
        {
            pages.Add(await app.Client.GetStringAsync($"news?muted=true&page={p}", Cancel));
        }

        return string.Concat(pages);
    }

    private static async Task<NewsSyncState> WaitAsync(WebApp app)
    {
        for (var i = 0; i < 600; i++)
        {
            var state = await app.Client.GetFromJsonAsync<NewsSyncState>("api/news/sync", Cancel);
            if (state is { Running: false, StartedAt: not null })
            {
                return state;
            }

            await Task.Delay(200, Cancel);
        }

        throw new TimeoutException("the sync did not finish in two minutes");
    }
}
