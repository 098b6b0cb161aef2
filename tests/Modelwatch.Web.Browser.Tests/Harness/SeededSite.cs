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

    public async ValueTask InitializeAsync() => _app = await WebApp.StartSeededAsync(DatabaseProvider.Sqlite);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
