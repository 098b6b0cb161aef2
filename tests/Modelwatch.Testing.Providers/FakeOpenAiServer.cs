using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Modelwatch.Testing.Providers;

/// <summary>
/// Speaks OpenAI's chat completions streaming format: <c>data:</c> chunks with deltas, a chunk with the finish
/// reason, a usage chunk with no choices, then <c>data: [DONE]</c>. Lists two models at <c>/v1/models</c>.
/// </summary>
public sealed class FakeOpenAiServer : FakeProviderServer
{
    public static readonly string[] Pieces = ["Hello", ", ", "world", "."];
    public static readonly string[] ListedModels = ["fake-small", "fake-large"];
    public const int PromptTokens = 7;

    /// <summary>What <c>/v1/models</c> lists; a test may serve other models.</summary>
    public IReadOnlyList<string> Models { get; set; } = ListedModels;

    /// <summary>Base URL as a provider configures it (with <c>/v1</c>).</summary>
    public Uri BaseUrl => new(Root, "/v1");

    public static async Task<FakeOpenAiServer> StartNewAsync()
    {
        var server = new FakeOpenAiServer();
        await server.StartAsync();
        return server;
    }

    protected override void Map(WebApplication app)
    {
        app.MapGet("/v1/models", () => Results.Json(new
        {
            @object = "list",
            data = Models.Select(id => new { id, @object = "model", created = 1_700_000_000, owned_by = "fake" }),
        }));
        app.MapPost("/v1/chat/completions", ChatAsync);
    }

    private async Task ChatAsync(HttpContext context)
    {
        var (request, mode) = await ReadRequestAsync(context);
        if (await HandledWithoutStreamAsync(context, NextRequestNumber(), mode))
        {
            return;
        }

        var all = PiecesFor(request, Pieces);
        var pieces = mode == FakeMode.DropMidAnswer ? all.Take(2) : all;
        foreach (var piece in pieces)
        {
            await PauseAsync(context);
            await WriteEventAsync(context, null, Chunk(new { content = piece }, null));
        }

        if (mode == FakeMode.DropMidAnswer)
        {
            // A real drop comes some time after the last piece; without the pause the reset can overtake the pieces.
            await Task.Delay(DropDelay, context.RequestAborted);
            context.Abort();
            return;
        }

        await WriteEventAsync(context, null, Chunk(new { }, "stop"));
        await WriteEventAsync(context, null, JsonSerializer.Serialize(new
        {
            id = "chatcmpl-fake",
            @object = "chat.completion.chunk",
            created = 1_700_000_000,
            model = "fake-small",
            choices = Array.Empty<object>(),
            usage = new { prompt_tokens = PromptTokens, completion_tokens = all.Count, total_tokens = PromptTokens + all.Count },
        }));
        await WriteEventAsync(context, null, "[DONE]");
    }

    private static string Chunk(object delta, string? finishReason) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-fake",
        @object = "chat.completion.chunk",
        created = 1_700_000_000,
        model = "fake-small",
        choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
    });
}
