using Microsoft.Playwright;
using Modelwatch.Core.Catalog;
using Modelwatch.Data;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Browser.Tests.Harness;
using Modelwatch.Web.Browser.Tests.Pages;

namespace Modelwatch.Web.Browser.Tests.Features;

/// <summary>
/// A first start as a person meets it: an empty database shows how to import; the 140k votes and a catalog source
/// are imported with the upload forms, the job page shows progress until done, and the leaderboard then has the
/// CLI's board with catalog facts beside it.
/// </summary>
public sealed class ImportInBrowserTests(Harness.Browser browser)
{
    [Fact]
    public async Task Votes_and_a_catalog_source_imported_from_the_browser_give_the_clis_board()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var page = await browser.NewPageAsync(app.BaseAddress);

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#getting-started")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "first-start");

        var sources = new SourcesPage(page);
        await sources.OpenAsync();
        Assert.Equal("succeeded", await sources.ImportVotesAsync(SeededData.VotesFile, "arena-browser"));
        await Screenshots.SaveAsync(page, "import-votes-job");

        await sources.OpenAsync();
        var modelsDev = SeededData.CatalogFixtures().Single(f => f.Source == CatalogSources.ModelsDev).Path;
        Assert.Equal("succeeded", await sources.ImportCatalogAsync(CatalogSources.ModelsDev, modelsDev));

        // LMArena's board file names the arena keys the votes use, and links them to models.dev's models.
        await sources.OpenAsync();
        var board = Path.Combine(SeededData.CatalogFixtures().Single(f => f.Source == CatalogSources.LmArena).Path, "leaderboard-text.json");
        Assert.Equal("succeeded", await sources.ImportCatalogAsync(CatalogSources.LmArena, board, SeededData.CatalogAsOf));

        await sources.OpenAsync();
        await Assertions.Expect(page.Locator("#vote-datasets tr[data-dataset='arena-browser']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#catalog-sources tr[data-source='models.dev']")).ToHaveAttributeAsync("data-status", "ok");
        await Screenshots.SaveAsync(page, "sources");

        var expected = await CliReference.RankAsync(SeededData.VotesFile);
        var leaderboard = new LeaderboardPage(page);
        await leaderboard.OpenAsync();
        await Assertions.Expect(leaderboard.Rows).ToHaveCountAsync(expected.Count);
        Assert.Equal(expected.Select(r => r.Model).Take(5), (await leaderboard.ModelsAsync()).Take(5));
        Assert.True(await page.Locator("#leaderboard tbody tr a[href^='/models/']").CountAsync() > expected.Count / 2, "most rows link to a catalog model after the models.dev and LMArena imports");
    }
}
