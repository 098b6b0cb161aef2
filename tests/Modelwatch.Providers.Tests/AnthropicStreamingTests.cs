using Modelwatch.Core.Arena;
using Modelwatch.Providers.Tests.Support;
using Modelwatch.Testing.Providers;

namespace Modelwatch.Providers.Tests;

/// <summary>The official Anthropic SDK's chat client over the resilient HTTP client, against the fake messages API.</summary>
public sealed class AnthropicStreamingTests
{
    [Fact]
    public async Task A_messages_stream_completes_with_usage_from_message_start_and_message_delta()
    {
        await using var server = await FakeAnthropicServer.StartNewAsync();
        await using var harness = ProviderHarness.Create(ProviderHarness.Configure("claude", ProviderKind.Anthropic, server.Root));

        var answer = await harness.AskAsync(FakeAnthropicServer.Model);

        Assert.Equal(AnswerOutcome.Completed, answer.Outcome);
        Assert.Equal(string.Concat(FakeAnthropicServer.Pieces), answer.Text);
        Assert.Equal(FakeAnthropicServer.InputTokens, answer.InputTokens);
        Assert.True(answer.OutputTokensReported);
        Assert.Equal(FakeAnthropicServer.OutputTokens, answer.OutputTokens);
        // The SDK (13.12.0) sends its key as a bearer token; Anthropic's API reads x-api-key, so the chain moves it there.
        Assert.Equal("sk-test-secret", server.LastHeaders["x-api-key"]);
        Assert.False(server.LastHeaders.ContainsKey("Authorization"));
        Assert.False(string.IsNullOrEmpty(server.LastHeaders["anthropic-version"]));
        Assert.NotNull(answer.TokensPerSecond);
    }

    [Fact]
    public async Task A_dropped_messages_stream_is_cut_off_with_the_partial_text()
    {
        await using var server = await FakeAnthropicServer.StartNewAsync();
        server.Mode = FakeMode.DropMidAnswer;
        await using var harness = ProviderHarness.Create(ProviderHarness.Configure("claude", ProviderKind.Anthropic, server.Root));

        var answer = await harness.AskAsync(FakeAnthropicServer.Model);

        Assert.True(answer.Outcome == AnswerOutcome.CutOff, $"{answer.Outcome} {answer.Reason} '{answer.Text}'");
        Assert.Equal(string.Concat(FakeAnthropicServer.Pieces.Take(2)), answer.Text);
    }

    [Fact]
    public async Task Anthropic_models_are_discovered()
    {
        await using var server = await FakeAnthropicServer.StartNewAsync();
        await using var harness = ProviderHarness.Create(ProviderHarness.Configure("claude", ProviderKind.Anthropic, server.Root));

        var list = await ModelDiscovery.ListAsync(harness.Registry, "claude", _ => null, TestContext.Current.CancellationToken);

        Assert.Equal(ModelListSource.Discovered, list.Source);
        Assert.Equal([FakeAnthropicServer.Model], list.Models);
    }
}
