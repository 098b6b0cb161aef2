using Microsoft.Playwright;

namespace Modelwatch.Web.Browser.Tests.Harness;

/// <summary>Waiting for the page a form submission or link leads to (also when the URL stays the same).</summary>
public static class Navigation
{
    /// <summary>Clicks <paramref name="target"/> and waits until a new document has loaded.</summary>
    public static async Task ClickAndWaitForNewPageAsync(this IPage page, ILocator target)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(target);
        await page.EvaluateAsync("() => { window.__beforeNavigation = true; }");
        await target.ClickAsync();
        await page.WaitForFunctionAsync("() => window.__beforeNavigation === undefined && document.readyState === 'complete'");
    }
}
