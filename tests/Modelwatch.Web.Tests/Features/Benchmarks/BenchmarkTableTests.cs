using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Data;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.Benchmarks;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Tests.Features.Benchmarks;

public sealed class BenchmarkTableTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Every_cell_is_the_newest_stored_score_and_links_to_its_source(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        var stored = await db.BenchmarkScores.Where(s => s.ModelId != null).ToListAsync(Cancel);
        var pairs = stored.GroupBy(s => (s.ModelId, s.Benchmark)).ToDictionary(g => g.Key, g => g.ToList());
        Assert.NotEmpty(pairs);

        var table = await app.Client.GetFromJsonAsync<BenchmarkTablePage>("api/benchmarks?pageSize=1000", Cancel);
        Assert.NotNull(table);
        Assert.Equal(stored.Select(s => s.Benchmark).Distinct().Order(StringComparer.Ordinal), table.Benchmarks.Order(StringComparer.Ordinal));
        Assert.Equal(pairs.Count, table.Rows.Sum(r => r.Scores.Count));
        foreach (var row in table.Rows)
        {
            foreach (var (benchmark, cell) in row.Scores)
            {
                var candidates = pairs[(row.ModelId, benchmark)];
                var newest = candidates.Max(s => s.AsOf);
                Assert.Contains(candidates, s => s.Source == cell.Source && s.Variant == cell.Variant && s.Score == cell.Score && s.SourceUrl == cell.SourceUrl && s.AsOf == cell.AsOf && s.SelfReported == cell.SelfReported);
                Assert.Equal(newest, cell.AsOf);
            }
        }

        // Arena ratings sort first by default, highest first, missing ones last.
        var ratings = table.Rows.Select(r => r.ArenaRating).ToList();
        var known = ratings.TakeWhile(r => r is not null).ToList();
        Assert.NotEmpty(known);
        Assert.Equal(known.OrderDescending(), known);
        Assert.All(ratings.Skip(known.Count), r => Assert.Null(r));

        var html = WebUtility.HtmlDecode(await app.Client.GetStringAsync("benchmarks", Cancel));
        Assert.Contains("id=\"benchmarks\"", html, StringComparison.Ordinal);
        var linked = table.Rows.Take(100).SelectMany(r => r.Scores.Values).Where(c => c.SourceUrl != null).ToList();
        Assert.NotEmpty(linked);
        Assert.All(linked, c => Assert.Contains($"href=\"{c.SourceUrl}\"", html, StringComparison.Ordinal));
        Assert.All(linked, c => Assert.Contains($">{Display.Date(c.AsOf)}</small>", html, StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task The_table_sorts_by_any_benchmark_filters_open_weights_and_pages(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        var all = await app.Client.GetFromJsonAsync<BenchmarkTablePage>("api/benchmarks?pageSize=1000", Cancel);
        Assert.NotNull(all);
        var benchmark = all.Benchmarks[0];

        var sorted = await app.Client.GetFromJsonAsync<BenchmarkTablePage>($"api/benchmarks?pageSize=1000&sort={Uri.EscapeDataString(benchmark)}&descending=false", Cancel);
        Assert.NotNull(sorted);
        Assert.Equal(benchmark, sorted.Sort);
        var scores = sorted.Rows.TakeWhile(r => r.Scores.ContainsKey(benchmark)).Select(r => r.Scores[benchmark].Score).ToList();
        Assert.Equal(all.Rows.Count(r => r.Scores.ContainsKey(benchmark)), scores.Count);
        Assert.Equal(scores.Order(), scores);

        var open = await app.Client.GetFromJsonAsync<BenchmarkTablePage>("api/benchmarks?pageSize=1000&openWeights=true", Cancel);
        Assert.NotNull(open);
        Assert.Equal(all.Rows.Where(r => r.Licence is Core.Catalog.LicenceClass.OpenWeights or Core.Catalog.LicenceClass.OpenSource).Select(r => r.ModelId), open.Rows.Select(r => r.ModelId));
        Assert.InRange(open.Total, 1, all.Total - 1);

        var page = await app.Client.GetFromJsonAsync<BenchmarkTablePage>("api/benchmarks?page=3&pageSize=10", Cancel);
        Assert.NotNull(page);
        Assert.Equal((3, 10, all.Total), (page.Page, page.PageSize, page.Total));
        Assert.Equal(all.Rows.Skip(20).Take(10).Select(r => r.ModelId), page.Rows.Select(r => r.ModelId));

        using var bad = await app.Client.GetAsync("api/benchmarks?page=0", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await app.Client.GetStringAsync($"benchmarks?sort={Uri.EscapeDataString(benchmark)}&descending=false", Cancel);
        Assert.Contains("aria-sort=\"ascending\"", html, StringComparison.Ordinal);
    }
}
