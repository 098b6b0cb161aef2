using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Core.Arena;
using Modelwatch.Data;
using Modelwatch.Data.Arena;
using Modelwatch.Data.Votes;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.Arena.Fairness;
using Modelwatch.Web.Features.Leaderboard;
using Modelwatch.Web.Tests.Features.Arena.Support;

namespace Modelwatch.Web.Tests.Features.Arena.Fairness;

public sealed class ArenaVoteRecorderTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Settings(int perMinute = 1000, int dailyCap = 1000, int keep = 1000) => new()
    {
        ["Modelwatch:Arena:VotesPerMinute"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Modelwatch:Arena:DailyCap"] = dailyCap.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Modelwatch:Arena:RepeatedPromptKeep"] = keep.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static ArenaVoteRecorder Recorder(WebApp app) => app.Services.GetRequiredService<ArenaVoteRecorder>();

    [Theory, BothDatabases]
    public async Task A_counted_vote_reaches_the_board_and_the_cli_agrees_with_the_export(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, Settings());
        var x = await FairnessBattles.ContestantAsync(app.Services, "local", "alpha-one");
        var y = await FairnessBattles.ContestantAsync(app.Services, "local", "beta-two");
        var z = await FairnessBattles.ContestantAsync(app.Services, "other", "gamma-three");
        var choices = new[] { ArenaChoice.A, ArenaChoice.A, ArenaChoice.B, ArenaChoice.Tie, ArenaChoice.A, ArenaChoice.BothBad, ArenaChoice.B, ArenaChoice.A, ArenaChoice.A };
        var pairs = new[] { (x, y), (y, z), (z, x) };
        for (var i = 0; i < choices.Length; i++)
        {
            var (a, b) = pairs[i % 3];
            var prompt = i % 2 == 0 ? $"Write a Python function number {i}" : $"Solve 2x + {i} = 7";
            var battle = await FairnessBattles.BattleAsync(app.Services, a, b, "anon:v1", [prompt]);
            var recorded = await Recorder(app).RecordAsync(battle, 1, choices[i], "anon:v1", Cancel);
            Assert.True(recorded.Counted);
            Assert.Equal(VoteExclusion.None, recorded.Exclusion);
            if (i == 0)
            {
                // The first vote shows within 2 s (the dataset list is trusted for 1 s).
                var started = DateTime.UtcNow;
                LeaderboardApi.Response? board = null;
                while (DateTime.UtcNow - started < TimeSpan.FromSeconds(2))
                {
                    using var response = await app.Client.GetAsync("api/leaderboard?dataset=arena", Cancel);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        board = await response.Content.ReadFromJsonAsync<LeaderboardApi.Response>(Cancel);
                        break;
                    }

                    await Task.Delay(100, Cancel);
                }

                Assert.NotNull(board);
                Assert.Equal(["local/alpha-one", "local/beta-two"], board.Rows.Select(r => r.Model).Order(StringComparer.Ordinal));
                Assert.Equal(1, board.VotesUsed);
            }
        }

        await Task.Delay(LeaderboardService.DatasetListLifetime + TimeSpan.FromMilliseconds(200), Cancel);
        var db = await app.Services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>().CreateDbContextAsync(Cancel);
        await using (db)
        {
            var dataset = await db.VoteDatasets.SingleAsync(d => d.Name == ArenaDataset.Name, Cancel);
            Assert.Equal(choices.Length, dataset.VoteCount);
            Assert.Equal(3, dataset.ModelCount);
            Assert.Equal(choices.Length, await db.VotePairCounts.Where(c => c.DatasetId == dataset.Id && c.Category == "full").SumAsync(c => c.WinsA + c.WinsB + c.Ties + c.BothBad, Cancel));
            Assert.Equal(choices.Count(c => c is ArenaChoice.A or ArenaChoice.B), await db.VotePairCounts.Where(c => c.DatasetId == dataset.Id && c.Category == "no_tie").SumAsync(c => c.WinsA + c.WinsB, Cancel));
            Assert.Equal(5, await db.VotePairCounts.Where(c => c.DatasetId == dataset.Id && c.Category == "coding").SumAsync(c => c.WinsA + c.WinsB + c.Ties + c.BothBad, Cancel));
            // Style counters: 100 vs 200 output tokens per turn, as the answers say.
            var stored = await db.StoredVotes.Where(v => v.Id >= StoredVote.FirstKey(dataset.Id) && v.Id <= StoredVote.LastKey(dataset.Id)).ToListAsync(Cancel);
            Assert.All(stored, v => Assert.Equal((100, 200, 1, 0, 2, 1, 3, 0), (v.TokensA, v.TokensB, v.HeadersA, v.HeadersB, v.ListsA, v.ListsB, v.BoldA, v.BoldB)));
        }

        // The home page's default stays an imported dataset when there is one; with only the arena, the arena.
        var folder = Directory.CreateTempSubdirectory("modelwatch-arena-export-");
        try
        {
            var file = Path.Combine(folder.FullName, "arena.jsonl");
            using (var response = await app.Client.GetAsync("api/votes/export?dataset=arena&format=jsonl", Cancel))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                await using var output = File.Create(file);
                await response.Content.CopyToAsync(output, Cancel);
            }

            foreach (var category in new[] { "full", "coding" })
            {
                var board = await app.Client.GetFromJsonAsync<LeaderboardApi.Response>($"api/leaderboard?dataset=arena&category={category}", Cancel);
                Assert.NotNull(board);
                var cli = await CliReference.RankAsync(file, "--category", category);
                Assert.Equal(board.Rows.Count, cli.Count);
                var web = board.Rows.ToDictionary(r => r.Model, StringComparer.Ordinal);
                foreach (var row in cli)
                {
                    var mine = web[row.Model];
                    Assert.Equal((row.Rank, row.Votes), (mine.Rank, mine.Votes));
                    Assert.Equal(row.Rating, mine.Rating, 0.01);
                    Assert.Equal(row.Lower, mine.Lower, 0.01);
                    Assert.Equal(row.Upper, mine.Upper, 0.01);
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory, BothDatabases]
    public async Task Each_rule_excludes_with_its_reason_and_refusals_store_nothing(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, Settings(perMinute: 1000, dailyCap: 1000, keep: 1));
        var a = await FairnessBattles.ContestantAsync(app.Services, "openai", "gpt-4o-mini");
        var b = await FairnessBattles.ContestantAsync(app.Services, "local", "qwen2.5-7b");
        const string v = "anon:rules";

        async Task<VoteRecorded> Vote(Guid battle, int turn = 1, string voter = v) => await Recorder(app).RecordAsync(battle, turn, ArenaChoice.A, voter, Cancel);

        Assert.Equal(VoteExclusion.NotBlind, (await Vote(await FairnessBattles.BattleAsync(app.Services, a, b, v, ["Explain tides"], mode: BattleMode.Named))).Exclusion);
        Assert.Equal(VoteExclusion.ProviderFailure, (await Vote(await FairnessBattles.BattleAsync(app.Services, a, b, v, ["Explain rain"], outcomeB: AnswerOutcome.CutOff))).Exclusion);
        Assert.Equal(VoteExclusion.IdentityPrompt, (await Vote(await FairnessBattles.BattleAsync(app.Services, a, b, v, ["너는 누구야?"]))).Exclusion);
        Assert.Equal(VoteExclusion.IdentityLeak, (await Vote(await FairnessBattles.BattleAsync(app.Services, a, b, v, ["Explain snow"], answerB: "As Qwen, I think snow is frozen water."))).Exclusion);
        Assert.Equal(VoteExclusion.IdentityLeak, (await Vote(await FairnessBattles.BattleAsync(app.Services, a, b, v, ["Explain hail"], answerA: "Claude would say hail is ice."))).Exclusion);

        // Multi-turn: a vote on the second turn is tagged multi_turn (and blind: no earlier vote revealed the names).
        var twoTurns = await FairnessBattles.BattleAsync(app.Services, a, b, v, ["Explain fog", "And mist?"]);
        var second = await Vote(twoTurns, turn: 2);
        Assert.True(second.Counted);

        // Repeated prompt: keep 1 counted vote per prompt fingerprint ("and mist?" already has one).
        var repeated = await Vote(await FairnessBattles.BattleAsync(app.Services, a, b, v, ["  AND   mist? "]));
        Assert.Equal(VoteExclusion.RepeatedPrompt, repeated.Exclusion);

        // Refusals.
        var missing = await Assert.ThrowsAsync<VoteRefusedException>(() => Vote(Guid.NewGuid()));
        Assert.Equal(VoteRefusal.BattleNotFound, missing.Refusal);
        var someoneElse = await FairnessBattles.BattleAsync(app.Services, a, b, "anon:other", ["Explain wind"]);
        Assert.Equal(VoteRefusal.NotYourBattle, (await Assert.ThrowsAsync<VoteRefusedException>(() => Vote(someoneElse))).Refusal);
        Assert.Equal(VoteRefusal.TurnNotAnswered, (await Assert.ThrowsAsync<VoteRefusedException>(() => Vote(someoneElse, turn: 2, voter: "anon:other"))).Refusal);
        var streaming = await FairnessBattles.BattleAsync(app.Services, a, b, v, ["Explain sleet"], status: BattleStatus.Streaming);
        Assert.Equal(VoteRefusal.TurnNotAnswered, (await Assert.ThrowsAsync<VoteRefusedException>(() => Vote(streaming))).Refusal);
        Assert.Equal(VoteRefusal.AlreadyVoted, (await Assert.ThrowsAsync<VoteRefusedException>(() => Vote(twoTurns, turn: 2))).Refusal);

        var db = await app.Services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>().CreateDbContextAsync(Cancel);
        await using (db)
        {
            var votes = await db.ArenaVotes.OrderBy(x => x.Id).ToListAsync(Cancel);
            Assert.Equal(7, votes.Count);
            Assert.Equal([PromptCategories.MultiTurn], votes.Single(x => x.BattleId == twoTurns && x.Turn == 2).Categories);
            Assert.Equal(1, votes.Count(x => x.Counted));
            Assert.Equal(1, (await db.VoteDatasets.SingleAsync(d => d.Name == ArenaDataset.Name, Cancel)).VoteCount);
            Assert.NotNull((await db.ArenaBattles.SingleAsync(x => x.Id == twoTurns, Cancel)).RevealedAt);
        }

        // After the first vote reveals the names, a later vote on the same battle is not blind.
        var revealed = await FairnessBattles.BattleAsync(app.Services, a, b, v, ["Explain dew", "And frost?"]);
        Assert.True((await Vote(revealed)).Counted);
        Assert.Equal(VoteExclusion.NotBlind, (await Vote(revealed, turn: 2)).Exclusion);
    }

    [Theory, BothDatabases]
    public async Task Rate_limit_and_daily_cap_apply_per_voter(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, Settings(perMinute: 3, dailyCap: 2));
        var a = await FairnessBattles.ContestantAsync(app.Services, "p", "m1");
        var b = await FairnessBattles.ContestantAsync(app.Services, "p", "m2");
        var results = new List<VoteRecorded>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await Recorder(app).RecordAsync(await FairnessBattles.BattleAsync(app.Services, a, b, "anon:cap", [$"question {i}"]), 1, ArenaChoice.B, "anon:cap", Cancel));
        }

        Assert.Equal([VoteExclusion.None, VoteExclusion.None, VoteExclusion.DailyCap], results.Select(r => r.Exclusion));
        var fourth = await FairnessBattles.BattleAsync(app.Services, a, b, "anon:cap", ["question 4"]);
        var limited = await Assert.ThrowsAsync<VoteRefusedException>(() => Recorder(app).RecordAsync(fourth, 1, ArenaChoice.B, "anon:cap", Cancel));
        Assert.Equal(VoteRefusal.RateLimited, limited.Refusal);
        Assert.NotNull(limited.RetryAfter);
        Assert.InRange(limited.RetryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        // Another voter is not limited by the first one.
        var other = await FairnessBattles.BattleAsync(app.Services, a, b, "anon:else", ["question 5"]);
        Assert.True((await Recorder(app).RecordAsync(other, 1, ArenaChoice.B, "anon:else", Cancel)).Counted);
    }

    [Theory, BothDatabases]
    public async Task Two_votes_at_once_on_one_turn_store_exactly_one(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, Settings());
        var a = await FairnessBattles.ContestantAsync(app.Services, "p", "m1");
        var b = await FairnessBattles.ContestantAsync(app.Services, "p", "m2");
        for (var round = 0; round < 5; round++)
        {
            var battle = await FairnessBattles.BattleAsync(app.Services, a, b, "anon:twice", [$"twice {round}"]);
            var tasks = Enumerable.Range(0, 2).Select(_ => Task.Run(() => Recorder(app).RecordAsync(battle, 1, ArenaChoice.A, "anon:twice", Cancel), Cancel)).ToList();
            var outcomes = new List<object>();
            foreach (var task in tasks)
            {
                try
                {
                    outcomes.Add(await task);
                }
                catch (VoteRefusedException refused)
                {
                    outcomes.Add(refused.Refusal);
                }
            }

            Assert.Single(outcomes.OfType<VoteRecorded>());
            Assert.Equal([VoteRefusal.AlreadyVoted], outcomes.OfType<VoteRefusal>());
        }

        var db = await app.Services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>().CreateDbContextAsync(Cancel);
        await using (db)
        {
            Assert.Equal(5, await db.ArenaVotes.CountAsync(Cancel));
            Assert.Equal(5, (await db.VoteDatasets.SingleAsync(d => d.Name == ArenaDataset.Name, Cancel)).VoteCount);
        }
    }

    [Theory, BothDatabases]
    public async Task Fifty_parallel_votes_on_fifty_battles_count_fifty(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, Settings());
        var models = new List<ArenaContestant>();
        for (var i = 0; i < 6; i++)
        {
            models.Add(await FairnessBattles.ContestantAsync(app.Services, "p", $"model-{i}"));
        }

        var battles = new List<(Guid Id, string Voter)>();
        for (var i = 0; i < 50; i++)
        {
            var voter = $"anon:{i % 7}";
            battles.Add((await FairnessBattles.BattleAsync(app.Services, models[i % 6], models[(i + 1 + ((i / 6) % 5)) % 6], voter, [$"parallel prompt {i}"]), voter));
        }

        var choices = new[] { ArenaChoice.A, ArenaChoice.B, ArenaChoice.Tie, ArenaChoice.BothBad };
        var results = await Task.WhenAll(battles.Select((battle, i) => Task.Run(() => Recorder(app).RecordAsync(battle.Id, 1, choices[i % 4], battle.Voter, Cancel), Cancel)));
        Assert.All(results, r => Assert.True(r.Counted));

        var db = await app.Services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>().CreateDbContextAsync(Cancel);
        await using (db)
        {
            var dataset = await db.VoteDatasets.SingleAsync(d => d.Name == ArenaDataset.Name, Cancel);
            Assert.Equal(50, dataset.VoteCount);
            Assert.Equal(6, dataset.ModelCount);
            Assert.Equal(6, await db.VoteModels.CountAsync(m => m.DatasetId == dataset.Id, Cancel));
            Assert.Equal(50, await db.VotePairCounts.Where(c => c.DatasetId == dataset.Id && c.Category == "full").SumAsync(c => c.WinsA + c.WinsB + c.Ties + c.BothBad, Cancel));
            Assert.Equal(Enumerable.Range(0, 50).Count(i => choices[i % 4] is ArenaChoice.A or ArenaChoice.B), await db.VotePairCounts.Where(c => c.DatasetId == dataset.Id && c.Category == "no_tie").SumAsync(c => c.WinsA + c.WinsB, Cancel));
            Assert.Equal(50, await db.StoredVotes.CountAsync(v => v.Id >= StoredVote.FirstKey(dataset.Id) && v.Id <= StoredVote.LastKey(dataset.Id), Cancel));
            // Each counted vote raises the revision once; a vote that finds a model new raises it once more when it takes
            // the dataset lock to give the model its index (how many do depends on the interleaving).
            Assert.InRange(dataset.Revision, 50, 100);
        }
    }
}
