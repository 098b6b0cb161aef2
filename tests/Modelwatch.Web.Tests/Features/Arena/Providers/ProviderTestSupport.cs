using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Modelwatch.Web.Tests.Features.Arena.Providers;

/// <summary>Settings and helpers for the providers tests: a temp key ring, a provider from configuration, captured logs.</summary>
internal static class ProviderTestSupport
{
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Settings with, when given, one configured provider (WebApp puts the key ring in a temp folder).</summary>
    public static Dictionary<string, string?> Settings(string? name = null, Uri? baseUrl = null, params string[] models)
    {
        var settings = new Dictionary<string, string?>();
        if (name is not null)
        {
            var p = "Modelwatch:Arena:Providers:0:";
            settings[p + "Name"] = name;
            settings[p + "BaseUrl"] = baseUrl!.ToString();
            settings[p + "RetryBaseDelay"] = "00:00:00.010";
            settings[p + "MaxRetries"] = "0";
            for (var i = 0; i < models.Length; i++)
            {
                settings[p + "Models:" + i] = models[i];
            }
        }

        return settings;
    }

    public static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ProviderAsync(HttpClient client, string name) =>
        (await JsonAsync(client, "api/arena/providers")).GetProperty("providers").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == name);

    public static async Task<List<JsonElement>> ContestantsAsync(HttpClient client, bool all = false) =>
        [.. (await JsonAsync(client, all ? "api/arena/contestants?all=true" : "api/arena/contestants")).GetProperty("contestants").EnumerateArray()
            .Select(e => e.GetProperty("contestant"))];

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Cancel);
}

/// <summary>Keeps every log line the app writes, at every level, so a test can look for a secret in them.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public string Text => string.Join('\n', _lines);

    public int Count => _lines.Count;

    public static Action<IServiceCollection> Into(CapturedLogs logs) => services =>
    {
        services.AddSingleton<ILoggerProvider>(logs);
        services.Configure<LoggerFilterOptions>(o =>
        {
            o.Rules.Clear();
            o.MinLevel = LogLevel.Trace;
        });
    };

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The state's values too (structured logging keeps them apart from the message).
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{category} {logLevel} {formatter(state, exception)} {values} {exception}");
        }
    }
}
