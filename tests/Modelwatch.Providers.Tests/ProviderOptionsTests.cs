using Modelwatch.Core.Arena;
using Modelwatch.Providers.Tests.Support;

namespace Modelwatch.Providers.Tests;

public sealed class ProviderOptionsTests
{
    [Fact]
    public void ToString_never_shows_the_key()
    {
        var options = ProviderHarness.Configure("openai", ProviderKind.OpenAiCompatible, new Uri("https://api.example/v1"), "sk-live-123456");

        var text = options.ToString();

        Assert.DoesNotContain("sk-live-123456", text, StringComparison.Ordinal);
        Assert.Contains("openai", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_variable_is_read_only_when_no_key_is_given()
    {
        var options = new ProviderOptions { Name = "a", BaseUrl = new Uri("https://x/v1"), ApiKeyVariable = "MY_KEY" };
        string? Environment(string name) => name == "MY_KEY" ? "from-env" : null;

        Assert.Equal("from-env", options.ResolveApiKey(Environment));
        options.ApiKey = "direct";
        Assert.Equal("direct", options.ResolveApiKey(Environment));
    }

    [Fact]
    public async Task Providers_missing_what_they_need_get_no_chat_client()
    {
        var anthropicWithoutKey = ProviderHarness.Configure("claude", ProviderKind.Anthropic, new Uri("http://127.0.0.1:9"), key: null);
        await using var harness = ProviderHarness.Create(anthropicWithoutKey);

        Assert.Empty(harness.Registry.Providers);
        Assert.Null(harness.Registry.GetChatClient("claude", "any"));
    }
}
