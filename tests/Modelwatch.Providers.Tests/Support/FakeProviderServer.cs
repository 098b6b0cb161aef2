using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Modelwatch.Providers.Tests.Support;

/// <summary>
/// A Kestrel app on a free loopback port that the fake providers map their endpoints on. Counts chat requests and
/// keeps the last request's headers so tests can check what the real clients sent.
/// </summary>
public abstract class FakeProviderServer : IAsyncDisposable
{
    private WebApplication? _app;
    private int _chatRequests;

    public FakeMode Mode { get; set; } = FakeMode.Normal;

    /// <summary>How long <see cref="FakeMode.Stall"/> waits before giving up on the client.</summary>
    public TimeSpan StallTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause between the last piece and the abort in <see cref="FakeMode.DropMidAnswer"/>.</summary>
    public TimeSpan DropDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    public int ChatRequests => Volatile.Read(ref _chatRequests);

    /// <summary>A copy: Kestrel reuses the request's header collection once the request ends.</summary>
    public IReadOnlyDictionary<string, string> LastHeaders { get; private set; } = new Dictionary<string, string>();

    public Uri Root { get; private set; } = null!;

    protected async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        _app = builder.Build();
        Map(_app);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Root = new Uri(address);
    }

    protected abstract void Map(WebApplication app);

    /// <summary>Counts the request and answers the non-streaming modes; false when the mode's stream should be written.</summary>
    protected async Task<bool> HandledWithoutStreamAsync(HttpContext context, int requestNumber)
    {
        LastHeaders = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (Mode == FakeMode.AlwaysFail || (Mode == FakeMode.TooManyRequestsOnce && requestNumber == 1))
        {
            context.Response.StatusCode = Mode == FakeMode.AlwaysFail ? 500 : 429;
            await context.Response.WriteAsync("""{"error":{"message":"fake failure","type":"server_error"}}""");
            return true;
        }

        context.Response.ContentType = "text/event-stream";
        await context.Response.Body.FlushAsync(context.RequestAborted);
        if (Mode == FakeMode.Stall)
        {
            try
            {
                await Task.Delay(StallTime, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as it should.
            }

            return true;
        }

        return false;
    }

    protected int NextRequestNumber() => Interlocked.Increment(ref _chatRequests);

    protected static async Task WriteEventAsync(HttpContext context, string? eventName, string data)
    {
        var text = eventName is null ? $"data: {data}\n\n" : $"event: {eventName}\ndata: {data}\n\n";
        await context.Response.WriteAsync(text, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
