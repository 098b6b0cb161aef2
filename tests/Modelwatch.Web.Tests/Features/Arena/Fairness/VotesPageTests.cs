using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Core.Arena;
using Modelwatch.Data;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.Arena.Fairness;
using Modelwatch.Web.Tests.Features.Arena.Support;

namespace Modelwatch.Web.Tests.Features.Arena.Fairness;

public sealed partial class VotesPageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task The_page_lists_votes_by_reason_and_its_buttons_reinstate_and_exclude(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var a = await FairnessBattles.ContestantAsync(app.Services, "p", "m1");
        var b = await FairnessBattles.ContestantAsync(app.Services, "p", "m2");
        var recorder = app.Services.GetRequiredService<ArenaVoteRecorder>();
        var counted = await recorder.RecordAsync(await FairnessBattles.BattleAsync(app.Services, a, b, "anon:page", ["Explain clouds"]), 1, ArenaChoice.A, "anon:page", Cancel);
        var leak = await recorder.RecordAsync(await FairnessBattles.BattleAsync(app.Services, a, b, "anon:page", ["Explain rivers"], answerB: "I am Claude."), 1, ArenaChoice.B, "anon:page", Cancel);
        Assert.Equal(VoteExclusion.IdentityLeak, leak.Exclusion);

        var page = await app.Client.GetStringAsync("arena/votes", Cancel);
        Assert.Contains($"data-vote=\"{counted.VoteId}\" data-counted=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-vote=\"{leak.VoteId}\" data-counted=\"false\" data-exclusion=\"IdentityLeak\"", page, StringComparison.Ordinal);
        Assert.Matches("data-reason=\"IdentityLeak\"><th scope=\"row\">[^<]+</th><td class=\"num\">1</td>", page);
        var filtered = await app.Client.GetStringAsync("arena/votes?reason=IdentityLeak", Cancel);
        Assert.DoesNotContain($"data-vote=\"{counted.VoteId}\"", filtered, StringComparison.Ordinal);

        var token = TokenField().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var posted = await app.Client.PostAsync($"arena/votes?handler=Reinstate&id={leak.VoteId}", form, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await app.Client.GetStringAsync("arena/votes", Cancel);
        Assert.Contains($"data-vote=\"{leak.VoteId}\" data-counted=\"true\"", after, StringComparison.Ordinal);

        using var noToken = await app.Client.PostAsync($"arena/votes?handler=Exclude&id={leak.VoteId}", new FormUrlEncodedContent([]), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        var korean = new HttpRequestMessage(HttpMethod.Get, "arena/votes");
        korean.Headers.AcceptLanguage.ParseAdd("ko");
        using var ko = await app.Client.SendAsync(korean, Cancel);
        Assert.Contains("아레나 투표", await ko.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
