using Microsoft.Extensions.Time.Testing;
using Modelwatch.Core.News;
using Modelwatch.Core.News.Digest;
using Modelwatch.Data;
using Modelwatch.Data.News;
using Modelwatch.News.Digest;
using Modelwatch.Testing.Database;

namespace Modelwatch.News.Tests.Digest;

public sealed class DigestStoreTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task A_draft_is_edited_then_published_and_found_in_the_archive(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 6, 0, 0, TimeSpan.Zero));
        var store = new DigestStore(database.Contexts, time);
        var release = await store.SaveDraftAsync(Digest(new DateOnly(2026, 12, 2), NewsTags.Release, "lab:Mistral"), Cancel);
        var paper = await store.SaveDraftAsync(Digest(new DateOnly(2026, 12, 3), NewsTags.Paper, "model:qwen/qwen3"), Cancel);

        Assert.Equal(DigestChange.Done, await store.EditRecapAsync(release.Id, "- A person wrote this about [Mistral](<https://m.example/1>).\r\n", Cancel));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(DigestChange.Done, await store.PublishAsync(release.Id, Cancel));
        Assert.Equal(DigestChange.AlreadyPublished, await store.EditRecapAsync(release.Id, "too late", Cancel));
        Assert.Equal(DigestChange.AlreadyPublished, await store.PublishAsync(release.Id, Cancel));
        Assert.Equal(DigestChange.NotFound, await store.PublishAsync(release.Id + paper.Id + 10, Cancel));

        var stored = await store.GetAsync(release.Id, Cancel);
        Assert.NotNull(stored);
        Assert.Equal(NewsDigestStatus.Published, stored.Row.Status);
        Assert.Equal(time.GetUtcNow(), stored.Row.PublishedAt);
        Assert.True(stored.Row.RecapEdited);
        Assert.Equal("- A person wrote this about [Mistral](<https://m.example/1>).\n", stored.Row.Recap);
        Assert.Contains("A person wrote this", stored.Markdown, StringComparison.Ordinal);
        Assert.Equal(stored.Document.Bullets.Select(b => b.Links[0].Url), Digest(new DateOnly(2026, 12, 2), NewsTags.Release, "").Bullets.Select(b => b.Links[0].Url));

        // Only published digests are in the archive; search covers keywords, the tag filter flags.
        Assert.Equal([release.Id], (await store.ArchiveAsync(null, NewsTags.None, 1, 20, Cancel)).Digests.Select(d => d.Id));
        await store.PublishAsync(paper.Id, Cancel);
        Assert.Equal([paper.Id, release.Id], (await store.ArchiveAsync(null, NewsTags.None, 1, 20, Cancel)).Digests.Select(d => d.Id));
        Assert.Equal([paper.Id], (await store.ArchiveAsync(null, NewsTags.Paper, 1, 20, Cancel)).Digests.Select(d => d.Id));
        Assert.Equal([release.Id], (await store.ArchiveAsync("MISTRAL", NewsTags.None, 1, 20, Cancel)).Digests.Select(d => d.Id));
        Assert.Equal([release.Id], (await store.ArchiveAsync("person wrote", NewsTags.Release, 1, 20, Cancel)).Digests.Select(d => d.Id));
        Assert.Empty((await store.ArchiveAsync("qwen", NewsTags.Release, 1, 20, Cancel)).Digests);
        var paged = await store.ArchiveAsync(null, NewsTags.None, 2, 1, Cancel);
        Assert.Equal(2, paged.Total);
        Assert.Equal([release.Id], paged.Digests.Select(d => d.Id));
    }

    private static DigestDocument Digest(DateOnly day, NewsTags tag, string entity)
    {
        var window = DigestWindow.Day(day);
        var items = new[]
        {
            new DigestItem(1, 1, "Blog", "Headline one", new Uri("https://m.example/1"), "First sentence of the item is long enough. Second one too.", "en", window.From.AddHours(1), 2, false, null, 1),
            new DigestItem(2, 2, "Other", "Headline two", new Uri("https://o.example/2"), null, "en", window.From.AddHours(2), 1, false, null, 2),
        };
        var plan = DigestComposer.Plan(new DigestInput(window, "en", items, [new(1, "Headline one", tag, 2, false, entity.Length > 0 ? [entity] : []), new(2, "Headline two", tag, 1, false, [])]));
        return DigestComposer.Compose(plan, ExtractiveDigestSummarizer.Summarize(plan));
    }
}
