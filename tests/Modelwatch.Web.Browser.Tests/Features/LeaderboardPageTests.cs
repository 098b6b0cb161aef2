using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Browser.Tests.Harness;
using Modelwatch.Web.Browser.Tests.Pages;
using Modelwatch.Web.Features.Leaderboard;

namespace Modelwatch.Web.Browser.Tests.Features;

/// <summary>
/// The walk through the leaderboard in Chromium, on the 140k votes and the catalog fixtures: the top rows and
/// intervals equal the CLI's for the same category, a category switch and the open-weights filter work from the form.
/// </summary>
public sealed class LeaderboardPageTests(Harness.Browser browser, SeededSite site)
{
    private const int TopRows = 10;

    [Fact]
    public async Task Top_rows_equal_the_cli_board_then_a_category_switch_and_the_open_weights_filter_work()
    {
        var board = new LeaderboardPage(await browser.NewPageAsync(site.App.BaseAddress));

        await board.OpenAsync();
        await ExpectTopRowsAsync(board, await CliReference.RankAsync(SeededData.VotesFile, "--category", "full"));
        await Screenshots.SaveAsync(board.Page, "leaderboard-full");

        await board.ChooseCategoryAsync("hard_6");
        Assert.Contains("category=hard_6", board.Page.Url, StringComparison.Ordinal);
        var hard = await CliReference.RankAsync(SeededData.VotesFile, "--category", "hard_6");
        await ExpectTopRowsAsync(board, hard);
        await Screenshots.SaveAsync(board.Page, "leaderboard-hard_6");

        await board.OnlyOpenWeightsAsync();
        var shown = await board.ModelsAsync();
        var cards = await site.App.Services.GetRequiredService<ArenaModelLinks>().ForVoteNamesAsync([.. hard.Select(r => r.Model)], TestContext.Current.CancellationToken);
        var openWeights = hard.Where(r => cards.TryGetValue(r.Model, out var card) && card.OpenWeights).Select(r => r.Model).ToList();
        Assert.NotEmpty(openWeights);
        Assert.True(openWeights.Count < hard.Count, "the filter must remove someone for this test to mean anything");
        Assert.Equal(openWeights.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        await Screenshots.SaveAsync(board.Page, "leaderboard-hard_6-open-weights");
    }

    /// <summary>The first rows show the CLI's models, ratings and intervals, rounded as the page rounds them.</summary>
    private static async Task ExpectTopRowsAsync(LeaderboardPage board, IReadOnlyList<CliRow> expected)
    {
        await Assertions.Expect(board.Rows).ToHaveCountAsync(expected.Count);
        for (var i = 0; i < TopRows; i++)
        {
            var row = board.Rows.Nth(i);
            Assert.Equal(expected[i].Model, await row.GetAttributeAsync("data-model"));
            Assert.Equal(Math.Round(expected[i].Rating).ToString("N0", CultureInfo.InvariantCulture), (await row.Locator("td.rating").InnerTextAsync()).Trim());
            var interval = $"+{Math.Round(expected[i].Upper - expected[i].Rating):0} / \u2212{Math.Round(expected[i].Rating - expected[i].Lower):0}";
            Assert.Equal(interval, (await row.Locator("td.interval").InnerTextAsync()).Trim());
        }
    }
}
