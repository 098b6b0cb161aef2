using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Core.Arena;
using Modelwatch.Data;
using Modelwatch.Data.Arena;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.Arena.Fairness;
using Modelwatch.Web.Tests.Features.Arena.Support;

namespace Modelwatch.Web.Tests.Features.Arena.Fairness;

public sealed class ArenaVoteReviewTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Modelwatch:Arena:VotesPerMinute"] = "1000",
        ["Modelwatch:Arena:DailyCap"] = "1000",
        ["Modelwatch:Arena:RepeatedPromptKeep"] = "1000",
    };

    private static async Task<string> CountsAsync(WebApp app)
    {
        var db = await app.Services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>().CreateDbContextAsync(Cancel);
        await using (db)
        {
            var dataset = await db.VoteDatasets.AsNoTracking().SingleAsync(d => d.Name == ArenaDataset.Name, Cancel);
            var rows = await db.VotePairCounts.AsNoTracking().Where(c => c.DatasetId == dataset.Id).ToListAsync(Cancel);
            var stored = await db.StoredVotes.CountAsync(v => v.Id >= Modelwatch.Data.Votes.StoredVote.FirstKey(dataset.Id) && v.Id <= Modelwatch.Data.Votes.StoredVote.LastKey(dataset.Id), Cancel);
            return $"{dataset.VoteCount}/{stored}|" + string.Join(";", rows.OrderBy(r => r.Category, StringComparer.Ordinal).ThenBy(r => r.ModelA).ThenBy(r => r.ModelB)
                .Select(r => $"{r.Category}:{r.ModelA}-{r.ModelB}={r.WinsA},{r.WinsB},{r.Ties},{r.BothBad}"));
        }
    }

    [Theory, BothDatabases]
    public async Task Reinstate_and_exclude_round_trip_restores_the_exact_counts(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, Settings);
        var a = await FairnessBattles.ContestantAsync(app.Services, "p", "m1");
        var b = await FairnessBattles.ContestantAsync(app.Services, "p", "m2");
        var c = await FairnessBattles.ContestantAsync(app.Services, "p", "m3");
        var recorder = app.Services.GetRequiredService<ArenaVoteRecorder>();
        await recorder.RecordAsync(await FairnessBattles.BattleAsync(app.Services, a, b, "anon:r", ["Write a poem about rust in Python"]), 1, ArenaChoice.A, "anon:r", Cancel);
        await recorder.RecordAsync(await FairnessBattles.BattleAsync(app.Services, b, c, "anon:r", ["hello"]), 1, ArenaChoice.Tie, "anon:r", Cancel);
        var leak = await recorder.RecordAsync(await FairnessBattles.BattleAsync(app.Services, c, a, "anon:r", ["Solve 2x + 1 = 5"], answerA: "I am Gemini."), 1, ArenaChoice.B, "anon:r", Cancel);
        Assert.Equal(VoteExclusion.IdentityLeak, leak.Exclusion);
        var counted = await recorder.RecordAsync(await FairnessBattles.BattleAsync(app.Services, a, c, "anon:r", ["Prove that 7 is prime"]), 1, ArenaChoice.B, "anon:r", Cancel);
        var before = await CountsAsync(app);

        // Reinstate the leak (twice: idempotent), then exclude it again: back to the same counts, reason kept.
        using (var response = await app.Client.PostAsync($"api/arena/votes/{leak.VoteId}/reinstate", null, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var change = await response.Content.ReadFromJsonAsync<FairnessApi.VoteChange>(Cancel);
            Assert.Equal(new FairnessApi.VoteChange(leak.VoteId, true, "IdentityLeak", true, true), change);
        }

        var reinstated = await CountsAsync(app);
        Assert.NotEqual(before, reinstated);
        Assert.StartsWith("4/4|", reinstated, StringComparison.Ordinal);
        var again = await app.Client.PostAsync($"api/arena/votes/{leak.VoteId}/reinstate", null, Cancel);
        Assert.False((await again.Content.ReadFromJsonAsync<FairnessApi.VoteChange>(Cancel))!.Changed);
        Assert.Equal(reinstated, await CountsAsync(app));
        var review = app.Services.GetRequiredService<ArenaVoteReview>();
        Assert.Equal(ReviewOutcome.Changed, await review.ExcludeAsync(leak.VoteId, Cancel));
        Assert.Equal(ReviewOutcome.Unchanged, await review.ExcludeAsync(leak.VoteId, Cancel));
        Assert.Equal(before, await CountsAsync(app));

        // Exclude a counted vote by hand and reinstate it: exact counts again.
        Assert.Equal(ReviewOutcome.Changed, await review.ExcludeAsync(counted.VoteId, Cancel));
        Assert.StartsWith("2/2|", await CountsAsync(app), StringComparison.Ordinal);
        var counts = await app.Client.GetFromJsonAsync<ExclusionCounts>("api/arena/exclusions", Cancel);
        Assert.Equal((4, 2, 1, 1, 1), (counts!.Total, counts.Counted, counts.Excluded["Manual"], counts.Excluded["IdentityLeak"], counts.Overridden));
        var manual = await app.Client.GetFromJsonAsync<FairnessApi.VotesPage>("api/arena/votes?exclusion=Manual", Cancel);
        Assert.Equal(counted.VoteId, Assert.Single(manual!.Votes).Id);
        Assert.Equal(ReviewOutcome.Changed, await review.ReinstateAsync(counted.VoteId, Cancel));
        Assert.Equal(before, await CountsAsync(app));
        Assert.Equal(ReviewOutcome.NotFound, await review.ReinstateAsync(999_999, Cancel));
        using var missing = await app.Client.PostAsync("api/arena/votes/999999/exclude", null, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var bad = await app.Client.GetAsync("api/arena/votes?exclusion=Nonsense", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_voter_who_always_picks_one_side_is_flagged_and_can_be_excluded(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, Settings);
        var a = await FairnessBattles.ContestantAsync(app.Services, "p", "m1");
        var b = await FairnessBattles.ContestantAsync(app.Services, "p", "m2");
        var recorder = app.Services.GetRequiredService<ArenaVoteRecorder>();

        // An honest voter who splits 10/10 is never flagged.
        for (var i = 0; i < 20; i++)
        {
            var battle = await FairnessBattles.BattleAsync(app.Services, i % 2 == 0 ? a : b, i % 2 == 0 ? b : a, "anon:honest", [$"honest {i}"]);
            await recorder.RecordAsync(battle, 1, i % 4 < 2 ? ArenaChoice.A : ArenaChoice.B, "anon:honest", Cancel);
        }

        for (var i = 0; i < OutlierStatistic.SideBiasVotes; i++)
        {
            var battle = await FairnessBattles.BattleAsync(app.Services, i % 2 == 0 ? a : b, i % 2 == 0 ? b : a, "anon:lazy", [$"lazy {i}"]);
            await recorder.RecordAsync(battle, 1, ArenaChoice.A, "anon:lazy", Cancel);
            var open = await app.Client.GetFromJsonAsync<List<VoterFlagItem>>("api/arena/flags", Cancel);
            Assert.Equal(i == OutlierStatistic.SideBiasVotes - 1, open!.Any(f => f.Voter == "anon:lazy"));
        }

        var flags = await app.Client.GetFromJsonAsync<List<VoterFlagItem>>("api/arena/flags", Cancel);
        var flag = Assert.Single(flags!);
        Assert.Equal(("anon:lazy", FlagResolution.Open, 20), (flag.Voter, flag.Resolution, flag.Votes));
        Assert.Contains("side bias", flag.Reason, StringComparison.Ordinal);

        // Flagged only: the votes still count until an administrator excludes the voter.
        Assert.StartsWith("40/40|", await CountsAsync(app), StringComparison.Ordinal);
        using (var response = await app.Client.PostAsync("api/arena/flags/anon%3Alazy/exclude", null, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(20, (await response.Content.ReadFromJsonAsync<FairnessApi.VoterExcluded>(Cancel))!.Excluded);
        }

        Assert.StartsWith("20/20|", await CountsAsync(app), StringComparison.Ordinal);
        var outliers = await app.Client.GetFromJsonAsync<FairnessApi.VotesPage>("api/arena/votes?exclusion=OutlierVoter&pageSize=5", Cancel);
        Assert.Equal((20, 5), (outliers!.Total, outliers.Votes.Count));
        Assert.Empty((await app.Client.GetFromJsonAsync<List<VoterFlagItem>>("api/arena/flags", Cancel))!);
        using var clear = await app.Client.PostAsync("api/arena/flags/anon%3Anobody/clear", null, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, clear.StatusCode);
    }
}
