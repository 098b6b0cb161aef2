using System.Text.Json;

namespace Modelwatch.Testing.Providers;

/// <summary>One message of a chat request as a fake provider received it (text parts joined).</summary>
public sealed record FakeMessage(string Role, string Text);

/// <summary>
/// A chat request as a fake provider received it: the model asked for and the conversation, so tests can check that
/// each side of a battle kept its own history and that the model the arena drew is the one called.
/// </summary>
public sealed record FakeChatRequest(string Model, IReadOnlyList<FakeMessage> Messages)
{
    /// <summary>The text of the last user message.</summary>
    public string LastUserText => Messages.LastOrDefault(m => m.Role == "user")?.Text ?? "";

    /// <summary>Reads OpenAI's and Anthropic's request bodies (content as a string or as a list of typed parts).</summary>
    public static FakeChatRequest Parse(JsonElement body)
    {
        var model = body.TryGetProperty("model", out var m) ? m.GetString() ?? "" : "";
        var messages = new List<FakeMessage>();
        if (body.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in list.EnumerateArray())
            {
                var role = message.TryGetProperty("role", out var r) ? r.GetString() ?? "" : "";
                messages.Add(new FakeMessage(role, Text(message.TryGetProperty("content", out var c) ? c : default)));
            }
        }

        return new FakeChatRequest(model, messages);
    }

    private static string Text(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString() ?? "",
        JsonValueKind.Array => string.Concat(content.EnumerateArray()
            .Where(p => p.TryGetProperty("text", out _))
            .Select(p => p.GetProperty("text").GetString())),
        _ => "",
    };
}
