using Microsoft.Playwright;
using Modelwatch.Web.Browser.Tests.Harness;

namespace Modelwatch.Web.Browser.Tests.Pages;

/// <summary>The sources page's import forms and the job page they lead to.</summary>
public sealed class SourcesPage(IPage page)
{
    public IPage Page { get; } = page;

    public Task OpenAsync() => Page.GotoAsync("/sources");

    /// <summary>Uploads a votes file with the form and waits on the job page until the import has finished.</summary>
    public async Task<string> ImportVotesAsync(string file, string name)
    {
        var form = Page.Locator("#import-votes");
        await form.Locator("input[type=file]").SetInputFilesAsync(file);
        await form.Locator("input[name=name]").FillAsync(name);
        await Page.ClickAndWaitForNewPageAsync(form.Locator("button[type=submit]"));
        return await FinishedStateAsync();
    }

    /// <summary>Uploads a catalog source's file with the form and waits until the import has finished.</summary>
    public async Task<string> ImportCatalogAsync(string source, string file, DateOnly? publishedOn = null)
    {
        var form = Page.Locator("#import-catalog");
        await form.Locator("select[name=source]").SelectOptionAsync(source);
        await form.Locator("input[type=file]").SetInputFilesAsync(file);
        if (publishedOn is { } date)
        {
            await form.Locator("input[name=asOf]").FillAsync(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        await Page.ClickAndWaitForNewPageAsync(form.Locator("button[type=submit]"));
        return await FinishedStateAsync();
    }

    /// <summary>The job page's final state (succeeded or failed), as its progress script updates it.</summary>
    private async Task<string> FinishedStateAsync()
    {
        var job = Page.Locator("#import-job");
        await Assertions.Expect(job).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^(succeeded|failed)$"), new() { Timeout = 180_000 });
        return (await job.GetAttributeAsync("data-state"))!;
    }
}
