using System.Diagnostics;
using System.Globalization;
using Modelwatch.Testing.Providers;

namespace Modelwatch.ArenaLoad;

/// <summary>
/// The published web app in its own process (as deployed), configured through the environment: the database, a
/// fresh data directory (key ring), and the two fake providers as its only providers.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private AppProcess(Process process, string dataDirectory, Uri baseAddress)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<AppProcess> StartAsync(LoadOptions options, FakeOpenAiServer openAi, FakeAnthropicServer anthropic)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("modelwatch-arena-load-").FullName;
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.Port}");
        var start = new ProcessStartInfo("dotnet", [options.App, "--contentRoot", Path.GetDirectoryName(Path.GetFullPath(options.App))!, "--urls", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Logging__LogLevel__Default"] = "Warning";
        environment["MODELWATCH_DATA_DIR"] = dataDirectory;
        environment["Modelwatch__Database"] = options.Database;
        // The load is 200 voters from one address, each with its own voter cookie: per-voter limits stay as shipped.
        SetProvider(environment, 0, "openai-fake", "OpenAiCompatible", openAi.BaseUrl, "sk-load-test", openAi.Models);
        SetProvider(environment, 1, "anthropic-fake", "Anthropic", anthropic.Root, "sk-ant-load-test", [FakeAnthropicServer.Model]);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the app");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[app] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, dataDirectory, new Uri(url + "/"));
        await app.WaitUntilUpAsync();
        return app;
    }

    private static void SetProvider(IDictionary<string, string?> environment, int index, string name, string kind, Uri baseUrl, string key, IReadOnlyList<string> models)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"Modelwatch__Arena__Providers__{index}__");
        environment[prefix + "Name"] = name;
        environment[prefix + "Kind"] = kind;
        environment[prefix + "BaseUrl"] = baseUrl.ToString();
        environment[prefix + "ApiKey"] = key;
        environment[prefix + "MaxConcurrency"] = "1000";
        for (var i = 0; i < models.Count; i++)
        {
            environment[prefix + string.Create(CultureInfo.InvariantCulture, $"Models__{i}")] = models[i];
        }
    }

    private async Task WaitUntilUpAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with code {_process.ExitCode} before answering");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("api/arena/contestants", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("the app did not answer /api/arena/contestants within 60 s");
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
