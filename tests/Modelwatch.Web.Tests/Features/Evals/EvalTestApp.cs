using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Data;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Testing.Providers;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.Evals;

namespace Modelwatch.Web.Tests.Features.Evals;

/// <summary>
/// The app with one fake OpenAI-compatible provider ("fake") serving <see cref="FakeEvalModels.All"/>, answering as
/// <see cref="FakeEvalModels.Answer"/> says, with fast retries; helpers to make a set and a run and to wait for a run.
/// </summary>
public sealed class EvalTestApp : IAsyncDisposable
{
    public const string Provider = "fake";

    private EvalTestApp(FakeOpenAiServer fake, WebApp app)
    {
        Fake = fake;
        App = app;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public FakeOpenAiServer Fake { get; }

    public WebApp App { get; }

    public HttpClient Client => App.Client;

    public EvalStore Store => App.Services.GetRequiredService<EvalStore>();

    public static string Label(string model) => $"{Provider}/{model}";

    public static async Task<EvalTestApp> StartAsync(DatabaseProvider provider)
    {
        var fake = await FakeOpenAiServer.StartNewAsync();
        fake.Models = FakeEvalModels.All;
        fake.Answer = FakeEvalModels.Answer;
        var settings = new Dictionary<string, string?>
        {
            ["Modelwatch:Arena:Providers:0:Name"] = Provider,
            ["Modelwatch:Arena:Providers:0:BaseUrl"] = fake.BaseUrl.ToString(),
            ["Modelwatch:Arena:Providers:0:FirstTokenTimeout"] = "00:00:05",
            ["Modelwatch:Arena:Providers:0:TotalTimeout"] = "00:00:30",
            ["Modelwatch:Arena:Providers:0:MaxRetries"] = "1",
            ["Modelwatch:Arena:Providers:0:RetryBaseDelay"] = "00:00:00.020",
            ["Modelwatch:Arena:Providers:0:MaxConcurrency"] = "16",
        };
        for (var i = 0; i < FakeEvalModels.All.Length; i++)
        {
            settings[string.Create(CultureInfo.InvariantCulture, $"Modelwatch:Arena:Providers:0:Models:{i}")] = FakeEvalModels.All[i];
        }

        try
        {
            return new EvalTestApp(fake, await WebApp.StartAsync(provider, settings));
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }
    }

    /// <summary>A set of <paramref name="prompts"/> prompts (<see cref="EvalFakeModels.Prompts"/>).</summary>
    public async Task<EvalSetSummary> CreateSetAsync(int prompts, string name = "fake set") =>
        await Store.ImportSetAsync(name, null, EvalFakeModels.Prompts(prompts), Cancel);

    /// <summary>Creates the three contestants' run (Gamma the baseline, the fake judge) through the API.</summary>
    public async Task<EvalRunSummary> CreateRunAsync(int setId, bool start, int concurrency = 3)
    {
        var input = new EvalRunInput(
            setId, "three models", [new(Provider, EvalFakeModels.Alpha), new(Provider, EvalFakeModels.Beta), new(Provider, EvalFakeModels.Gamma)],
            Label(EvalFakeModels.Gamma), Provider, EvalFakeModels.Judge, concurrency, 256);
        using var response = await Client.PostAsJsonAsync(start ? "api/evals/runs?start=true" : "api/evals/runs", input, Cancel);
        response.EnsureSuccessStatusCode();
        return (await Store.GetRunAsync((await response.Content.ReadFromJsonAsync<IdOnly>(Cancel))!.Id, Cancel))!;
    }

    /// <summary>Waits until this instance stops working on the run; its stored summary then.</summary>
    public async Task<EvalRunSummary> WaitAsync(int runId)
    {
        await App.Services.GetRequiredService<EvalRunQueue>().WaitAsync(runId).WaitAsync(TimeSpan.FromMinutes(3), Cancel);
        return (await Store.GetRunAsync(runId, Cancel))!;
    }

    /// <summary>Waits until at least <paramref name="answers"/> answers are stored.</summary>
    public async Task WaitForAnswersAsync(int runId, int answers)
    {
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while ((await Store.GetRunAsync(runId, Cancel))!.Progress.AnswersCompleted < answers)
        {
            Assert.True(DateTime.UtcNow < until, $"run {runId} stored fewer than {answers} answers in two minutes");
            await Task.Delay(50, Cancel);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Fake.DisposeAsync();
    }

    private sealed record IdOnly(int Id);
}
