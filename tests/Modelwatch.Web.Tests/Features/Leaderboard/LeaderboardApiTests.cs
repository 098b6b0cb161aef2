using System.Net;
using System.Net.Http.Json;
using Modelwatch.Data;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.Leaderboard;

namespace Modelwatch.Web.Tests.Features.Leaderboard;

public sealed class LeaderboardApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task An_empty_database_answers_with_a_problem_and_the_page_says_how_to_import(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);

        using var api = await app.Client.GetAsync("api/leaderboard", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("import", await api.Content.ReadAsStringAsync(Cancel), StringComparison.OrdinalIgnoreCase);

        var page = await app.Client.GetStringAsync("", Cancel);
        Assert.Contains("href=\"/sources\"", page, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_api_board_equals_the_cli_board_from_the_same_votes_file(DatabaseProvider provider)
    {
        var votesFile = SeededData.VotesFile;
        await using var app = await WebApp.StartSeededAsync(provider);

        foreach (var category in new[] { "full", "hard_6" })
        {
            var expected = await CliReference.RankAsync(votesFile, "--category", category);
            var response = await app.Client.GetFromJsonAsync<LeaderboardApi.Response>($"api/leaderboard?category={category}&pageSize=1000", Cancel);

            Assert.NotNull(response);
            Assert.Equal(category, response.Category);
            Assert.Equal(expected.Count, response.Rows.Count);

            // Models can tie exactly (a model with one vote, a tie, against another): their order is then arbitrary,
            // so rows are matched by model and the order is checked to be by rating.
            var web = response.Rows.ToDictionary(r => r.Model, StringComparer.Ordinal);
            foreach (var cli in expected)
            {
                Assert.True(web.TryGetValue(cli.Model, out var row), $"{cli.Model} is on the CLI's board but not the API's");
                Assert.Equal((cli.Rank, cli.Votes), (row.Rank, row.Votes));
                Assert.Equal(cli.Rating, row.Rating, 0.01);
                Assert.Equal(cli.Lower, row.Lower, 0.01);
                Assert.Equal(cli.Upper, row.Upper, 0.01);
            }

            Assert.Equal(response.Rows.Select(r => r.Rating).OrderDescending(), response.Rows.Select(r => r.Rating));
        }
    }
}
