using Microsoft.Playwright;
using Modelwatch.Web.Browser.Tests.Harness;

namespace Modelwatch.Web.Browser.Tests.Features.Evals;

/// <summary>A blind human vote: two answers without names, the arena's four buttons, then the names revealed.</summary>
public sealed class EvalVoteInBrowserTests(Harness.Browser browser)
{
    [Fact]
    public async Task The_pair_hides_the_models_until_the_vote_then_names_them()
    {
        await using var site = await EvalSite.StartAsync(prompts: 2);
        var runner = site.App.Services.GetService(typeof(Modelwatch.Web.Features.Evals.EvalRunQueue)) as Modelwatch.Web.Features.Evals.EvalRunQueue;
        runner!.Start(site.RunId);
        await runner.WaitAsync(site.RunId).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        var page = await browser.NewPageAsync(site.App.BaseAddress);
        await page.GotoAsync($"/evals/runs/{site.RunId}/vote");
        await Assertions.Expect(page.Locator("#vote-pair")).ToBeVisibleAsync();
        // Blind: the page names no model (the answers' own signatures are the test's way to know who wrote them).
        var shown = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("fake/", shown, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#vote-revealed").CountAsync());
        var authorA = EvalSite.Author(await page.Locator("#vote-answer-a").InnerTextAsync());
        var authorB = EvalSite.Author(await page.Locator("#vote-answer-b").InnerTextAsync());
        Assert.NotEqual(authorA, authorB);
        var first = (await page.Locator("#vote-pair").GetAttributeAsync("data-prompt"), new[] { authorA, authorB }.Order().ToList());
        await Assertions.Expect(page.Locator("#vote-a, #vote-b, #vote-tie, #vote-bothbad")).ToHaveCountAsync(4);
        await Screenshots.SaveAsync(page, "eval-vote-blind");

        await page.Locator("#vote-b").ClickAsync();
        await Assertions.Expect(page.Locator("#vote-revealed")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#vote-revealed")).ToHaveAttributeAsync("data-choice", "B");
        await Assertions.Expect(page.Locator("#revealed-a")).ToHaveAttributeAsync("data-label", EvalSite.Label(authorA));
        await Assertions.Expect(page.Locator("#revealed-b")).ToHaveAttributeAsync("data-label", EvalSite.Label(authorB));
        await Screenshots.SaveAsync(page, "eval-vote-revealed");

        // The next pair is another one, blind again.
        await page.Locator("#vote-next").ClickAsync();
        await Assertions.Expect(page.Locator("#vote-pair")).ToBeVisibleAsync();
        var nextAuthors = new[] { EvalSite.Author(await page.Locator("#vote-answer-a").InnerTextAsync()), EvalSite.Author(await page.Locator("#vote-answer-b").InnerTextAsync()) };
        var next = (await page.Locator("#vote-pair").GetAttributeAsync("data-prompt"), nextAuthors.Order().ToList());
        Assert.NotEqual(nextAuthors[0], nextAuthors[1]);
        Assert.False(first.Item1 == next.Item1 && first.Item2.SequenceEqual(next.Item2), "the pair just voted on was offered again");
        Assert.DoesNotContain("fake/", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }
}
