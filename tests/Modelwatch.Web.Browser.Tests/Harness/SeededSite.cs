using Modelwatch.Data;
using Modelwatch.Testing.Web;

[assembly: AssemblyFixture(typeof(Modelwatch.Web.Browser.Tests.Harness.SeededSite))]

namespace Modelwatch.Web.Browser.Tests.Harness;

/// <summary>
/// One app for the read-only browser tests, on SQLite holding the 140k votes and the catalog fixtures (imported once;
/// about half a minute). Tests that change data start their own <see cref="WebApp"/>.
/// </summary>
public sealed class SeededSite : IAsyncLifetime
{
    private WebApp? _app;

    /// <summary>The running app.</summary>
    public WebApp App => _app ?? throw new InvalidOperationException("The seeded site did not start.");

    public async ValueTask InitializeAsync()
    {
        _app = await WebApp.StartSeededAsync(DatabaseProvider.Sqlite);
        await WarmAsync(_app);
    }

    /// <summary>
    /// Fits the boards the pages show before any test opens one. The first fit of the 140k votes (intervals included)
    /// takes seconds alone and far longer while the other test projects share the two cores; it belongs to the
    /// fixture's setup, not to a page test's 30-second navigation limit (CI once timed out on a cold /benchmarks).
    /// </summary>
    private static async Task WarmAsync(WebApp app)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        foreach (var path in (string[])["/", "/?category=hard_6", "/benchmarks"])
        {
            using var response = await client.GetAsync(path, ct);
            response.EnsureSuccessStatusCode();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
