using Microsoft.Playwright;
using Modelwatch.Testing;

namespace Modelwatch.Web.Browser.Tests.Harness;

/// <summary>
/// Full-page screenshots kept as test artefacts: attached to the test's result (in the TRX file) and written to
/// <c>TestResults/screenshots/</c> at the repository root, where a person (or CI) can look at them.
/// </summary>
public static class Screenshots
{
    /// <summary>Saves <paramref name="page"/> as <c><paramref name="name"/>.png</c>; returns the file's path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        Assert.True(bytes.Length > 1000, $"the screenshot of {name} is only {bytes.Length} bytes");
        var folder = Path.Combine(SharedData.RepositoryRoot, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await File.WriteAllBytesAsync(path, bytes);
        TestContext.Current.AddAttachment(name + ".png", bytes, "image/png");
        return path;
    }
}
