using Microsoft.Playwright;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Browser.Tests.Harness;

namespace Modelwatch.Web.Browser.Tests.Features;

public sealed class LeaderboardPageTests(Harness.Browser browser, SeededSite site)
{
    [Fact]
    public async Task The_top_rows_and_intervals_equal_the_cli_board_for_the_same_category()
    {
        var expected = await CliReference.RankAsync(SeededData.VotesFile, "--category", "hard_6");
        var page = await browser.NewPageAsync(site.App.BaseAddress);

        await page.GotoAsync("/?category=hard_6");
        var rows = page.Locator("#leaderboard tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(expected.Count);

        for (var i = 0; i < 10; i++)
        {
            var row = rows.Nth(i);
            Assert.Equal(expected[i].Model, await row.GetAttributeAsync("data-model"));
            var rating = (await row.Locator("td.rating").InnerTextAsync()).Trim();
            Assert.Equal(Math.Round(expected[i].Rating).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), rating);
            var interval = (await row.Locator("td.interval").InnerTextAsync()).Trim();
            Assert.Equal($"+{Math.Round(expected[i].Upper - expected[i].Rating):0} / \u2212{Math.Round(expected[i].Rating - expected[i].Lower):0}", interval);
        }

        await Screenshots.SaveAsync(page, "leaderboard-hard_6");
    }
}
