using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Modelwatch.Core.Advisor;
using Modelwatch.Core.Advisor.Parsing;
using Modelwatch.Data.Advisor;
using Modelwatch.Web.Browser.Tests.Harness;
using Modelwatch.Web.Features.Advisor;

namespace Modelwatch.Web.Browser.Tests.Features.Advisor;

/// <summary>
/// The advisor in Chromium on the 140k votes and the catalog fixtures: a person fills the form, asks, and sees the
/// service's short list in order, a tie shown as a tie, and the plot with the Pareto front and the picks marked.
/// </summary>
public sealed class AdvisorInBrowserTests(Harness.Browser browser, SeededSite site)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Asking_shows_the_short_list_a_tie_and_the_plot_with_the_front_and_the_picks()
    {
        // Asked of the service first: the expected answer, and the board's fit done before the page's time limit runs.
        var advisor = site.App.Services.GetRequiredService<AdvisorService>();
        var expected = await advisor.AdviseAsync(new AdvisorRequest { Weights = new AdvisorWeights(1, 0, 0), Picks = 10 }, Cancel);
        Assert.Contains(expected.Picks, p => p.Tied);

        var advice = new AdvisorPage(await browser.NewPageAsync(site.App.BaseAddress));
        await advice.OpenAsync();
        await Assertions.Expect(advice.Page.Locator("#advisor-form")).ToBeVisibleAsync();
        await Assertions.Expect(advice.Picks).ToHaveCountAsync(0);

        await advice.AskAsync("general", "1", "0", 10);
        Assert.Contains("w-price=0", advice.Page.Url, StringComparison.Ordinal);
        Assert.Equal(expected.Picks.Select(p => p.Candidate.ModelId), await advice.PickIdsAsync());

        // Ties: the tied picks show "=n" and say whom they are tied with.
        var tied = expected.Picks.Where(p => p.Tied).ToList();
        await Assertions.Expect(advice.TiedPicks).ToHaveCountAsync(tied.Count);
        foreach (var pick in tied)
        {
            var item = advice.Page.Locator($"#short-list li.pick[data-model-id='{pick.Candidate.ModelId}']");
            await Assertions.Expect(item.Locator(".position")).ToHaveTextAsync(AdvisorPlot.Position(pick));
            await Assertions.Expect(item.Locator(".tied-with")).ToBeVisibleAsync();
        }

        // The plot: one mark per drawable point, the front as a line through the front's marks, the picks ringed.
        var drawable = expected.Plot.Where(p => p.PricePerMillion > 0).ToList();
        await Assertions.Expect(advice.Plot).ToBeVisibleAsync();
        await Assertions.Expect(advice.PlotMarks).ToHaveCountAsync(drawable.Count);
        await Assertions.Expect(advice.Plot.Locator("polyline.front")).ToHaveCountAsync(1);
        Assert.Equal(drawable.Where(p => p.OnParetoFront).Select(p => p.ModelId).Order(StringComparer.Ordinal), (await AdvisorPage.IdsAsync(advice.FrontMarks)).Order(StringComparer.Ordinal));
        Assert.Equal(drawable.Where(p => p.Picked).Select(p => p.ModelId).Order(StringComparer.Ordinal), (await AdvisorPage.IdsAsync(advice.PickedMarks)).Order(StringComparer.Ordinal));
        await Assertions.Expect(advice.PickedMarks.Locator("circle.pick-ring")).ToHaveCountAsync(drawable.Count(p => p.Picked));
        await Screenshots.SaveAsync(advice.Page, "advisor-general-quality-only");

        // The excluded models open on demand, one row each.
        await advice.Excluded.Locator("summary").ClickAsync();
        await Assertions.Expect(advice.Page.Locator("#excluded-models tbody tr")).ToHaveCountAsync(expected.Excluded.Count);

        // A hard constraint from the form: the list is the service's for the same question, and nothing proprietary is in it.
        var selfHosted = await advisor.AdviseAsync(AdvisorQuery.Parse([new("w-price", "0"), new("picks", "10"), new("self-host", "true")]), Cancel);
        await advice.AskAsync("general", "1", "0", 10, selfHost: true);
        Assert.Contains("self-host=true", advice.Page.Url, StringComparison.Ordinal);
        Assert.Equal(selfHosted.Picks.Select(p => p.Candidate.ModelId), await advice.PickIdsAsync());
        Assert.NotEmpty(selfHosted.Picks);
        Assert.DoesNotContain(selfHosted.Picks, p => p.Candidate.Licence == Modelwatch.Core.Catalog.LicenceClass.Proprietary);
        await Screenshots.SaveAsync(advice.Page, "advisor-general-self-host");
    }
}
