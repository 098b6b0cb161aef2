using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Modelwatch.Testing.Providers;

/// <summary>
/// Speaks Anthropic's messages streaming format: <c>message_start</c> (input usage), <c>content_block_start</c>,
/// <c>content_block_delta</c> text deltas, <c>content_block_stop</c>, <c>message_delta</c> (stop reason and the
/// cumulative output usage), <c>message_stop</c>. Lists one model at <c>/v1/models</c>.
/// </summary>
public sealed class FakeAnthropicServer : FakeProviderServer
{
    public static readonly string[] Pieces = ["Bonjour", " le ", "monde", "!"];
    public const string Model = "claude-fake-1";
    public const int InputTokens = 9;
    public const int OutputTokens = 5;

    public static async Task<FakeAnthropicServer> StartNewAsync()
    {
        var server = new FakeAnthropicServer();
        await server.StartAsync();
        return server;
    }

    protected override void Map(WebApplication app)
    {
        app.MapGet("/v1/models", () => Results.Json(new
        {
            data = new[] { new { type = "model", id = Model, display_name = "Claude Fake", created_at = "2025-01-01T00:00:00Z" } },
            has_more = false,
            first_id = Model,
            last_id = Model,
        }));
        app.MapPost("/v1/messages", MessagesAsync);
    }

    private async Task MessagesAsync(HttpContext context)
    {
        var (request, mode) = await ReadRequestAsync(context);
        if (await HandledWithoutStreamAsync(context, NextRequestNumber(), mode))
        {
            return;
        }

        await WriteEventAsync(context, "message_start", JsonSerializer.Serialize(new
        {
            type = "message_start",
            message = new
            {
                id = "msg_fake",
                type = "message",
                role = "assistant",
                model = Model,
                content = Array.Empty<object>(),
                stop_reason = (string?)null,
                stop_sequence = (string?)null,
                usage = new { input_tokens = InputTokens, output_tokens = 1 },
            },
        }));
        await WriteEventAsync(context, "content_block_start",
            """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""");
        await WriteEventAsync(context, "ping", """{"type":"ping"}""");
        var all = PiecesFor(request, Pieces);
        var pieces = mode == FakeMode.DropMidAnswer ? all.Take(2) : all;
        foreach (var piece in pieces)
        {
            await PauseAsync(context);
            await WriteEventAsync(context, "content_block_delta", JsonSerializer.Serialize(new
            {
                type = "content_block_delta",
                index = 0,
                delta = new { type = "text_delta", text = piece },
            }));
        }

        if (mode == FakeMode.DropMidAnswer)
        {
            // A real drop comes some time after the last piece; without the pause the reset can overtake the pieces.
            await Task.Delay(DropDelay, context.RequestAborted);
            context.Abort();
            return;
        }

        await WriteEventAsync(context, "content_block_stop", """{"type":"content_block_stop","index":0}""");
        await WriteEventAsync(context, "message_delta", JsonSerializer.Serialize(new
        {
            type = "message_delta",
            delta = new { stop_reason = "end_turn", stop_sequence = (string?)null },
            usage = new { output_tokens = Answer is null ? OutputTokens : all.Count },
        }));
        await WriteEventAsync(context, "message_stop", """{"type":"message_stop"}""");
    }
}
