using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Core.Catalog;
using Modelwatch.Core.Leaderboards;
using Modelwatch.Data;
using Modelwatch.Data.Catalog;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.Leaderboard;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Tests.Features.Leaderboard;

public sealed partial class LeaderboardPageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Open_weights_only_keeps_exactly_the_open_weight_models_of_the_catalog(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        var all = await app.Client.GetFromJsonAsync<LeaderboardApi.Response>("api/leaderboard?pageSize=1000", Cancel);
        var open = await app.Client.GetFromJsonAsync<LeaderboardApi.Response>("api/leaderboard?openWeights=true&pageSize=1000", Cancel);
        Assert.NotNull(all);
        Assert.NotNull(open);

        Dictionary<string, LicenceClass> licences;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ModelwatchDbContext>();
            licences = await db.Set<CatalogModel>().AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Licence, StringComparer.Ordinal, Cancel);
        }

        bool IsOpen(LeaderboardApi.Row r) => r.ModelId is not null && licences[r.ModelId] is LicenceClass.OpenWeights or LicenceClass.OpenSource;
        Assert.NotEmpty(open.Rows);
        Assert.True(open.Total < all.Total);
        Assert.All(open.Rows, r => Assert.True(IsOpen(r), $"{r.Model} ({r.ModelId}) is not open weights"));
        Assert.Equal(all.Rows.Where(IsOpen).Select(r => r.Model).Order(StringComparer.Ordinal), open.Rows.Select(r => r.Model).Order(StringComparer.Ordinal));

        var page = await app.Client.GetStringAsync("?openWeights=true", Cancel);
        Assert.Equal(open.Total, BoardRow().Count(page));
    }

    [Theory, BothDatabases]
    public async Task Switching_category_shows_the_clis_vote_count_for_it(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        foreach (var category in new[] { "full", "hard_6", "math" })
        {
            // Each vote counts for both of its models.
            var cli = await CliReference.RankAsync(SeededData.VotesFile, "--category", category);
            var votes = cli.Sum(r => r.Votes) / 2;

            var api = await app.Client.GetFromJsonAsync<LeaderboardApi.Response>($"api/leaderboard?category={category}&pageSize=1", Cancel);
            Assert.NotNull(api);
            Assert.Equal(votes, api.VotesUsed);
            Assert.Equal(cli.Count, api.Total);
            Assert.Single(api.Rows);
            Assert.Equal(api.VotesUsed, api.Cleaning[^1].Remaining);
            Assert.NotNull(api.Solver);

            var page = await app.Client.GetStringAsync($"?category={category}", Cancel);
            Assert.Matches($"<option[^>]* value=\"{category}\" selected=\"selected\">", page);
            Assert.Matches($"id=\"board-meta\">{Regex.Escape(Display.Count(votes))} ", page);
            Assert.Equal(cli.Count, BoardRow().Count(page));
        }
    }

    [Theory, BothDatabases]
    public async Task The_plots_draw_one_mark_per_model_and_the_pareto_front_of_the_priced_ones(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        var api = await app.Client.GetFromJsonAsync<LeaderboardApi.Response>("api/leaderboard?pageSize=1000", Cancel);
        Assert.NotNull(api);
        var page = await app.Client.GetStringAsync("", Cancel);

        var intervals = Figure(page, "plot-intervals");
        Assert.Contains("role=\"img\"", intervals, StringComparison.Ordinal);
        Assert.Contains("<title>", intervals, StringComparison.Ordinal);
        Assert.Equal(api.Total, Mark().Count(intervals));

        var top = Math.Min(LeaderboardPlots.HeatMapModels, api.Total);
        foreach (var id in new[] { "plot-winfraction", "plot-battles" })
        {
            var cells = Cell().Matches(Figure(page, id)).Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.Equal(api.Rows.Take(top).Select(r => r.Model).Order(StringComparer.Ordinal), cells.Order(StringComparer.Ordinal));
        }

        var priced = api.Rows.Where(r => LeaderboardPlots.Blended(r.InputPerMillion, r.OutputPerMillion) > 0).ToList();
        var price = Figure(page, "plot-price");
        Assert.True(priced.Count > 20, $"only {priced.Count} models have a price");
        Assert.Equal(priced.Count, Mark().Count(price));
        var front = ParetoFront.Of(priced, r => LeaderboardPlots.Blended(r.InputPerMillion, r.OutputPerMillion)!.Value, r => r.Rating).Select(r => r.Model);
        var drawn = OnFront().Matches(price).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));
        Assert.Equal(front.Order(StringComparer.Ordinal), drawn.Order(StringComparer.Ordinal));

        // No inline style attributes anywhere (the CSP forbids them).
        Assert.DoesNotContain(" style=\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"how\"", page, StringComparison.Ordinal);
        Assert.Contains($"/api/votes/export?dataset={SeededData.VotesDataset}&amp;format=jsonl", page, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Prices_are_not_the_free_tier_when_a_paid_offering_exists(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        var api = await app.Client.GetFromJsonAsync<LeaderboardApi.Response>("api/leaderboard?pageSize=1000", Cancel);
        Assert.NotNull(api);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ModelwatchDbContext>();
        var paid = await db.Set<PriceRow>().AsNoTracking().Where(p => p.EffectiveTo == null && p.InputPerMillion > 0)
            .Join(db.Set<Offering>().Where(o => o.ModelId != null && o.Variant == null), p => p.OfferingId, o => o.Id, (p, o) => o.ModelId!)
            .Distinct().ToListAsync(Cancel);
        var free = api.Rows.Where(r => r.InputPerMillion == 0m && r.ModelId is not null && paid.Contains(r.ModelId)).Select(r => r.Model).ToList();
        Assert.Empty(free);
        Assert.Contains(api.Rows, r => r.InputPerMillion > 0m);
    }

    [Theory, BothDatabases]
    public async Task Unknown_dataset_or_category_is_a_404_problem(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        foreach (var query in new[] { "dataset=no-such-votes", "category=klingon" })
        {
            using var api = await app.Client.GetAsync($"api/leaderboard?{query}", Cancel);
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            using var page = await app.Client.GetAsync($"?{query}", Cancel);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }
    }

    private static string Figure(string page, string id)
    {
        var start = page.IndexOf($"class=\"plot\" id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no figure #{id}");
        return page[start..page.IndexOf("</figure>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<tr[^>]* data-model=")]
    private static partial Regex BoardRow();

    [GeneratedRegex("<g class=\"mark[^\"]*\" data-model=")]
    private static partial Regex Mark();

    [GeneratedRegex("<g class=\"cell\" data-row=\"([^\"]*)\"")]
    private static partial Regex Cell();

    [GeneratedRegex("<g class=\"mark on-front\" data-model=\"([^\"]*)\"")]
    private static partial Regex OnFront();
}
