using System.Globalization;
using Microsoft.Playwright;
using Modelwatch.Web.Browser.Tests.Harness;

namespace Modelwatch.Web.Browser.Tests.Features;

/// <summary>
/// The pages beyond the leaderboard, reached as a person would (by following links from the board), each kept as a
/// screenshot, and each usable at phone width.
/// </summary>
public sealed class CatalogPagesTests(Harness.Browser browser, SeededSite site)
{
    [Fact]
    public async Task A_model_page_opened_from_the_board_shows_its_facts_prices_and_ratings()
    {
        var page = await browser.NewPageAsync(site.App.BaseAddress);
        await page.GotoAsync("/");
        var link = page.Locator("#leaderboard tbody tr a[href^='/models/']").First;
        var modelId = (await link.GetAttributeAsync("href"))!["/models/".Length..];

        await page.ClickAndWaitForNewPageAsync(link);

        Assert.EndsWith("/models/" + modelId, page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("#facts tbody tr").CountAsync() > 5, "the model page lists the catalog's facts");
        Assert.True(await page.Locator("#facts tr.winner").CountAsync() > 0, "the winning claim of each field is marked");
        await Assertions.Expect(page.Locator("#offerings")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#ratings")).ToContainTextAsync("full");
        await Screenshots.SaveAsync(page, "model");
    }

    [Fact]
    public async Task Compare_shows_two_board_models_side_by_side_with_the_predicted_win_probability()
    {
        var page = await browser.NewPageAsync(site.App.BaseAddress);
        await page.GotoAsync("/");
        var ids = await page.Locator("#leaderboard tbody tr[data-model-id]:not([data-model-id=''])")
            .EvaluateAllAsync<string[]>("rows => rows.slice(0, 2).map(r => r.dataset.modelId)");
        var ratings = await page.Locator("#leaderboard tbody tr[data-model-id]:not([data-model-id=''])")
            .EvaluateAllAsync<string[]>("rows => rows.slice(0, 2).map(r => r.querySelector('td.rating').innerText)");

        await page.GotoAsync($"/compare?m={Uri.EscapeDataString(ids[0])}&m={Uri.EscapeDataString(ids[1])}");

        await Assertions.Expect(page.Locator("#compare")).ToBeVisibleAsync();
        var predicted = (await page.Locator("#head-to-head td.predicted").First.InnerTextAsync()).Trim();
        var ra = double.Parse(ratings[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var rb = double.Parse(ratings[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var expected = 100 / (1 + Math.Pow(10, (rb - ra) / 400));
        var shown = double.Parse(predicted.TrimEnd('%'), CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(shown - expected) < 0.5, $"predicted {predicted}; from the board's rounded ratings {expected:F1}%");
        await Screenshots.SaveAsync(page, "compare");
    }

    [Theory]
    [InlineData("/benchmarks", "#benchmarks", "benchmarks")]
    [InlineData("/published", "#published", "published")]
    [InlineData("/sources", "#catalog-sources", "sources-seeded")]
    [InlineData("/models", "#models", "models")]
    public async Task Each_page_shows_its_table_and_fits_a_phone(string path, string table, string name)
    {
        var page = await browser.NewPageAsync(site.App.BaseAddress);
        await page.GotoAsync(path);
        Assert.True(await page.Locator(table + " tbody tr").CountAsync() > 0, $"{path} shows rows");
        await Screenshots.SaveAsync(page, name);

        var phone = await browser.NewPageAsync(site.App.BaseAddress, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true });
        await phone.GotoAsync(path);
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var wide = await phone.EvaluateAsync<string[]>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.table-wrap, figure.plot')).slice(0, 8).map(e => e.tagName + '#' + e.id)");
        Assert.True(width <= 390, $"{path} is {width}px wide on a 390px screen; too wide: {string.Join(", ", wide)}");
    }
}
