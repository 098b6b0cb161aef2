using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Modelwatch.News.Tests.Feeds;

namespace Modelwatch.News.Tests.Fetching;

/// <summary>
/// Serves the feed fixtures over Kestrel on a free loopback port, the way real servers misbehave: ETag and
/// Last-Modified validators answered with 304, a response that never comes, error statuses, bodies too large
/// (declared or endless) and a connection dropped mid-body.
/// </summary>
internal sealed class FixtureServer : IAsyncDisposable
{
    /// <summary>The Last-Modified every fixture is served with.</summary>
    public const string LastModified = "Tue, 01 Dec 2026 08:00:00 GMT";

    private readonly WebApplication _app;

    private FixtureServer(WebApplication app)
    {
        _app = app;
    }

    public Uri Root { get; private set; } = null!;

    /// <summary>Requests seen, by path, with the headers that matter here (copied: Kestrel reuses its header objects).</summary>
    public ConcurrentQueue<(string Path, string? UserAgent, string? IfNoneMatch, string? IfModifiedSince)> Requests { get; } = new();

    /// <summary>Completed when the stalling endpoint has received its request (the fetch is in flight).</summary>
    public TaskCompletionSource StallReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static string ETagOf(byte[] bytes) => "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"";

    public static async Task<FixtureServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FixtureServer(app);
        server.Map();
        await app.StartAsync();
        server.Root = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public Uri At(string path) => new(Root, path);

    private void Map()
    {
        _app.Use(async (context, next) =>
        {
            var headers = context.Request.Headers;
            Requests.Enqueue((context.Request.Path.Value ?? string.Empty, headers.UserAgent.ToString(), NullIfEmpty(headers.IfNoneMatch.ToString()), NullIfEmpty(headers.IfModifiedSince.ToString())));
            await next(context);
        });
        _app.MapGet("/etag/{name}", (HttpContext context, string name) => ServeAsync(context, name, useETag: true));
        _app.MapGet("/last-modified/{name}", (HttpContext context, string name) => ServeAsync(context, name, useETag: false));
        _app.MapGet("/stall", async (HttpContext context) =>
        {
            StallReached.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        _app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        _app.MapGet("/declared-large", async (HttpContext context) =>
        {
            context.Response.ContentLength = 50_000_000;
            await context.Response.Body.WriteAsync(new byte[1024], context.RequestAborted);
        });
        _app.MapGet("/endless", async (HttpContext context) =>
        {
            // No Content-Length (chunked): only reading can tell the size. Stops by itself at 64 MiB in case a client never does.
            context.Response.ContentType = "application/xml";
            var chunk = "<!-- padding padding padding padding padding padding padding padding -->\n"u8.ToArray();
            for (var written = 0L; written < 64L * 1024 * 1024 && !context.RequestAborted.IsCancellationRequested; written += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted).AsTask().ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
        _app.MapGet("/drop/{name}", async (HttpContext context, string name) =>
        {
            var bytes = FeedFixture.Bytes(name);
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 3), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
        });
    }

    private static async Task ServeAsync(HttpContext context, string name, bool useETag)
    {
        var bytes = FeedFixture.Bytes(name);
        var etag = ETagOf(bytes);
        var notModified = useETag
            ? context.Request.Headers.IfNoneMatch.ToString() == etag
            : context.Request.Headers.IfModifiedSince.ToString() == LastModified;
        if (useETag)
        {
            context.Response.Headers.ETag = etag;
        }
        else
        {
            context.Response.Headers.LastModified = LastModified;
        }

        if (notModified)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.ContentType = context.Request.Query["type"].FirstOrDefault() ?? (name.EndsWith(".json", StringComparison.Ordinal) ? "application/feed+json" : "application/xml");
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
