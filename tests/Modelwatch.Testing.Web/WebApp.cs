using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Data;
using Modelwatch.Testing.Database;

namespace Modelwatch.Testing.Web;

/// <summary>
/// The real app on Kestrel, on a free loopback port, over a fresh test database (SQLite or PostgreSQL). Requests go
/// over TCP like a browser's. Outbound HTTP from the app may reach loopback only: a test that makes the app call the
/// internet fails (<see cref="LoopbackOnlyHandler"/>).
/// </summary>
public sealed class WebApp : IAsyncDisposable
{
    private readonly Factory _factory;

    private WebApp(TestDatabase database, Factory factory, Uri baseAddress)
    {
        Database = database;
        _factory = factory;
        BaseAddress = baseAddress;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = baseAddress };
    }

    /// <summary>The database the app runs on.</summary>
    public TestDatabase Database { get; }

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for the app (cookies kept, redirects not followed).</summary>
    public HttpClient Client { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>Starts the app on an empty migrated database.</summary>
    /// <param name="provider">SQLite or PostgreSQL (skips when no PostgreSQL server is configured).</param>
    /// <param name="settings">Configuration the app reads (keys as in appsettings.json, e.g. <c>Modelwatch:Access:Mode</c>).</param>
    /// <param name="services">Changes to the app's services (fakes of outside systems only).</param>
    public static async Task<WebApp> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        Start(await TestDatabase.CreateAsync(provider, TestContext.Current.CancellationToken), settings, services);

    /// <summary>Starts the app on a database holding the 140k votes and the catalog fixtures (<see cref="SeededData"/>).</summary>
    public static async Task<WebApp> StartSeededAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        Start(await TestDatabase.CreateSeededAsync(provider, TestContext.Current.CancellationToken), settings, services);

    private static WebApp Start(TestDatabase database, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        var factory = new Factory(database.Options, settings ?? new Dictionary<string, string?>(), services);
        try
        {
            factory.UseKestrel(0);
            factory.StartServer();
            var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            var address = addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
            return new WebApp(database, factory, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        if (Directory.Exists(_factory.KeyRing))
        {
            Directory.Delete(_factory.KeyRing, recursive: true);
        }

        await Database.DisposeAsync();
    }

    private sealed class Factory(DatabaseOptions database, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services) : WebApplicationFactory<Program>
    {
        public string KeyRing { get; } = Path.Combine(Path.GetTempPath(), "modelwatch-test-keys-" + Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");

            // Static files (CSS) come from the build's manifest, as with `dotnet run`; outside Development the host
            // does not load it by itself.
            builder.UseStaticWebAssets();
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("Modelwatch:Database", database.Provider == DatabaseProvider.Sqlite ? database.SqliteFile : database.ConnectionString);
            // The Data Protection key ring (stored provider keys, cookies) goes to a temp folder, never the user's data directory.
            builder.UseSetting("Modelwatch:Arena:KeyRingDirectory", KeyRing);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(s =>
            {
                s.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => new LoopbackOnlyHandler()));
                services?.Invoke(s);
            });
        }
    }
}

/// <summary>Lets the app's outbound HTTP reach loopback servers only (test fakes); anything else fails the request loudly.</summary>
public sealed class LoopbackOnlyHandler : DelegatingHandler
{
    public LoopbackOnlyHandler() : base(new SocketsHttpHandler())
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsLoopback: true })
        {
            return base.SendAsync(request, cancellationToken);
        }

        throw new InvalidOperationException($"The app tried to reach {request.RequestUri} during a test; only loopback servers are allowed.");
    }
}
