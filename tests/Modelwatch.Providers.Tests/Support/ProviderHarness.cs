using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Core.Arena;

namespace Modelwatch.Providers.Tests.Support;

/// <summary>The provider services as the app registers them, for one provider, with fast retries for tests.</summary>
public sealed class ProviderHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ProviderHarness(ServiceProvider services, ProviderOptions options)
    {
        _services = services;
        Options = options;
    }

    public ProviderOptions Options { get; }

    public ProviderRegistry Registry => _services.GetRequiredService<ProviderRegistry>();

    public static ProviderHarness Create(ProviderOptions options)
    {
        var services = new ServiceCollection();
        services.AddModelwatchProviders([options], _ => null);
        return new ProviderHarness(services.BuildServiceProvider(), options);
    }

    public static ProviderOptions Configure(string name, ProviderKind kind, Uri baseUrl, string? key = "sk-test-secret") => new()
    {
        Name = name,
        Kind = kind,
        BaseUrl = baseUrl,
        ApiKey = key,
        FirstTokenTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        MaxRetries = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        CircuitMinimumThroughput = 2,
    };

    public Task<StreamedAnswer> AskAsync(string model, List<string>? pieces = null, string? provider = null)
    {
        var name = provider ?? Options.Name;
        var client = Registry.GetChatClient(name, model) ?? throw new InvalidOperationException("not configured");
        Registry.TryGetOptions(name, out var options);
        var streaming = _services.GetRequiredService<MeasuredStreaming>();
        return streaming.StreamAsync(options, client, [new ChatMessage(ChatRole.User, "Say hello.")], null,
            piece =>
            {
                pieces?.Add(piece);
                return ValueTask.CompletedTask;
            },
            TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
