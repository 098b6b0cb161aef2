using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Core.Arena;
using Modelwatch.Data;
using Modelwatch.Data.Arena;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Providers;
using Modelwatch.Web.Features.Arena.Battles;
using Modelwatch.Web.Tests.Features.Arena.Support;

namespace Modelwatch.Web.Tests.Features.Arena.Battles;

public sealed partial class BattleTests
{
    [System.Text.RegularExpressions.GeneratedRegex(@"<[a-z][^>]*\s(on[a-z]+|style|id|class)\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex EventHandlerInTag();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Each OpenAI fake model answers with its own name, so a side's text tells which model it came from.</summary>
    // Each model signs with a code word, not its name: an answer naming its model is an identity leak, and its vote
    // would not count.
    private static void NameAnswers(ArenaTestApp arena) => arena.OpenAi.Answer = r => [Code(r.Model), " says ", "**hi** to ", r.LastUserText];

    private static string Code(string model) => model switch
    {
        "fake-small" => "Ava",
        "fake-large" => "Bo",
        _ => "Cy",
    };

    private static string Expected(string model, string prompt) =>
        model == FakeAnthropicServer.Model ? string.Concat(FakeAnthropicServer.Pieces) : $"{Code(model)} says **hi** to {prompt}";

    private static string Text(IEnumerable<SseEvent> events, string side) =>
        string.Concat(events.Where(e => e.Name == "delta" && e.Side == side).Select(e => e.Data.GetProperty("text").GetString()));

    [Theory, BothDatabases]
    public async Task A_blind_battle_streams_both_sides_stores_the_answers_and_counts_the_vote(DatabaseProvider provider)
    {
        await using var arena = await ArenaTestApp.StartAsync(provider);
        NameAnswers(arena);
        var (id, stream) = await arena.StartBattleAsync(new { prompt = "Say hi" });
        var events = await arena.ReadStreamAsync(stream);

        Assert.Equal("end", events[^1].Name);
        Assert.Equal("Answered", events[^1].Data.GetProperty("status").GetString());
        var done = events.Where(e => e.Name == "done").ToDictionary(e => e.Side!);
        Assert.Equal(["a", "b"], done.Keys.Order());
        Assert.All(done.Values, d => Assert.Equal("Completed", d.Data.GetProperty("outcome").GetString()));

        await using var db = await arena.DbAsync();
        var battle = await db.ArenaBattles.Include(b => b.Answers).Include(b => b.Turns).SingleAsync(b => b.Id == id, Cancel);
        Assert.Equal(BattleStatus.Answered, battle.Status);
        Assert.Equal(BattleMode.Blind, battle.Mode);
        Assert.Null(battle.RevealedAt);
        Assert.StartsWith("anon:", battle.Voter, StringComparison.Ordinal);
        Assert.Equal(PromptFingerprint.Of("Say hi"), battle.Turns.Single().PromptHash);
        var contestants = (await arena.ContestantsAsync()).ToDictionary(c => c.Id);
        var modelA = contestants[battle.ContestantA].Model;
        var modelB = contestants[battle.ContestantB].Model;
        Assert.NotEqual(modelA, modelB);
        Assert.Equal(Expected(modelA, "Say hi"), Text(events, "a"));
        Assert.Equal(Expected(modelB, "Say hi"), Text(events, "b"));
        var answerA = battle.Answers.Single(a => a.Side == BattleSide.A);
        Assert.Equal(Expected(modelA, "Say hi"), answerA.Text);
        Assert.Equal(AnswerOutcome.Completed, answerA.Outcome);
        Assert.NotNull(answerA.TimeToFirstTokenMs);
        Assert.True(answerA.OutputTokens > 0);
        Assert.Equal(modelA == FakeAnthropicServer.Model ? 0 : 1, answerA.Bold);

        // Names are hidden until the vote.
        using (var hidden = await arena.Client.GetAsync($"api/arena/battles/{id}", Cancel))
        {
            var body = await hidden.Content.ReadAsStringAsync(Cancel);
            Assert.DoesNotContain(modelA, body.Replace(Expected(modelA, "Say hi"), "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("openai-fake", body, StringComparison.Ordinal);
        }

        using var vote = await ArenaTestApp.VoteAsync(arena.Client, id, 1, "a");
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        using var voted = JsonDocument.Parse(await vote.Content.ReadAsStringAsync(Cancel));
        Assert.True(voted.RootElement.GetProperty("counted").GetBoolean());
        Assert.Equal("None", voted.RootElement.GetProperty("exclusion").GetString());
        var revealA = voted.RootElement.GetProperty("reveal").GetProperty("a");
        Assert.Equal(modelA, revealA.GetProperty("model").GetString());
        Assert.Equal(contestants[battle.ContestantA].BoardName, revealA.GetProperty("boardName").GetString());
        Assert.Equal(modelB, voted.RootElement.GetProperty("reveal").GetProperty("b").GetProperty("model").GetString());
        Assert.Equal(answerA.TimeToFirstTokenMs, revealA.GetProperty("ttftMs").GetInt32());
        Assert.Equal(answerA.OutputTokens, revealA.GetProperty("outputTokens").GetInt64());

        var read = await arena.Client.GetFromJsonAsync<JsonElement>($"api/arena/battles/{id}", Cancel);
        Assert.True(read.GetProperty("revealed").GetBoolean());
        Assert.Equal(modelA, read.GetProperty("a").GetProperty("model").GetString());
        Assert.Contains("<strong>hi</strong>", read.GetProperty("turns")[0].GetProperty(modelA == FakeAnthropicServer.Model ? "b" : "a").GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(new ArenaCounts(1, 1, 2, 1), await arena.CountsAsync());
    }

    [Theory, BothDatabases]
    public async Task Provider_failures_are_stored_marked_and_not_counted(DatabaseProvider provider)
    {
        // One OpenAI model: exactly two contestants, openai-fake/fake-small and anthropic-fake/claude-fake-1.
        await using var arena = await ArenaTestApp.StartAsync(provider, ["fake-small"]);
        NameAnswers(arena);

        async Task<(ArenaBattle Battle, List<SseEvent> Events, ArenaAnswer OpenAi, ArenaAnswer Anthropic)> BattleAsync(string prompt)
        {
            var (id, stream) = await arena.StartBattleAsync(new { prompt });
            var events = await arena.ReadStreamAsync(stream);
            await using var db = await arena.DbAsync();
            var battle = await db.ArenaBattles.Include(b => b.Answers).SingleAsync(b => b.Id == id, Cancel);
            var openAiId = (await arena.ContestantsAsync()).Single(c => c.Provider == "openai-fake").Id;
            var openAiSide = battle.ContestantA == openAiId ? BattleSide.A : BattleSide.B;
            return (battle, events, battle.Answers.Single(a => a.Side == openAiSide), battle.Answers.Single(a => a.Side != openAiSide));
        }

        // 429 once, then the retry succeeds (the very first request of each fake is refused).
        arena.OpenAi.Mode = FakeMode.TooManyRequestsOnce;
        arena.Anthropic.Mode = FakeMode.TooManyRequestsOnce;
        var retried = await BattleAsync("one");
        Assert.Equal(BattleStatus.Answered, retried.Battle.Status);
        Assert.Equal("Ava says **hi** to one", retried.OpenAi.Text);
        Assert.Equal(AnswerOutcome.Completed, retried.Anthropic.Outcome);
        Assert.Equal(2, arena.OpenAi.ChatRequests);
        Assert.Equal(2, arena.Anthropic.ChatRequests);

        // Dropped mid-answer: CutOff, the partial text kept, the battle Failed.
        arena.OpenAi.Mode = FakeMode.DropMidAnswer;
        arena.Anthropic.Mode = FakeMode.Normal;
        var dropped = await BattleAsync("two");
        Assert.Equal(AnswerOutcome.CutOff, dropped.OpenAi.Outcome);
        Assert.Equal("Ava says ", dropped.OpenAi.Text);
        Assert.Equal(AnswerOutcome.Completed, dropped.Anthropic.Outcome);
        Assert.Equal(BattleStatus.Failed, dropped.Battle.Status);
        Assert.Equal("Failed", dropped.Events[^1].Data.GetProperty("status").GetString());

        // Stall: no first token within the 2 s timeout.
        arena.OpenAi.Mode = FakeMode.Normal;
        arena.Anthropic.Mode = FakeMode.Stall;
        var stalled = await BattleAsync("three");
        Assert.Equal(AnswerOutcome.TimedOut, stalled.Anthropic.Outcome);
        Assert.Equal("", stalled.Anthropic.Text);
        Assert.Null(stalled.Anthropic.TimeToFirstTokenMs);
        Assert.Equal(AnswerOutcome.Completed, stalled.OpenAi.Outcome);
        Assert.Equal(BattleStatus.Failed, stalled.Battle.Status);
        var timedOutSide = stalled.Battle.Answers.Single(a => a.Outcome == AnswerOutcome.TimedOut).Side == BattleSide.A ? "a" : "b";
        Assert.Equal("TimedOut", stalled.Events.Single(e => e.Name == "done" && e.Side == timedOutSide).Data.GetProperty("outcome").GetString());
        using (var vote = await ArenaTestApp.VoteAsync(arena.Client, stalled.Battle.Id, 1, "b"))
        {
            Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
            using var voted = JsonDocument.Parse(await vote.Content.ReadAsStringAsync(Cancel));
            Assert.False(voted.RootElement.GetProperty("counted").GetBoolean());
            Assert.Equal("ProviderFailure", voted.RootElement.GetProperty("exclusion").GetString());
            Assert.Equal("TimedOut", voted.RootElement.GetProperty("reveal").GetProperty(timedOutSide).GetProperty("outcome").GetString());
        }

        // 500 on every attempt: Failed after the retries.
        arena.OpenAi.Mode = FakeMode.AlwaysFail;
        arena.Anthropic.Mode = FakeMode.Normal;
        var before = arena.OpenAi.ChatRequests;
        var failed = await BattleAsync("four");
        Assert.Equal(AnswerOutcome.Failed, failed.OpenAi.Outcome);
        Assert.Equal(3, arena.OpenAi.ChatRequests - before);
        Assert.Equal(BattleStatus.Failed, failed.Battle.Status);

        await using var check = await arena.DbAsync();
        var votes = await check.ArenaVotes.ToListAsync(Cancel);
        Assert.False(Assert.Single(votes).Counted);
        Assert.Equal(new ArenaCounts(4, 4, 8, 1), await arena.CountsAsync());
    }

    [Theory, BothDatabases]
    public async Task Each_side_continues_with_its_own_history(DatabaseProvider provider)
    {
        await using var arena = await ArenaTestApp.StartAsync(provider, ["fake-small"]);
        NameAnswers(arena);
        var (id, stream) = await arena.StartBattleAsync(new { prompt = "first" });
        await arena.ReadStreamAsync(stream);

        arena.OpenAi.PieceDelay = TimeSpan.FromMilliseconds(200);
        using var next = await arena.Client.PostAsJsonAsync($"api/arena/battles/{id}/turns", new { prompt = "second" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        using var created = JsonDocument.Parse(await next.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(2, created.RootElement.GetProperty("turn").GetInt32());
        using (var busy = await arena.Client.PostAsJsonAsync($"api/arena/battles/{id}/turns", new { prompt = "third" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        }

        var events = await arena.ReadStreamAsync(created.RootElement.GetProperty("stream").GetString()!);
        Assert.Equal("Answered", events[^1].Data.GetProperty("status").GetString());

        var openAiSecond = arena.OpenAi.Requests.ToArray()[1];
        Assert.Equal(["user", "assistant", "user"], openAiSecond.Messages.Select(m => m.Role));
        Assert.Equal(["first", "Ava says **hi** to first", "second"], openAiSecond.Messages.Select(m => m.Text));
        var anthropicSecond = arena.Anthropic.Requests.ToArray()[1];
        Assert.Equal(["first", string.Concat(FakeAnthropicServer.Pieces), "second"], anthropicSecond.Messages.Select(m => m.Text));
        Assert.Equal(new ArenaCounts(1, 2, 4, 0), await arena.CountsAsync());
    }

    [Theory, BothDatabases]
    public async Task Named_mode_checks_the_ids_and_its_votes_are_not_blind(DatabaseProvider provider)
    {
        await using var arena = await ArenaTestApp.StartAsync(provider);
        var contestants = await arena.ContestantsAsync();
        var small = contestants.Single(c => c.Model == "fake-small").Id;
        var claude = contestants.Single(c => c.Model == FakeAnthropicServer.Model).Id;

        foreach (var (body, field) in new (object, string)[]
        {
            (new { prompt = "p", mode = "named", a = small, b = 99999 }, "b"),
            (new { prompt = "p", mode = "named", a = -3, b = small }, "a"),
            (new { prompt = "p", mode = "named", a = small, b = small }, "b"),
            (new { prompt = "p", mode = "named", a = small }, "b"),
            (new { prompt = "p", mode = "sideways" }, "mode"),
        })
        {
            using var refused = await ArenaTestApp.PostBattleAsync(arena.Client, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString()!;
            Assert.StartsWith(field, detail, StringComparison.Ordinal);
        }

        Assert.Equal(new ArenaCounts(0, 0, 0, 0), await arena.CountsAsync());

        var (id, stream) = await arena.StartBattleAsync(new { prompt = "named one", mode = "named", a = small, b = claude });
        await arena.ReadStreamAsync(stream);
        var read = await arena.Client.GetFromJsonAsync<JsonElement>($"api/arena/battles/{id}", Cancel);
        Assert.Equal("named", read.GetProperty("mode").GetString());
        Assert.Equal("fake-small", read.GetProperty("a").GetProperty("model").GetString());
        using var vote = await ArenaTestApp.VoteAsync(arena.Client, id, 1, "tie");
        using var voted = JsonDocument.Parse(await vote.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("NotBlind", voted.RootElement.GetProperty("exclusion").GetString());
        Assert.False(voted.RootElement.GetProperty("counted").GetBoolean());
        await using var db = await arena.DbAsync();
        var stored = await db.ArenaVotes.SingleAsync(Cancel);
        Assert.Equal((VoteExclusion.NotBlind, ArenaChoice.Tie, false), (stored.Exclusion, stored.Choice, stored.Blind));
    }

    [Theory, BothDatabases]
    public async Task Bad_requests_are_refused_and_store_nothing(DatabaseProvider provider)
    {
        await using var arena = await ArenaTestApp.StartAsync(provider);
        foreach (var prompt in new[] { "", "   \n\t", new string('x', 16001) })
        {
            using var refused = await ArenaTestApp.PostBattleAsync(arena.Client, new { prompt });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString()!;
            Assert.StartsWith("prompt", detail, StringComparison.Ordinal);
            Assert.Contains("16000", detail, StringComparison.Ordinal);
        }

        using (var image = await ArenaTestApp.PostBattleAsync(arena.Client, new { prompt = "look", images = new[] { "data:image/png;base64," + new string('A', 6_000_000) } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, image.StatusCode);
            Assert.StartsWith("images", (await image.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(new ArenaCounts(0, 0, 0, 0), await arena.CountsAsync());

        using (var unknown = await ArenaTestApp.VoteAsync(arena.Client, Guid.NewGuid(), 1, "a"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        var (id, stream) = await arena.StartBattleAsync(new { prompt = "fine" });
        await arena.ReadStreamAsync(stream);
        using (var choice = await ArenaTestApp.VoteAsync(arena.Client, id, 1, "c"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, choice.StatusCode);
        }

        using var stranger = arena.NewVoter();
        using (var other = await ArenaTestApp.VoteAsync(stranger, id, 1, "a"))
        {
            Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        }

        using (var first = await ArenaTestApp.VoteAsync(arena.Client, id, 1, "bothbad"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var twice = await ArenaTestApp.VoteAsync(arena.Client, id, 1, "a"))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }

        using (var noTurn = await arena.Client.GetAsync($"api/arena/battles/{id}/turns/2/stream", Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, noTurn.StatusCode);
        }

        Assert.Equal(new ArenaCounts(1, 1, 2, 1), await arena.CountsAsync());
        await using var db = await arena.DbAsync();
        Assert.Equal(ArenaChoice.BothBad, (await db.ArenaVotes.SingleAsync(Cancel)).Choice);
    }

    [Theory, BothDatabases]
    public async Task A_finished_turn_replays_from_the_database(DatabaseProvider provider)
    {
        await using var arena = await ArenaTestApp.StartAsync(provider);
        var (id, stream) = await arena.StartBattleAsync(new { prompt = "replay me" });
        var live = await arena.ReadStreamAsync(stream);
        var broadcaster = arena.App.Services.GetRequiredService<TurnBroadcaster>();
        Assert.False(broadcaster.IsLive(id, 1));

        // Kept in memory a while after the end: a late reader gets every piece, as the live one did.
        var late = await arena.ReadStreamAsync(stream, arena.NewVoter());
        Assert.Equal(live.Select(e => e.Name), late.Select(e => e.Name));

        // Once forgotten (the retention passed, or the app restarted), the final answers come from the database.
        broadcaster.Forget(id, 1);
        var replay = await arena.ReadStreamAsync(stream, arena.NewVoter());
        Assert.Equal(["done", "done", "end"], replay.Select(e => e.Name));
        foreach (var side in new[] { "a", "b" })
        {
            var liveDone = live.Single(e => e.Name == "done" && e.Side == side).Data;
            var replayed = replay.Single(e => e.Name == "done" && e.Side == side).Data;
            Assert.Equal(liveDone.GetProperty("html").GetString(), replayed.GetProperty("html").GetString());
            Assert.Equal(liveDone.GetProperty("outcome").GetString(), replayed.GetProperty("outcome").GetString());
        }

        Assert.Equal(live[^1].Data.GetProperty("status").GetString(), replay[^1].Data.GetProperty("status").GetString());
    }

    [Theory, BothDatabases]
    public async Task Hostile_answers_never_reach_the_page_as_markup(DatabaseProvider provider)
    {
        await using var arena = await ArenaTestApp.StartAsync(provider);
        string[] hostile =
        [
            "# Title\n\n<script>alert(1)</script>\n\n",
            "<img src=x onerror=alert(2)>\n\n",
            "[click](javascript:alert(3)) and [ok](https://example.com)\n\n",
            "<iframe src=\"https://evil.example\"></iframe>\n\n",
            "<div style=\"color:red\" onclick=\"alert(4)\">raw</div>\n\n",
            "Spoof {#vote-a .reveal}\n\n```js\nconst x = '<b>';\n```\n",
        ];
        arena.OpenAi.Answer = _ => hostile;
        arena.Anthropic.Answer = _ => hostile;
        var (id, stream) = await arena.StartBattleAsync(new { prompt = "be evil" });
        var events = await arena.ReadStreamAsync(stream);
        var read = await arena.Client.GetStringAsync($"api/arena/battles/{id}", Cancel);
        var htmls = events.Where(e => e.Name is "html" or "done").Select(e => e.Data.GetProperty("html").GetString()!).ToList();
        var turn = JsonDocument.Parse(read).RootElement.GetProperty("turns")[0];
        htmls.Add(turn.GetProperty("a").GetProperty("html").GetString()!);
        htmls.Add(turn.GetProperty("b").GetProperty("html").GetString()!);
        var finals = events.Where(e => e.Name == "done").Select(e => e.Data.GetProperty("html").GetString()!).Concat(htmls.TakeLast(2)).ToList();
        Assert.Equal(4, finals.Count);
        Assert.All(finals, h => Assert.StartsWith("<h1>Title</h1>", h, StringComparison.Ordinal));
        foreach (var html in htmls)
        {
            // Escaped text (&lt;img …&gt;) is harmless; markup is not.
            foreach (var forbidden in new[] { "<script", "<img", "<iframe", "<div", "href=\"javascript" })
            {
                Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
            }

            Assert.DoesNotMatch(EventHandlerInTag(), html);
        }

        var final = events.First(e => e.Name == "done").Data.GetProperty("html").GetString()!;
        Assert.Contains("<a href=\"https://example.com\" rel=\"nofollow noopener noreferrer\">ok</a>", final, StringComparison.Ordinal);
        Assert.Contains("<pre><code>const x = '&lt;b&gt;';", final, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", final, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", final, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Many_voters_on_one_address_each_have_their_own_limit(DatabaseProvider provider)
    {
        await using var arena = await ArenaTestApp.StartAsync(provider);
        // More than the global per-address write limit (30 a minute): the arena's own per-voter policy applies.
        var voters = Enumerable.Range(0, 40).Select(_ => arena.NewVoter()).ToList();
        try
        {
            var started = await Task.WhenAll(voters.Select(v => arena.StartBattleAsync(new { prompt = "hello" }, v)));
            await Task.WhenAll(started.Select((s, i) => arena.ReadStreamAsync(s.Stream, voters[i])));
            var votes = await Task.WhenAll(started.Select((s, i) => ArenaTestApp.VoteAsync(voters[i], s.Id, 1, "a")));
            Assert.All(votes, v => Assert.Equal(HttpStatusCode.OK, v.StatusCode));
            foreach (var v in votes)
            {
                v.Dispose();
            }

            await using var db = await arena.DbAsync();
            Assert.Equal(40, await db.ArenaBattles.Select(b => b.Voter).Distinct().CountAsync(Cancel));
            Assert.Equal(new ArenaCounts(40, 40, 80, 40), await arena.CountsAsync());
        }
        finally
        {
            voters.ForEach(v => v.Dispose());
        }
    }

    [Theory, BothDatabases]
    public async Task The_page_offers_both_models_and_says_it_needs_javascript(DatabaseProvider provider)
    {
        await using var arena = await ArenaTestApp.StartAsync(provider);
        using var response = await arena.Client.GetAsync("arena", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(VoterIdentity.Cookie + "=", StringComparison.Ordinal) && v.Contains("httponly", StringComparison.OrdinalIgnoreCase)));
        var html = await response.Content.ReadAsStringAsync(Cancel);
        foreach (var id in new[] { "arena-prompt", "arena-send", "arena-mode-named", "arena-model-a", "arena-model-b", "answer-a", "answer-b", "vote-a", "vote-b", "vote-tie", "vote-bothbad", "reveal", "arena-continue", "arena-new", "arena-nojs" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        foreach (var c in await arena.ContestantsAsync())
        {
            Assert.Contains($"<option value=\"{c.Id}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("id=\"arena-image\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/arena\"", html, StringComparison.Ordinal);
    }
}
