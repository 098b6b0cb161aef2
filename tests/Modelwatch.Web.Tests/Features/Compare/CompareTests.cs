using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Data;
using Modelwatch.Data.Votes;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.Compare;
using Modelwatch.Web.Features.Leaderboard;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Tests.Features.Compare;

public sealed class CompareTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Two_real_models_compare_with_the_leaderboards_prediction_and_the_votes_observed_fraction(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        var board = await app.Client.GetFromJsonAsync<LeaderboardApi.Response>("api/leaderboard?pageSize=1000", Cancel);
        Assert.NotNull(board);

        // Models voted on under exactly one name, so the name the comparison uses is known without asking it.
        var single = board.Rows.Where(r => r.ModelId != null && board.Rows.Count(x => x.ModelId == r.ModelId) == 1).ToList();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        var counts = await new VoteStore(db, TimeProvider.System).LoadCountsAsync(board.Dataset, "full", Cancel);
        var index = counts.Models.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);

        // The first pair of top models that met more than a handful of times, counted from the stored pair counts.
        var (a, b, row) = single.SelectMany((x, i) => single.Skip(i + 1).Select(y => (x, y)))
            .Select(p => (p.x, p.y, Row: counts.Rows.SingleOrDefault(r => r.ModelA == Math.Min(index[p.x.Model], index[p.y.Model]) && r.ModelB == Math.Max(index[p.x.Model], index[p.y.Model]))))
            .First(p => p.Row is { Total: >= 20 });
        var aFirst = index[a.Model] < index[b.Model];
        var winsA = aFirst ? row!.WinsA : row!.WinsB;
        var winsB = aFirst ? row.WinsB : row.WinsA;
        var ties = row.Ties + row.BothBad;
        var observed = (winsA + (ties / 2.0)) / row.Total;
        var predicted = 1 / (1 + Math.Pow(10, (b.Rating - a.Rating) / 400));

        var data = await app.Client.GetFromJsonAsync<CompareData>($"api/compare?m={a.ModelId}&m={b.ModelId}", Cancel);
        Assert.NotNull(data);
        Assert.Equal([a.ModelId!, b.ModelId!], data.Models.Select(m => m.Model.Id));
        var pair = Assert.Single(data.HeadToHead);
        Assert.Equal((a.Model, b.Model), (pair.VoteNameA, pair.VoteNameB));
        Assert.Equal((winsA, winsB, ties, row.Total), (pair.WinsA, pair.WinsB, pair.Ties, pair.Count));
        Assert.NotNull(pair.ObservedA);
        Assert.Equal(observed, pair.ObservedA.Value, 1e-9);
        Assert.Equal(predicted, pair.PredictedA, 1e-9);
        var fullRating = Assert.Single(data.Rows, r => r.Key == "rating:full");
        Assert.Equal([Display.Rating(a.Rating), Display.Rating(b.Rating)], fullRating.Values);
        var context = Assert.Single(data.Rows, r => r.Key == "context_window");
        Assert.Equal(context.Values[0] != context.Values[1], context.Differs);

        var html = WebUtility.HtmlDecode(await app.Client.GetStringAsync($"compare?m={a.ModelId}&m={b.ModelId}", Cancel));
        Assert.Contains("id=\"compare\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"head-to-head\"", html, StringComparison.Ordinal);
        Assert.Contains(Display.Percent(observed), html, StringComparison.Ordinal);
        Assert.Contains(Display.Percent(predicted), html, StringComparison.Ordinal);
        Assert.Equal(data.Rows.Count(r => r.Differs), html.Split("class=\"differs\"").Length - 1);
    }

    [Theory, BothDatabases]
    public async Task Too_few_too_many_or_unknown_models_are_refused_with_a_reason(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        var ids = (await app.Client.GetFromJsonAsync<Web.Features.Models.ModelListPage>("api/models?pageSize=5", Cancel))!.Rows.Select(r => r.Id).ToList();

        foreach (var (query, status) in new[]
        {
            ("m=" + ids[0], HttpStatusCode.BadRequest),
            (string.Join("&", ids.Take(5).Select(i => "m=" + i)), HttpStatusCode.BadRequest),
            ($"m={ids[0]}&m={ids[0]}", HttpStatusCode.BadRequest),
            ($"m={ids[0]}&m=nolab/no-such-model", HttpStatusCode.NotFound),
        })
        {
            using var api = await app.Client.GetAsync("api/compare?" + query, Cancel);
            Assert.Equal(status, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            using var page = await app.Client.GetAsync("compare?" + query, Cancel);
            Assert.Equal(status, page.StatusCode);
            Assert.Contains("id=\"compare-problem\"", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        var empty = await app.Client.GetStringAsync("compare", Cancel);
        Assert.Contains("id=\"compare-hint\"", empty, StringComparison.Ordinal);
        Assert.Contains("id=\"model-choices\"", empty, StringComparison.Ordinal);
    }
}
