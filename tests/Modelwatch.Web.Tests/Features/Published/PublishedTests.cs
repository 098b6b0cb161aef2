using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modelwatch.Data;
using Modelwatch.Testing;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.Leaderboard;
using Modelwatch.Web.Features.Published;

namespace Modelwatch.Web.Tests.Features.Published;

public sealed partial class PublishedTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task The_published_board_equals_the_imported_file_beside_ours(DatabaseProvider provider)
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(SharedData.File("data/arena/lmarena-published/leaderboard-text.json"), Cancel));
        await using var app = await WebApp.StartSeededAsync(provider);

        foreach (var category in new[] { "full", "math", "korean" })
        {
            var file = json.RootElement.GetProperty(category).EnumerateObject()
                .Select(p => (Model: p.Name, Rating: p.Value.GetProperty("rating").GetDouble(), Lower: p.Value.GetProperty("rating_q025").GetDouble(), Upper: p.Value.GetProperty("rating_q975").GetDouble()))
                .ToList();
            var response = await app.Client.GetFromJsonAsync<PublishedApi.Response>($"api/published?category={category}&pageSize=1000", Cancel);
            Assert.NotNull(response);
            Assert.Equal(category, response.Category);
            Assert.Equal(SeededData.CatalogAsOf, response.PublishedOn);
            Assert.Equal(file.Count, response.Total);
            var rows = response.Rows.ToDictionary(r => r.Model, StringComparer.Ordinal);
            foreach (var f in file)
            {
                var row = rows[f.Model];
                Assert.Equal(f.Rating, row.PublishedRating, 1e-6);
                Assert.Equal(f.Lower, row.PublishedLower!.Value, 1e-6);
                Assert.Equal(f.Upper, row.PublishedUpper!.Value, 1e-6);
                Assert.Equal(1 + file.Count(o => o.Lower > f.Upper), row.PublishedRank);
            }

            // Our side: the same numbers as our own board of the category, where our votes have it.
            if (category == "korean")
            {
                Assert.Null(response.OurDataset);
                Assert.All(response.Rows, r => Assert.Null(r.OurRating));
                continue;
            }

            var ours = await app.Client.GetFromJsonAsync<LeaderboardApi.Response>($"api/leaderboard?category={category}&pageSize=1000", Cancel);
            Assert.NotNull(ours);
            Assert.Equal(ours.VotesUsed, response.OurVotes);
            var ourRows = ours.Rows.ToDictionary(r => r.Model, StringComparer.Ordinal);
            var joined = response.Rows.Where(r => r.OurModel is not null).ToList();
            var sameKey = response.Rows.Count(r => ourRows.ContainsKey(r.Model));
            Assert.True(sameKey > 30, $"only {sameKey} published keys are on our board");
            Assert.True(joined.Count >= sameKey, $"{joined.Count} joined, fewer than the {sameKey} keys on both boards");
            foreach (var r in joined)
            {
                var mine = ourRows[r.OurModel!];
                Assert.Equal(mine.Rating, r.OurRating!.Value, 1e-9);
                Assert.Equal(mine.Rank, r.OurRank);
                Assert.Equal(mine.Rating - r.PublishedRating, r.Difference!.Value, 1e-9);
            }

            // A published key that our votes carry is joined to that same key.
            Assert.All(response.Rows.Where(r => ourRows.ContainsKey(r.Model)), r => Assert.Equal(r.Model, r.OurModel));

            var page = await app.Client.GetStringAsync($"published?category={category}", Cancel);
            Assert.Equal(file.Count, PublishedRow().Count(page));
        }
    }

    [Theory, BothDatabases]
    public async Task An_unknown_category_is_a_problem(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        using var api = await app.Client.GetAsync("api/published?category=klingon", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("korean", await api.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var page = await app.Client.GetAsync("published?category=klingon", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [GeneratedRegex("<tr[^>]* data-model=")]
    private static partial Regex PublishedRow();
}
