using System.Net;
using System.Net.Http.Json;
using Modelwatch.Data;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.Leaderboard;

namespace Modelwatch.Web.Tests.Features.Votes;

public sealed class VotesExportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task The_cli_ranks_the_exported_file_to_the_api_board(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);
        var folder = Directory.CreateTempSubdirectory("modelwatch-export-");
        try
        {
            foreach (var format in new[] { "jsonl", "csv" })
            {
                using var response = await app.Client.GetAsync($"api/votes/export?dataset={SeededData.VotesDataset}&format={format}", HttpCompletionOption.ResponseHeadersRead, Cancel);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
                Assert.Equal($"{SeededData.VotesDataset}.{format}", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
                var file = Path.Combine(folder.FullName, $"{SeededData.VotesDataset}.{format}");
                await using (var output = File.Create(file))
                {
                    await response.Content.CopyToAsync(output, Cancel);
                }

                foreach (var category in new[] { "full", "hard_6" })
                {
                    var board = await app.Client.GetFromJsonAsync<LeaderboardApi.Response>($"api/leaderboard?category={category}&pageSize=1000", Cancel);
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

                    // The page's command names the exported file; run it as written (with csv output to compare).
                    Assert.StartsWith($"modelwatch rank {SeededData.VotesDataset}.jsonl --category {category}", board.Reproduce, StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory, BothDatabases]
    public async Task An_unknown_dataset_or_format_is_a_problem(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartSeededAsync(provider);

        using var missing = await app.Client.GetAsync("api/votes/export?dataset=no-such-votes", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains(SeededData.VotesDataset, await missing.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var format = await app.Client.GetAsync($"api/votes/export?dataset={SeededData.VotesDataset}&format=xml", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
        Assert.Equal("application/problem+json", format.Content.Headers.ContentType?.MediaType);
    }
}
