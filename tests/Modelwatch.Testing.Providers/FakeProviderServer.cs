using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Modelwatch.Testing.Providers;

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

    /// <summary>
    /// The answer's text pieces for a request; null gives the server's fixed pieces. Lets a test make one model name
    /// itself, answer in markdown, or echo the turn it is on.
    /// </summary>
    public Func<FakeChatRequest, IReadOnlyList<string>>? Answer { get; set; }

    /// <summary>A mode per model that overrides <see cref="Mode"/> (e.g. only one model of the provider drops).</summary>
    public ConcurrentDictionary<string, FakeMode> ModelModes { get; } = new(StringComparer.Ordinal);

    /// <summary>Pause before each piece, so streams are visibly streams (browser tests, load tests).</summary>
    public TimeSpan PieceDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Every chat request received, in order of arrival.</summary>
    public ConcurrentQueue<FakeChatRequest> Requests { get; } = new();

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

    /// <summary>Reads and records the request body; the mode that applies to its model.</summary>
    protected async Task<(FakeChatRequest Request, FakeMode Mode)> ReadRequestAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var request = FakeChatRequest.Parse(body.RootElement);
        Requests.Enqueue(request);
        return (request, ModelModes.TryGetValue(request.Model, out var mode) ? mode : Mode);
    }

    /// <summary>The pieces to stream for a request.</summary>
    protected IReadOnlyList<string> PiecesFor(FakeChatRequest request, IReadOnlyList<string> fixedPieces) =>
        Answer?.Invoke(request) ?? fixedPieces;

    /// <summary>Waits <see cref="PieceDelay"/> (nothing when zero).</summary>
    protected Task PauseAsync(HttpContext context) =>
        PieceDelay > TimeSpan.Zero ? Task.Delay(PieceDelay, context.RequestAborted) : Task.CompletedTask;

    /// <summary>Counts the request and answers the non-streaming modes; false when the mode's stream should be written.</summary>
    protected async Task<bool> HandledWithoutStreamAsync(HttpContext context, int requestNumber, FakeMode mode)
    {
        LastHeaders = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (mode == FakeMode.AlwaysFail || (mode == FakeMode.TooManyRequestsOnce && requestNumber == 1))
        {
            context.Response.StatusCode = mode == FakeMode.AlwaysFail ? 500 : 429;
            await context.Response.WriteAsync("""{"error":{"message":"fake failure","type":"server_error"}}""");
            return true;
        }

        context.Response.ContentType = "text/event-stream";
        await context.Response.Body.FlushAsync(context.RequestAborted);
        if (mode == FakeMode.Stall)
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
