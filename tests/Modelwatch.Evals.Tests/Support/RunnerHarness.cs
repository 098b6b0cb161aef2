using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Modelwatch.Core.Arena;
using Modelwatch.Providers;

namespace Modelwatch.Evals.Tests.Support;

/// <summary>
/// The provider services as the app registers them (registry, health, measured streaming), pointed at a fake server,
/// and an <see cref="EvalRunner"/> over them. One harness is one app instance: a resumed run after a restart gets a new one.
/// </summary>
public sealed class RunnerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private RunnerHarness(ServiceProvider services) => _services = services;

    public static RunnerHarness Create(IReadOnlyList<ProviderOptions> providers)
    {
        var services = new ServiceCollection();
        services.AddModelwatchProviders(providers, _ => null);
        return new RunnerHarness(services.BuildServiceProvider());
    }

    /// <summary>A provider on the fake server with fast timeouts and no retries (a failure is one request, countable).</summary>
    public static ProviderOptions Provider(string name, Uri baseUrl) => new()
    {
        Name = name,
        Kind = ProviderKind.OpenAiCompatible,
        BaseUrl = baseUrl,
        FirstTokenTimeout = TimeSpan.FromSeconds(20),
        TotalTimeout = TimeSpan.FromSeconds(40),
        AttemptTimeout = TimeSpan.FromSeconds(20),
        MaxRetries = 0,
        CircuitMinimumThroughput = 100,
    };

    public EvalRunner Runner(Data.ModelwatchContextFactory contexts, string instance) => new(
        contexts,
        _services.GetRequiredService<ProviderRegistry>(),
        _services.GetRequiredService<MeasuredStreaming>(),
        TimeProvider.System,
        NullLogger<EvalRunner>.Instance)
    {
        InstanceName = instance,
    };

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>Reports synchronously (Progress&lt;T&gt; would post to the thread pool and cancel late).</summary>
public sealed class InlineProgress(Action<EvalProgress> onReport) : IProgress<EvalProgress>
{
    public void Report(EvalProgress value) => onReport(value);
}
