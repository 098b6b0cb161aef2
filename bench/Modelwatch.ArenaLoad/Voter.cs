using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Modelwatch.ArenaLoad;

/// <summary>What one voter saw: every vote the app accepted (with whether it said counted) and the latencies.</summary>
internal sealed class VoterResult
{
    public List<(string Battle, bool Counted)> Accepted { get; } = [];

    public List<double> VoteMs { get; } = [];

    public List<double> BattleMs { get; } = [];

    public List<string> Errors { get; } = [];
}

/// <summary>
/// One person in the arena, with their own cookies (so their own voter id): starts a blind battle with a prompt no
/// one else sends, reads both streams to the end, votes, and does it again.
/// </summary>
internal sealed class Voter(int number, Uri baseAddress, int battles)
{
    private static readonly string[] Choices = ["a", "b", "tie", "bothbad"];

    public async Task<VoterResult> RunAsync(CancellationToken ct)
    {
        var result = new VoterResult();
        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var random = new Random(number);
        // As a browser does: the arena page gives the voter their cookie (their voter id) before the first battle.
        using (var page = await client.GetAsync(new Uri("arena", UriKind.Relative), ct))
        {
            page.EnsureSuccessStatusCode();
        }

        for (var i = 0; i < battles; i++)
        {
            try
            {
                await OneBattleAsync(client, random, i, result, ct);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or JsonException or TaskCanceledException)
            {
                result.Errors.Add($"voter {number} battle {i}: {e.GetType().Name}: {e.Message}");
            }
        }

        return result;
    }

    private async Task OneBattleAsync(HttpClient client, Random random, int index, VoterResult result, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var prompt = string.Create(CultureInfo.InvariantCulture, $"Load test prompt {number}-{index}: explain a hash map in two sentences.");
        using var create = await client.PostAsJsonAsync(new Uri("api/arena/battles", UriKind.Relative), new { prompt }, ct);
        if (create.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /api/arena/battles: {(int)create.StatusCode} {await create.Content.ReadAsStringAsync(ct)}");
        }

        using var battle = JsonDocument.Parse(await create.Content.ReadAsStringAsync(ct));
        var id = battle.RootElement.GetProperty("id").GetString()!;
        var stream = battle.RootElement.GetProperty("stream").GetString()!;
        await ReadToEndAsync(client, stream, ct);
        result.BattleMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        var voteStarted = Stopwatch.GetTimestamp();
        using var vote = await client.PostAsJsonAsync(new Uri($"api/arena/battles/{id}/votes", UriKind.Relative),
            new { turn = 1, choice = Choices[random.Next(Choices.Length)] }, ct);
        var body = await vote.Content.ReadAsStringAsync(ct);
        result.VoteMs.Add(Stopwatch.GetElapsedTime(voteStarted).TotalMilliseconds);
        if (vote.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"POST vote: {(int)vote.StatusCode} {body}");
        }

        using var verdict = JsonDocument.Parse(body);
        result.Accepted.Add((id, verdict.RootElement.GetProperty("counted").GetBoolean()));
    }

    /// <summary>Reads the battle's server-sent events until <c>end</c>.</summary>
    private static async Task ReadToEndAsync(HttpClient client, string stream, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(stream.TrimStart('/'), UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line == "event: end")
            {
                return;
            }
        }

        throw new InvalidOperationException($"{stream} ended without an 'end' event");
    }
}
