using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Modelwatch.Testing.Providers;

/// <summary>
/// The real fixture feeds (read from a folder, byte for byte) served by Kestrel on loopback, for the news sync tests of
/// the News and Web projects, counting requests per path: <c>/feeds/NAME</c> answers with the
/// file and an ETag (304 when asked with it), <c>/fail/NAME</c> with 500, <c>/slow/NAME</c> after <see cref="SlowDelay"/>,
/// <c>/big/NAME</c> with the file repeated past any small size cap.
/// </summary>
public sealed class LoopbackFeedServer : IAsyncDisposable
{
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(60);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    private LoopbackFeedServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Requests seen for <paramref name="path"/> (e.g. "/feeds/x.xml").</summary>
    public int Requests(string path) => _requests.GetValueOrDefault(path);

    /// <summary>Requests answered 304.</summary>
    public int NotModified { get; private set; }

    public Uri Feed(string file) => new(Address, "/feeds/" + file);

    public Uri Failing(string file) => new(Address, "/fail/" + file);

    public Uri Slow(string file) => new(Address, "/slow/" + file);

    public Uri Big(string file) => new(Address, "/big/" + file);

    public static async Task<LoopbackFeedServer> StartAsync(string folder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LoopbackFeedServer? server = null;
        app.Use(async (context, next) =>
        {
            server!._requests.AddOrUpdate(context.Request.Path.Value ?? "", 1, (_, n) => n + 1);
            await next(context);
        });
        app.MapGet("/feeds/{name}", async (string name, HttpContext context) =>
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, name));
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"";
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                server!.NotModified++;
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = "Tue, 01 Jul 2025 10:00:00 GMT";
            return Results.Bytes(bytes, "application/xml");
        });
        app.MapGet("/fail/{name}", () => Results.StatusCode(StatusCodes.Status500InternalServerError));
        app.MapGet("/slow/{name}", async (string name, CancellationToken ct) =>
        {
            await Task.Delay(SlowDelay, ct);
            return Results.Bytes(await File.ReadAllBytesAsync(Path.Combine(folder, name), ct), "application/xml");
        });
        app.MapGet("/big/{name}", async (string name, HttpContext context) =>
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, name));
            context.Response.ContentType = "application/xml";
            for (var i = 0; i < 20; i++)
            {
                await context.Response.Body.WriteAsync(bytes);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server = new LoopbackFeedServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
