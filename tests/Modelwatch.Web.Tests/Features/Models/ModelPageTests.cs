using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Data;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.Models;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Tests.Features.Models;

public sealed class ModelPageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task The_model_page_shows_the_facts_prices_history_and_scores_the_database_holds(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Cancel);

        // A real model with priced offerings and benchmark scores; the one with the longest price history.
        var scored = await db.BenchmarkScores.Where(s => s.ModelId != null).Select(s => s.ModelId!).Distinct().ToListAsync(Cancel);
        var offerings = await db.Offerings.Include(o => o.Prices).Where(o => o.ModelId != null && scored.Contains(o.ModelId)).ToListAsync(Cancel);
        var id = offerings.GroupBy(o => o.ModelId!)
            .OrderByDescending(g => g.Max(o => o.Prices.Count)).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var model = await db.Models.SingleAsync(m => m.Id == id, Cancel);
        var facts = await db.Facts.Where(f => f.ModelId == id).ToListAsync(Cancel);
        var scores = await db.BenchmarkScores.Where(s => s.ModelId == id).ToListAsync(Cancel);
        var own = offerings.Where(o => o.ModelId == id).ToList();

        var api = await app.Client.GetFromJsonAsync<ModelPageData>($"api/models/{id}", Cancel);
        Assert.NotNull(api);
        Assert.Equal(id, api.Model.Id);
        Assert.Equal(model.ContextWindow, api.Model.ContextWindow);
        Assert.Equal(facts.Count, api.Facts.Count);
        foreach (var field in facts.Select(f => f.Field).Distinct())
        {
            // Exactly one winner per field, and every claim that disagrees with it is marked.
            var claims = api.Facts.Where(f => f.Field == field).ToList();
            var winner = Assert.Single(claims, f => f.Winner);
            Assert.All(claims.Where(c => !c.Winner), c => Assert.Equal(c.Value != winner.Value, c.Differs));
        }

        Assert.Equal(own.Count, api.Offerings.Count);
        foreach (var o in own)
        {
            var shown = Assert.Single(api.Offerings, x => x.Provider == o.Provider && x.ProviderModelId == o.ProviderModelId && x.Source == o.Source);
            var current = o.Prices.SingleOrDefault(p => p.EffectiveTo == null);
            Assert.Equal(current?.InputPerMillion, shown.Current?.Input);
            Assert.Equal(current?.OutputPerMillion, shown.Current?.Output);
            Assert.Equal(o.Prices.OrderBy(p => p.EffectiveFrom).Select(p => p.EffectiveTo), shown.History.Select(p => p.To));
        }

        Assert.Equal(scores.Count, api.Benchmarks.Count);
        Assert.All(scores, s => Assert.Contains(api.Benchmarks, b => b.Benchmark == s.Benchmark && b.Variant == s.Variant && b.Source == s.Source && b.Score == s.Score && b.AsOf == s.AsOf && b.SourceUrl == s.SourceUrl));

        var html = WebUtility.HtmlDecode(await app.Client.GetStringAsync($"models/{id}", Cancel));
        foreach (var tableId in new[] { "facts", "offerings", "benchmarks" })
        {
            Assert.Contains($"id=\"{tableId}\"", html, StringComparison.Ordinal);
        }

        foreach (var price in own.SelectMany(o => o.Prices).Where(p => p.EffectiveTo == null && p.InputPerMillion != null))
        {
            Assert.Contains(Display.PricePerMillion(price.InputPerMillion), html, StringComparison.Ordinal);
        }

        foreach (var period in own.SelectMany(o => o.Prices).Where(p => p.EffectiveTo != null))
        {
            Assert.Contains($"data-to=\"{Display.Date(period.EffectiveTo)}\"", html, StringComparison.Ordinal);
        }

        Assert.All(scores.Where(s => s.SourceUrl != null), s => Assert.Contains($"href=\"{s.SourceUrl}\"", html, StringComparison.Ordinal));
        Assert.Contains(facts.First(f => f.Field == "context_window" || f.Field == "display_name").Value, html, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_model_with_votes_shows_our_rating_from_the_leaderboard(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        var board = await app.Client.GetFromJsonAsync<Web.Features.Leaderboard.LeaderboardApi.Response>("api/leaderboard?pageSize=1000", Cancel);
        Assert.NotNull(board);
        var row = board.Rows.First(r => r.ModelId != null && board.Rows.Count(x => x.ModelId == r.ModelId) == 1);

        var api = await app.Client.GetFromJsonAsync<ModelPageData>($"api/models/{row.ModelId}", Cancel);
        Assert.NotNull(api);
        var full = Assert.Single(api.ArenaRatings, r => r.Category == "full");
        Assert.Equal((row.Model, row.Rank, row.Votes), (full.VoteName, full.Rank, full.Votes));
        Assert.Equal(row.Rating, full.Rating, 1e-9);
        var html = await app.Client.GetStringAsync($"models/{row.ModelId}", Cancel);
        Assert.Contains("id=\"ratings\"", html, StringComparison.Ordinal);
        Assert.Contains(Display.Rating(row.Rating), html, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task An_unknown_model_is_a_404_page_and_a_404_problem(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);

        using var page = await app.Client.GetAsync("models/nolab/no-such-model", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("nolab/no-such-model", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var api = await app.Client.GetAsync("api/models/nolab/no-such-model", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Theory, BothDatabases]
    public async Task The_list_api_pages_and_filters_the_catalog(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        var ids = (await db.Models.Select(m => m.Id).ToListAsync(Cancel)).Order(StringComparer.Ordinal).ToList();
        var open = await db.Models.CountAsync(m => m.Licence == Core.Catalog.LicenceClass.OpenWeights || m.Licence == Core.Catalog.LicenceClass.OpenSource, Cancel);
        var longContext = await db.Models.CountAsync(m => m.ContextWindow >= 200_000, Cancel);

        var second = await app.Client.GetFromJsonAsync<ModelListPage>("api/models?page=2&pageSize=7", Cancel);
        Assert.NotNull(second);
        Assert.Equal((2, 7, ids.Count), (second.Page, second.PageSize, second.Total));
        Assert.Equal(ids.Skip(7).Take(7), second.Rows.Select(r => r.Id));

        var openPage = await app.Client.GetFromJsonAsync<ModelListPage>("api/models?openWeights=true&pageSize=1000", Cancel);
        Assert.NotNull(openPage);
        Assert.Equal(open, openPage.Total);
        Assert.True(open > 0 && open < ids.Count, $"{open} of {ids.Count} models have open weights");
        var contextPage = await app.Client.GetFromJsonAsync<ModelListPage>("api/models?minContext=200000&pageSize=1", Cancel);
        Assert.Equal(longContext, contextPage?.Total);

        using var bad = await app.Client.GetAsync("api/models?pageSize=0", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var html = await app.Client.GetStringAsync("models?page=2", Cancel);
        Assert.Contains("id=\"models\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/models/{ids[50]}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/models/{ids[0]}\"", html, StringComparison.Ordinal);
    }
}
