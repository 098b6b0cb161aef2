using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Modelwatch.Web.Browser.Tests.Harness.Browser))]
[assembly: AssemblyFixture(typeof(Modelwatch.Testing.Database.DatabaseTemplates))]

namespace Modelwatch.Web.Browser.Tests.Harness;

/// <summary>
/// One headless Chromium for the whole run: Debian's <c>/usr/bin/chromium</c>, started by Playwright with the flags
/// this closed network needs (no background networking, no component updates). Tests open their own context (cookies,
/// language, viewport) with <see cref="NewPageAsync"/>. Skips, saying why, when Chromium is not installed
/// (<c>scripts/test.sh</c> installs it).
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    /// <summary>Where Debian's package puts Chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>A page in a fresh context; <paramref name="options"/> sets language (<c>Locale</c>), viewport and so on.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, BrowserNewContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (_browser is null)
        {
            Assert.Skip($"Chromium is not installed at {ChromiumPath}; scripts/test.sh installs it (apt package chromium).");
        }

        options ??= new BrowserNewContextOptions();
        options.BaseURL = baseAddress.ToString();
        options.Locale ??= "en-US";
        var context = await _browser.NewContextAsync(options);
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
