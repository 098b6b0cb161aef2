using Microsoft.Playwright;
using Modelwatch.Web.Browser.Tests.Harness;

namespace Modelwatch.Web.Browser.Tests.Pages;

/// <summary>The leaderboard page as a person uses it: the filter form, the table, the plots.</summary>
public sealed class LeaderboardPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Rows => Page.Locator("#leaderboard tbody tr");

    public Task OpenAsync(string query = "") => Page.GotoAsync("/" + query);

    /// <summary>Chooses a category in the filter form and applies it, as a person would (select, then the button).</summary>
    public async Task ChooseCategoryAsync(string category)
    {
        await Page.Locator("select#category").SelectOptionAsync(category);
        await ApplyAsync();
    }

    /// <summary>Ticks "open weights only" and applies the filter.</summary>
    public async Task OnlyOpenWeightsAsync()
    {
        await Page.Locator("#open-weights").CheckAsync();
        await ApplyAsync();
    }

    /// <summary>The models of the rows shown, in order.</summary>
    public async Task<IReadOnlyList<string>> ModelsAsync() =>
        [.. (await Rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.model)"))];

    private async Task ApplyAsync()
    {
        await Page.ClickAndWaitForNewPageAsync(Page.Locator("form.filters button[type=submit]"));
    }
}
