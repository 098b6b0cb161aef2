using Modelwatch.Core.Arena;
using Modelwatch.Providers.Tests.Support;
using Modelwatch.Testing.Providers;
using Polly.CircuitBreaker;

namespace Modelwatch.Providers.Tests;

/// <summary>The OpenAI SDK client over the resilient HTTP client, against the fake OpenAI-compatible server.</summary>
public sealed class OpenAiCompatibleStreamingTests
{
    [Fact]
    public async Task A_normal_stream_completes_with_timings_and_reported_token_counts()
    {
        await using var server = await FakeOpenAiServer.StartNewAsync();
        await using var harness = ProviderHarness.Create(ProviderHarness.Configure("local", ProviderKind.OpenAiCompatible, server.BaseUrl));
        var pieces = new List<string>();

        var answer = await harness.AskAsync("fake-small", pieces);

        Assert.Equal(AnswerOutcome.Completed, answer.Outcome);
        Assert.Equal(string.Concat(FakeOpenAiServer.Pieces), answer.Text);
        Assert.Equal(FakeOpenAiServer.Pieces, pieces);
        Assert.True(answer.OutputTokensReported);
        Assert.Equal(FakeOpenAiServer.Pieces.Length, answer.OutputTokens);
        Assert.Equal(FakeOpenAiServer.PromptTokens, answer.InputTokens);
        Assert.NotNull(answer.TimeToFirstToken);
        Assert.InRange(answer.TimeToFirstToken.Value, TimeSpan.Zero, answer.Duration);
        Assert.Equal("Bearer sk-test-secret", server.LastHeaders["Authorization"]);
        var health = harness.Registry.Health("local");
        Assert.NotNull(health.LastSuccess);
        Assert.Null(health.LastFailure);
        Assert.Equal(CircuitState.Closed, health.Circuit);
    }

    [Fact]
    public async Task A_stalled_first_token_times_out_instead_of_hanging()
    {
        await using var server = await FakeOpenAiServer.StartNewAsync();
        server.Mode = FakeMode.Stall;
        var options = ProviderHarness.Configure("slow", ProviderKind.OpenAiCompatible, server.BaseUrl);
        options.FirstTokenTimeout = TimeSpan.FromMilliseconds(300);
        await using var harness = ProviderHarness.Create(options);

        var answer = await harness.AskAsync("fake-small");

        Assert.Equal(AnswerOutcome.TimedOut, answer.Outcome);
        Assert.Equal("", answer.Text);
        Assert.Null(answer.TimeToFirstToken);
        Assert.True(answer.Duration < server.StallTime, $"took {answer.Duration}, the stall lasts {server.StallTime}");
        Assert.Equal("no first token in time", harness.Registry.Health("slow").LastError);
    }

    [Fact]
    public async Task A_429_is_retried_and_the_answer_completes()
    {
        await using var server = await FakeOpenAiServer.StartNewAsync();
        server.Mode = FakeMode.TooManyRequestsOnce;
        await using var harness = ProviderHarness.Create(ProviderHarness.Configure("busy", ProviderKind.OpenAiCompatible, server.BaseUrl));

        var answer = await harness.AskAsync("fake-small");

        Assert.Equal(AnswerOutcome.Completed, answer.Outcome);
        Assert.Equal(2, server.ChatRequests);
        Assert.Equal(string.Concat(FakeOpenAiServer.Pieces), answer.Text);
    }

    [Fact]
    public async Task Constant_500s_fail_the_answer_and_open_the_circuit_which_then_spares_the_provider()
    {
        await using var server = await FakeOpenAiServer.StartNewAsync();
        server.Mode = FakeMode.AlwaysFail;
        await using var harness = ProviderHarness.Create(ProviderHarness.Configure("down", ProviderKind.OpenAiCompatible, server.BaseUrl));

        var first = await harness.AskAsync("fake-small");
        var requestsWhenOpened = server.ChatRequests;
        var second = await harness.AskAsync("fake-small");

        Assert.Equal(AnswerOutcome.Failed, first.Outcome);
        Assert.Equal(AnswerOutcome.Failed, second.Outcome);
        var health = harness.Registry.Health("down");
        Assert.Equal(CircuitState.Open, health.Circuit);
        Assert.NotNull(health.LastFailure);
        Assert.Null(health.LastSuccess);
        // The open circuit answers for the provider: the second call never reached the server.
        Assert.Equal(requestsWhenOpened, server.ChatRequests);
        Assert.InRange(requestsWhenOpened, 2, 3);
    }

    [Fact]
    public async Task A_connection_dropped_mid_answer_is_cut_off_and_keeps_the_partial_text()
    {
        await using var server = await FakeOpenAiServer.StartNewAsync();
        server.Mode = FakeMode.DropMidAnswer;
        await using var harness = ProviderHarness.Create(ProviderHarness.Configure("flaky", ProviderKind.OpenAiCompatible, server.BaseUrl));

        var answer = await harness.AskAsync("fake-small");

        Assert.Equal(AnswerOutcome.CutOff, answer.Outcome);
        Assert.Equal(string.Concat(FakeOpenAiServer.Pieces.Take(2)), answer.Text);
        Assert.NotNull(answer.Reason);
        Assert.False(answer.OutputTokensReported);
        Assert.NotNull(harness.Registry.Health("flaky").LastFailure);
    }

    [Fact]
    public async Task Models_are_discovered_from_the_listing_and_merged_with_configured_ones()
    {
        await using var server = await FakeOpenAiServer.StartNewAsync();
        var options = ProviderHarness.Configure("local", ProviderKind.OpenAiCompatible, server.BaseUrl);
        options.Models.Add("configured-only");
        options.Models.Add(FakeOpenAiServer.ListedModels[0]);
        await using var harness = ProviderHarness.Create(options);

        var list = await ModelDiscovery.ListAsync(harness.Registry, "local", _ => null, TestContext.Current.CancellationToken);

        Assert.Equal(ModelListSource.Discovered, list.Source);
        Assert.Equal([.. FakeOpenAiServer.ListedModels, "configured-only"], list.Models);
    }

    [Fact]
    public async Task Without_a_listing_the_configured_models_are_offered_and_the_problem_named()
    {
        await using var server = await FakeOpenAiServer.StartNewAsync();
        var options = ProviderHarness.Configure("nolist", ProviderKind.OpenAiCompatible, new Uri(server.Root, "/other/v1"));
        options.Models.Add("configured-only");
        options.MaxRetries = 0;
        await using var harness = ProviderHarness.Create(options);

        var list = await ModelDiscovery.ListAsync(harness.Registry, "nolist", _ => null, TestContext.Current.CancellationToken);

        Assert.Equal(ModelListSource.Configured, list.Source);
        Assert.Equal(["configured-only"], list.Models);
        Assert.Equal("HTTP 404", list.Problem);
    }
}
