using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Data;
using Modelwatch.Testing.Providers;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.Arena.Providers;

namespace Modelwatch.Web.Tests.Features.Arena.Support;

/// <summary>One server-sent event as read from a turn's stream.</summary>
public sealed record SseEvent(string Name, JsonElement Data)
{
    public string? Side => Data.TryGetProperty("side", out var side) ? side.GetString() : null;
}

/// <summary>Row counts of the arena tables, to check that refused requests stored nothing.</summary>
public sealed record ArenaCounts(int Battles, int Turns, int Answers, int Votes);

/// <summary>
/// The app with two fake providers configured: "openai-fake" (OpenAI-compatible; fake-small, fake-large) and
/// "anthropic-fake" (Anthropic; claude-fake-1), with fast retries and timeouts, plus helpers to start battles, read
/// their streams and vote.
/// </summary>
public sealed class ArenaTestApp : IAsyncDisposable
{
    private ArenaTestApp(FakeOpenAiServer openAi, FakeAnthropicServer anthropic, WebApp app)
    {
        OpenAi = openAi;
        Anthropic = anthropic;
        App = app;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public FakeOpenAiServer OpenAi { get; }

    public FakeAnthropicServer Anthropic { get; }

    public WebApp App { get; }

    public HttpClient Client => App.Client;

    /// <summary>Starts the fakes and the app.</summary>
    /// <param name="provider">The database.</param>
    /// <param name="openAiModels">The OpenAI fake's configured and listed models (one model makes exactly two contestants).</param>
    /// <param name="settings">More settings.</param>
    public static async Task<ArenaTestApp> StartAsync(DatabaseProvider provider, string[]? openAiModels = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var openAi = await FakeOpenAiServer.StartNewAsync();
        var anthropic = await FakeAnthropicServer.StartNewAsync();
        var all = new Dictionary<string, string?>
        {
            ["Modelwatch:Arena:Providers:0:Name"] = "openai-fake",
            ["Modelwatch:Arena:Providers:0:Kind"] = "OpenAiCompatible",
            ["Modelwatch:Arena:Providers:0:BaseUrl"] = openAi.BaseUrl.ToString(),
            ["Modelwatch:Arena:Providers:1:Name"] = "anthropic-fake",
            ["Modelwatch:Arena:Providers:1:Kind"] = "Anthropic",
            ["Modelwatch:Arena:Providers:1:BaseUrl"] = anthropic.Root.ToString(),
            ["Modelwatch:Arena:Providers:1:ApiKey"] = "sk-ant-test",
            ["Modelwatch:Arena:Providers:1:Models:0"] = FakeAnthropicServer.Model,
        };
        var models = openAiModels ?? ["fake-small", "fake-large"];
        // The app also asks the fake's /v1/models: list the same models, so the contestants are exactly these.
        openAi.Models = models;
        for (var i = 0; i < models.Length; i++)
        {
            all[$"Modelwatch:Arena:Providers:0:Models:{i.ToString(CultureInfo.InvariantCulture)}"] = models[i];
        }

        foreach (var index in new[] { "0", "1" })
        {
            all[$"Modelwatch:Arena:Providers:{index}:FirstTokenTimeout"] = "00:00:02";
            all[$"Modelwatch:Arena:Providers:{index}:TotalTimeout"] = "00:00:20";
            all[$"Modelwatch:Arena:Providers:{index}:AttemptTimeout"] = "00:00:10";
            all[$"Modelwatch:Arena:Providers:{index}:MaxRetries"] = "2";
            all[$"Modelwatch:Arena:Providers:{index}:RetryBaseDelay"] = "00:00:00.020";
            all[$"Modelwatch:Arena:Providers:{index}:MaxConcurrency"] = "250";
            all[$"Modelwatch:Arena:Providers:{index}:CircuitMinimumThroughput"] = "100";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = await WebApp.StartAsync(provider, all);
        return new ArenaTestApp(openAi, anthropic, app);
    }

    /// <summary>Another browser: its own cookies, hence its own voter.</summary>
    public HttpClient NewVoter() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = App.BaseAddress };

    /// <summary>The contestants as the app lists them.</summary>
    public Task<IReadOnlyList<ContestantInfo>> ContestantsAsync() =>
        App.Services.GetRequiredService<ArenaContestants>().ListAsync(Cancel);

    public static Task<HttpResponseMessage> PostBattleAsync(HttpClient client, object body) =>
        client.PostAsJsonAsync("api/arena/battles", body, Cancel);

    /// <summary>Starts a battle and returns its id and stream path (fails the test on anything but 201).</summary>
    public async Task<(Guid Id, string Stream)> StartBattleAsync(object body, HttpClient? client = null)
    {
        using var response = await PostBattleAsync(client ?? Client, body);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var json = JsonDocument.Parse(text);
        return (json.RootElement.GetProperty("id").GetGuid(), json.RootElement.GetProperty("stream").GetString()!);
    }

    /// <summary>Reads a turn's event stream to its end.</summary>
    public async Task<List<SseEvent>> ReadStreamAsync(string path, HttpClient? client = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using var response = await (client ?? Client).GetAsync(path.TrimStart('/'), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<SseEvent>();
        string? name = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    using var json = JsonDocument.Parse(string.Join('\n', data));
                    events.Add(new SseEvent(name ?? "message", json.RootElement.Clone()));
                }

                name = null;
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line[6..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line[5..].TrimStart());
            }
        }

        return events;
    }

    /// <summary>Votes; returns the response (the caller disposes it).</summary>
    public static Task<HttpResponseMessage> VoteAsync(HttpClient client, Guid battle, int turn, string choice) =>
        client.PostAsJsonAsync($"api/arena/battles/{battle}/votes", new { turn, choice }, Cancel);

    public async Task<ArenaCounts> CountsAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>().CreateDbContextAsync(Cancel);
        return new ArenaCounts(
            await db.ArenaBattles.CountAsync(Cancel), await db.ArenaTurns.CountAsync(Cancel),
            await db.ArenaAnswers.CountAsync(Cancel), await db.ArenaVotes.CountAsync(Cancel));
    }

    /// <summary>A fresh database context on the app's database.</summary>
    public Task<ModelwatchDbContext> DbAsync() =>
        App.Services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>().CreateDbContextAsync(Cancel);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await OpenAi.DisposeAsync();
        await Anthropic.DisposeAsync();
    }
}
