using Microsoft.Playwright;
using Modelwatch.Web.Browser.Tests.Harness;

namespace Modelwatch.Web.Browser.Tests.Features.Evals;

/// <summary>
/// An evaluation as a person follows it: Start on the run page, the progress polled until the run completes, the
/// LLM judge's board with its interval plot, the switch to one tag's board, and one prompt's drill-down with every
/// answer and both of the judge's orders with its reasoning.
/// </summary>
public sealed class EvalResultsInBrowserTests(Harness.Browser browser)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Slow = new() { Timeout = 120_000 };

    [Fact]
    public async Task A_run_started_in_the_page_shows_its_board_plot_tag_boards_and_drill_down()
    {
        await using var site = await EvalSite.StartAsync(prompts: 9);
        var page = await browser.NewPageAsync(site.App.BaseAddress);
        await page.GotoAsync($"/evals/runs/{site.RunId}");
        await Assertions.Expect(page.Locator("#run-status")).ToHaveAttributeAsync("data-status", "Draft");
        await Assertions.Expect(page.Locator("#llm-board-empty")).ToBeVisibleAsync();

        // Start: the page polls the progress and reloads when the run is done.
        await page.Locator("#run-start").ClickAsync();
        await Assertions.Expect(page.Locator("#run-status")).ToHaveAttributeAsync("data-status", "Completed", Slow);
        await Assertions.Expect(page.Locator("#answers-count")).ToHaveAttributeAsync("data-done", "27");
        await Assertions.Expect(page.Locator("#verdicts-count")).ToHaveAttributeAsync("data-done", "36");

        // All prompts: Alpha first; every model on the board and in the plot, each with an interval.
        var rows = page.Locator("#llm-board tbody tr");
        Assert.Equal([EvalSite.Label(EvalSite.Alpha), EvalSite.Label(EvalSite.Gamma), EvalSite.Label(EvalSite.Beta)], await Models(rows));
        await Assertions.Expect(page.Locator("#plot-llm-svg")).ToBeVisibleAsync();
        Assert.Equal(3, await page.Locator("#plot-llm-svg g.mark").CountAsync());
        Assert.Equal(3, await page.Locator("#llm-board td[data-lower][data-upper]").CountAsync());
        await Assertions.Expect(page.Locator("#model-stats tbody tr")).ToHaveCountAsync(3);
        await Screenshots.SaveAsync(page, "eval-results");

        // Writing prompts only: Beta is above the baseline there, and the baseline is last. Alpha and Beta never meet and
        // both win every writing game against the baseline, so the data does not order them: only the baseline's place
        // and Beta's rise above it are asserted (their order came out either way across runs).
        await page.Locator("#run-tags a[data-tag=writing]").ClickAsync();
        await Assertions.Expect(page.Locator("#board-scope")).ToHaveAttributeAsync("data-tag", "writing");
        var writing = await Models(rows);
        Assert.Equal(EvalSite.Label(EvalSite.Gamma), writing[^1]);
        Assert.Equal([EvalSite.Label(EvalSite.Alpha), EvalSite.Label(EvalSite.Beta)], writing[..2].Order(StringComparer.Ordinal));
        Assert.Equal(3, await page.Locator("#run-prompts li").CountAsync());
        await Screenshots.SaveAsync(page, "eval-results-writing");

        // One prompt: three answers, and each candidate judged against the baseline in both orders, reasoning shown.
        await page.Locator("#run-prompts li a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#prompt-answers article")).ToHaveCountAsync(3);
        var verdicts = page.Locator("#prompt-verdicts li");
        await Assertions.Expect(verdicts).ToHaveCountAsync(4);
        var orders = new List<(string A, string B)>();
        foreach (var v in await verdicts.AllAsync())
        {
            orders.Add(((await v.GetAttributeAsync("data-a"))!, (await v.GetAttributeAsync("data-b"))!));
            await Assertions.Expect(v.Locator(".reasoning")).ToContainTextAsync("My final verdict is");
        }

        foreach (var candidate in new[] { EvalSite.Alpha, EvalSite.Beta })
        {
            var label = EvalSite.Label(candidate);
            var baseline = EvalSite.Label(EvalSite.Gamma);
            Assert.Contains((label, baseline), orders);
            Assert.Contains((baseline, label), orders);
        }

        var answerTexts = await page.Locator("#prompt-answers article .answer-text").AllInnerTextsAsync();
        Assert.Equal([EvalSite.Alpha, EvalSite.Beta, EvalSite.Gamma], answerTexts.Select(EvalSite.Author).Order());
        await Screenshots.SaveAsync(page, "eval-prompt");
    }

    private static async Task<List<string>> Models(ILocator rows)
    {
        var models = new List<string>();
        foreach (var row in await rows.AllAsync())
        {
            models.Add((await row.GetAttributeAsync("data-model"))!);
        }

        return models;
    }
}
