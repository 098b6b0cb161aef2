using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Core.Evals;
using Modelwatch.Data;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Testing.Providers;
using Modelwatch.Testing.Web;

namespace Modelwatch.Web.Browser.Tests.Features.Evals;

/// <summary>
/// The app with a fake provider ("fake": three contestants and a judge answering as <see cref="FakeEvalModels"/>),
/// a set of prompts tagged coding or writing, and a Draft run of the three against the baseline Gamma.
/// </summary>
public sealed class EvalSite : IAsyncDisposable
{
    public const string Alpha = FakeEvalModels.Alpha;
    public const string Beta = FakeEvalModels.Beta;
    public const string Gamma = FakeEvalModels.Gamma;
    public const string Judge = FakeEvalModels.Judge;

    private EvalSite(FakeOpenAiServer fake, WebApp app, int runId)
    {
        Fake = fake;
        App = app;
        RunId = runId;
    }

    public FakeOpenAiServer Fake { get; }

    public WebApp App { get; }

    public int RunId { get; }

    public static string Label(string model) => "fake/" + model;

    public static async Task<EvalSite> StartAsync(int prompts)
    {
        var ct = TestContext.Current.CancellationToken;
        var fake = await FakeOpenAiServer.StartNewAsync();
        var models = FakeEvalModels.All;
        fake.Models = models;
        fake.Answer = FakeEvalModels.Answer;
        var settings = new Dictionary<string, string?>
        {
            ["Modelwatch:Arena:Providers:0:Name"] = "fake",
            ["Modelwatch:Arena:Providers:0:BaseUrl"] = fake.BaseUrl.ToString(),
            ["Modelwatch:Arena:Providers:0:MaxConcurrency"] = "16",
        };
        for (var i = 0; i < models.Length; i++)
        {
            settings[string.Create(CultureInfo.InvariantCulture, $"Modelwatch:Arena:Providers:0:Models:{i}")] = models[i];
        }

        var app = await WebApp.StartAsync(DatabaseProvider.Sqlite, settings);
        var store = app.Services.GetRequiredService<EvalStore>();
        var set = await store.ImportSetAsync("browser set", null, [.. Enumerable.Range(1, prompts).Select(i => new PromptRecord(
            string.Create(CultureInfo.InvariantCulture, $"q{i:00}"),
            FakeEvalModels.PromptText(i),
            null,
            [FakeEvalModels.Topic(i)]))], ct);
        var run = await store.CreateRunAsync(new EvalRunInput(
            set.Id, "browser run", [new("fake", Alpha), new("fake", Beta), new("fake", Gamma)], Label(Gamma), "fake", Judge, 4, 256), ct);
        return new EvalSite(fake, app, run.Id);
    }

    /// <summary>The model that signed an answer's text.</summary>
    public static string Author(string answer) => FakeEvalModels.Author(answer);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
