using Microsoft.Playwright;
using Modelwatch.Data;
using Modelwatch.Testing.Providers;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Browser.Tests.Harness;
using Modelwatch.Web.Browser.Tests.Pages;

namespace Modelwatch.Web.Browser.Tests.Features.Arena;

/// <summary>
/// A whole blind battle as a person plays it: a prompt, both answers streaming in side by side, a vote, the reveal
/// with both models' names and speeds.
/// </summary>
public sealed class ArenaBattleInBrowserTests(Harness.Browser browser)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Slow = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_blind_battle_streams_both_answers_and_the_vote_reveals_the_models()
    {
        await using var openAi = await FakeOpenAiServer.StartNewAsync();
        await using var anthropic = await FakeAnthropicServer.StartNewAsync();
        // The app also reads the fake's model list: one model there and one at the Anthropic fake make exactly two.
        openAi.Models = ["fake-small"];
        openAi.PieceDelay = TimeSpan.FromMilliseconds(50);
        anthropic.PieceDelay = TimeSpan.FromMilliseconds(50);
        // Signed with a code word: an answer that names its model is an identity leak and its vote would not count.
        openAi.Answer = _ => ["## ", "Ava", "\n\n", "- one\n", "- **two**\n", "- three\n"];
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Modelwatch:Arena:Providers:0:Name"] = "openai-fake",
            ["Modelwatch:Arena:Providers:0:BaseUrl"] = openAi.BaseUrl.ToString(),
            ["Modelwatch:Arena:Providers:0:Models:0"] = "fake-small",
            ["Modelwatch:Arena:Providers:1:Name"] = "anthropic-fake",
            ["Modelwatch:Arena:Providers:1:Kind"] = "Anthropic",
            ["Modelwatch:Arena:Providers:1:BaseUrl"] = anthropic.Root.ToString(),
            ["Modelwatch:Arena:Providers:1:ApiKey"] = "sk-ant-test",
            ["Modelwatch:Arena:Providers:1:Models:0"] = FakeAnthropicServer.Model,
        });
        var page = await browser.NewPageAsync(app.BaseAddress);

        await page.GotoAsync("/arena");
        await page.Locator("#arena-prompt").FillAsync("Name three things.");
        await page.Locator("#arena-send").ClickAsync();

        // Both sides stream: while streaming, the vote buttons stay disabled.
        await Assertions.Expect(page.Locator("#answer-a")).ToHaveAttributeAsync("data-state", "streaming");
        await Assertions.Expect(page.Locator("#vote-a")).ToBeDisabledAsync();
        // Waits for work (two streams, a vote) get more than Playwright's 5 s: the full suite runs test projects in
        // parallel on two cores, where the first battle (model listing, JIT) has taken longer.
        await Assertions.Expect(page.Locator("#answer-a")).ToHaveAttributeAsync("data-state", "done", Slow);
        await Assertions.Expect(page.Locator("#answer-b")).ToHaveAttributeAsync("data-state", "done", Slow);
        var answers = new[] { await page.Locator("#answer-a").InnerTextAsync(), await page.Locator("#answer-b").InnerTextAsync() };
        Assert.Contains(answers, a => a.Contains("Bonjour le monde!", StringComparison.Ordinal));
        Assert.Contains(answers, a => a.Contains("Ava", StringComparison.Ordinal));
        // The markdown was rendered by the server (a heading and a bold list item), not shown raw.
        Assert.Equal(1, await page.Locator("#answer-a h2, #answer-b h2").CountAsync());
        Assert.Equal(1, await page.Locator("#answer-a li strong, #answer-b li strong").CountAsync());
        await Screenshots.SaveAsync(page, "arena-answers");

        await Assertions.Expect(page.Locator("#vote-a")).ToBeEnabledAsync();
        await page.Locator("#vote-a").ClickAsync();
        await Assertions.Expect(page.Locator("#reveal")).ToBeVisibleAsync(new() { Timeout = Slow.Timeout });
        var names = new[]
        {
            await page.Locator("#reveal [data-side=a] .model-name").InnerTextAsync(),
            await page.Locator("#reveal [data-side=b] .model-name").InnerTextAsync(),
        };
        Assert.Equal(["anthropic-fake/claude-fake-1", "openai-fake/fake-small"], names.Order());
        var fakeSide = answers[0].Contains("Ava", StringComparison.Ordinal) ? "a" : "b";
        Assert.Equal("openai-fake/fake-small", await page.Locator($"#reveal [data-side={fakeSide}] .model-name").InnerTextAsync());
        await Assertions.Expect(page.Locator("#reveal [data-side=a] .model-stats")).ToContainTextAsync("tok/s");
        await Assertions.Expect(page.Locator("#reveal-verdict")).ToHaveAttributeAsync("data-counted", "true");
        await Screenshots.SaveAsync(page, "arena-reveal");

        // The vote is on the arena's own board at once: both models, one vote each.
        var board = new LeaderboardPage(page);
        await board.OpenAsync("?dataset=arena");
        Assert.Equal(["anthropic-fake/claude-fake-1", "openai-fake/fake-small"], (await board.ModelsAsync()).Order());
        await Assertions.Expect(board.Rows.First.Locator("td.votes")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#board-meta")).ToContainTextAsync("arena");
        await Screenshots.SaveAsync(page, "arena-board");
    }
}
