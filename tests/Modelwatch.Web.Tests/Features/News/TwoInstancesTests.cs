using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Core.News;
using Modelwatch.Data;
using Modelwatch.Data.News.Store;
using Modelwatch.Testing;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Providers;
using Modelwatch.Testing.Web;

namespace Modelwatch.Web.Tests.Features.News;

/// <summary>
/// Two copies of the app on one PostgreSQL database, each with its own in-memory Quartz scheduler firing at start:
/// the sources' leases in the database make each source fetched by one of them, once.
/// </summary>
public sealed class TwoInstancesTests
{
    private static readonly string[] Feeds = ["ai__olshansk_anthropic_news.xml", "ai__olshansk_mistral.xml", "ai__olshansk_openai_research.xml", "ai__olshansk_ollama.xml", "nnw__qemu_relative_links.atom", "nnw__daringfireball.jsonfeed.json"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_scheduled_app_instances_on_one_postgresql_fetch_each_source_once()
    {
        var folder = Path.GetDirectoryName(SharedData.File("data/feeds/PROVENANCE.tsv"))!;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, Cancel);
        await using var server = await LoopbackFeedServer.StartAsync(folder);
        await using (var db = database.CreateContext())
        {
            await new NewsSourceStore(db, TimeProvider.System).AddAsync(Feeds.Select(f => new NewsSourceInput(f, NewsSourceKind.Feed, server.Feed(f))), Cancel);
        }

        await using var one = new Instance(database.Options, "instance-one");
        await using var two = new Instance(database.Options, "instance-two");
        _ = one.Services;
        _ = two.Services;

        // Both schedulers start now; wait until every source has been fetched.
        await using (var db = database.CreateContext())
        {
            for (var i = 0; i < 300 && await db.NewsSources.AnyAsync(s => s.LastFetchedAt == null, Cancel); i++)
            {
                await Task.Delay(200, Cancel);
            }

            Assert.False(await db.NewsSources.AnyAsync(s => s.LastFetchedAt == null, Cancel), "not every source was fetched within a minute");
            Assert.Equal(Feeds.Length, await db.NewsFetchLogs.CountAsync(Cancel));
        }

        Assert.All(Feeds, f => Assert.Equal(1, server.Requests("/feeds/" + f)));
    }

    /// <summary>The app on a given database (the shared WebApp makes its own), scheduled, loopback-only outbound HTTP.</summary>
    private sealed class Instance(DatabaseOptions database, string name) : WebApplicationFactory<Program>
    {
        private readonly string _keyRing = Path.Combine(Path.GetTempPath(), "modelwatch-test-keys-" + Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Modelwatch:Database", database.ConnectionString);
            builder.UseSetting("Modelwatch:Arena:KeyRingDirectory", _keyRing);
            builder.UseSetting("Modelwatch:News:Fetch:Scheduled", "true");
            builder.UseSetting("Modelwatch:News:Fetch:InstanceName", name);
            builder.UseSetting("Modelwatch:News:Fetch:Parallelism", "2");
            builder.ConfigureServices(s => s.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => new LoopbackOnlyHandler())));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(_keyRing))
            {
                Directory.Delete(_keyRing, recursive: true);
            }
        }
    }
}
