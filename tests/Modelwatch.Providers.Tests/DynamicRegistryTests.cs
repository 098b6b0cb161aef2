using Modelwatch.Core.Arena;
using Modelwatch.Providers.Tests.Support;
using Modelwatch.Testing.Providers;
using Polly.CircuitBreaker;

namespace Modelwatch.Providers.Tests;

/// <summary>Providers stored in the app come and go while the registry runs.</summary>
public sealed class DynamicRegistryTests
{
    [Fact]
    public async Task Stored_providers_are_added_changed_and_removed_without_a_restart()
    {
        await using var first = await FakeOpenAiServer.StartNewAsync();
        await using var second = await FakeOpenAiServer.StartNewAsync();
        await using var harness = ProviderHarness.Create(ProviderHarness.Configure("fixed", ProviderKind.OpenAiCompatible, first.BaseUrl));
        var registry = harness.Registry;

        registry.SetStored([ProviderHarness.Configure("added", ProviderKind.OpenAiCompatible, first.BaseUrl, "key-one")]);
        var answer = await harness.AskAsync("fake-small", provider: "added");
        Assert.Equal(AnswerOutcome.Completed, answer.Outcome);
        Assert.Equal("Bearer key-one", first.LastHeaders["Authorization"]);

        // Same name, new URL and key: the next call goes to the new server with the new key.
        registry.SetStored([ProviderHarness.Configure("added", ProviderKind.OpenAiCompatible, second.BaseUrl, "key-two")]);
        answer = await harness.AskAsync("fake-small", provider: "added");
        Assert.Equal(AnswerOutcome.Completed, answer.Outcome);
        Assert.Equal(1, second.ChatRequests);
        Assert.Equal("Bearer key-two", second.LastHeaders["Authorization"]);

        // A stored provider cannot shadow a configured one, and removal takes it out.
        registry.SetStored([ProviderHarness.Configure("fixed", ProviderKind.OpenAiCompatible, second.BaseUrl)]);
        Assert.True(registry.TryGetOptions("fixed", out var kept));
        Assert.Equal(first.BaseUrl, kept.BaseUrl);
        Assert.False(registry.TryGetOptions("added", out _));
        Assert.Null(registry.GetChatClient("added", "fake-small"));
    }

    [Fact]
    public async Task A_changed_provider_gets_a_closed_circuit_of_its_own()
    {
        await using var server = await FakeOpenAiServer.StartNewAsync();
        server.Mode = FakeMode.AlwaysFail;
        await using var harness = ProviderHarness.Create(ProviderHarness.Configure("fixed", ProviderKind.OpenAiCompatible, server.BaseUrl));
        harness.Registry.SetStored([ProviderHarness.Configure("down", ProviderKind.OpenAiCompatible, server.BaseUrl)]);

        await harness.AskAsync("fake-small", provider: "down");
        Assert.Equal(CircuitState.Open, harness.Registry.Health("down").Circuit);
        Assert.Equal(CircuitState.Closed, harness.Registry.Health("fixed").Circuit);

        var changed = ProviderHarness.Configure("down", ProviderKind.OpenAiCompatible, server.BaseUrl, "another-key");
        harness.Registry.SetStored([changed]);
        Assert.Equal(CircuitState.Closed, harness.Registry.Health("down").Circuit);
    }
}
