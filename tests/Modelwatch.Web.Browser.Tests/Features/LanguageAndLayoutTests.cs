using Microsoft.Playwright;
using Modelwatch.Web.Browser.Tests.Harness;

namespace Modelwatch.Web.Browser.Tests.Features;

/// <summary>The interface in each language, at phone width, and by keyboard.</summary>
public sealed class LanguageAndLayoutTests(Harness.Browser browser, SeededSite site)
{
    [Fact]
    public async Task A_korean_browser_gets_korean_pages_and_the_switch_turns_them_english()
    {
        var page = await browser.NewPageAsync(site.App.BaseAddress, new BrowserNewContextOptions { Locale = "ko-KR" });

        await page.GotoAsync("/");
        Assert.Equal("ko", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("header nav")).ToContainTextAsync("리더보드");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("리더보드");
        await Screenshots.SaveAsync(page, "leaderboard-ko");

        await page.Locator("#language-choice").SelectOptionAsync("en");
        await page.ClickAndWaitForNewPageAsync(page.Locator("form.language button[type=submit]"));
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Leaderboard");
        await Screenshots.SaveAsync(page, "leaderboard-en");
    }

    [Fact]
    public async Task At_phone_width_the_page_does_not_scroll_sideways_and_the_table_scrolls_in_its_box()
    {
        var page = await browser.NewPageAsync(site.App.BaseAddress, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });

        await page.GotoAsync("/");
        var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var wide = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.table-wrap, figure.plot')).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + (typeof e.className === 'string' ? e.className : e.className.baseVal))");
        Assert.True(pageWidth <= 390, $"the page is {pageWidth}px wide on a 390px screen; too wide: {string.Join(", ", wide)}");
        var table = await page.EvaluateAsync<int[]>("() => { const w = document.querySelector('.table-wrap'); return [w.clientWidth, w.scrollWidth]; }");
        Assert.True(table[1] > table[0], "the wide table scrolls inside its box");
        await Screenshots.SaveAsync(page, "leaderboard-phone");
    }

    [Fact]
    public async Task The_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content()
    {
        var page = await browser.NewPageAsync(site.App.BaseAddress);
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }
}
