using Microsoft.Playwright;
using Modelwatch.Web.Browser.Tests.Harness;

namespace Modelwatch.Web.Browser.Tests.Features.Advisor;

/// <summary>The advisor page as a person uses it: the question form, the short list, the plot, the excluded models.</summary>
public sealed class AdvisorPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Picks => Page.Locator("#short-list li.pick");

    public ILocator TiedPicks => Page.Locator("#short-list li.pick[data-tied=true]");

    public ILocator Plot => Page.Locator("#plot-advisor svg");

    public ILocator PlotMarks => Plot.Locator("g.mark");

    public ILocator PickedMarks => Plot.Locator("g.mark.picked");

    public ILocator FrontMarks => Plot.Locator("g.mark.on-front");

    public ILocator Excluded => Page.Locator("#excluded");

    public Task OpenAsync() => Page.GotoAsync("/advisor");

    /// <summary>Chooses the use case and the weights, optionally ticks "must self-host", and asks, as a person would.</summary>
    public async Task AskAsync(string use, string qualityWeight, string priceWeight, int picks, bool selfHost = false)
    {
        await Page.Locator("select#use").SelectOptionAsync(use);
        await Page.Locator("#w-quality").FillAsync(qualityWeight);
        await Page.Locator("#w-price").FillAsync(priceWeight);
        await Page.Locator("#picks").FillAsync(picks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.Locator("#self-host").SetCheckedAsync(selfHost);
        await Page.ClickAndWaitForNewPageAsync(Page.Locator("#advise"));
    }

    /// <summary>The model ids of the picks shown, in order.</summary>
    public async Task<IReadOnlyList<string>> PickIdsAsync() =>
        [.. await Picks.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.modelId)")];

    /// <summary>The model ids of the marks matching <paramref name="marks"/>.</summary>
    public static async Task<IReadOnlyList<string>> IdsAsync(ILocator marks) =>
        [.. await marks.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.modelId)")];
}
