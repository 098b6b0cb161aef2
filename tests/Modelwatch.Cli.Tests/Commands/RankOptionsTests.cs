using System.Globalization;
using System.Text.Json;
using Modelwatch.Testing;

namespace Modelwatch.Cli.Tests.Commands;

public class RankOptionsTests
{
    [Fact]
    public async Task Help_explains_every_option()
    {
        var run = await CliRun.Of("rank", "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var option in new[] { "--method", "--ci", "--rounds", "--seed", "--category", "--style-control", "--anchor", "--format", "--skip-invalid", "--anonymous-only", "--exclude-model", "--exclude-ties", "--language", "--daily-cap", "--dedup-sampled", "--reweight", "--confidence", "--matrices" })
        {
            Assert.Contains(option, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Csv_has_the_exact_header_rows_best_first_and_at_least_four_decimals()
    {
        var run = await CliRun.Of("rank", SharedData.File(SharedFiles.Arena140k), "--format", "csv");

        var rows = run.CsvRows();
        Assert.Equal(53, rows.Count);
        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.Rating >= p.Second.Rating), "rows are not best first");
        Assert.All(rows, r => Assert.Matches(@"^\d+,[^,]+,\d+\.\d{4,},\d+\.\d{4,},\d+\.\d{4,},\d+$", r.Line));
        Assert.Equal(1, rows[0].Rank);
    }

    [Fact]
    public async Task Ranks_follow_the_interval_rule()
    {
        var rows = (await CliRun.Of("rank", SharedData.File(SharedFiles.Arena140k), "--format", "csv")).CsvRows();

        foreach (var row in rows)
        {
            var better = rows.Count(other => other.Lower > row.Upper);
            Assert.Equal(1 + better, row.Rank);
        }
    }

    [Fact]
    public async Task Bootstrap_with_a_seed_prints_the_same_numbers_every_time()
    {
        var votes = SharedData.File(SharedFiles.Arena140k);

        var first = await CliRun.Of("rank", votes, "--format", "csv", "--ci", "bootstrap", "--rounds", "50", "--seed", "7");
        var second = await CliRun.Of("rank", votes, "--format", "csv", "--ci", "bootstrap", "--rounds", "50", "--seed", "7");
        var otherSeed = await CliRun.Of("rank", votes, "--format", "csv", "--ci", "bootstrap", "--rounds", "50", "--seed", "8");

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Equal(first.Out, second.Out);
        Assert.NotEqual(first.Out, otherSeed.Out);
    }

    [Fact]
    public async Task The_json_reproduce_command_gives_the_same_numbers()
    {
        var votes = SharedData.File(SharedFiles.Arena140k);
        var run = await CliRun.Of("rank", votes, "--format", "json", "--category", "math", "--ci", "bootstrap", "--rounds", "20", "--seed", "3");
        using var json = JsonDocument.Parse(run.Out);
        var reproduce = json.RootElement.GetProperty("reproduce").GetString()!;
        Assert.StartsWith("modelwatch rank battles.csv.gz ", reproduce, StringComparison.Ordinal);

        // The printed command names the file only; run it on the full path with every other word as printed.
        var words = reproduce.Split(' ').Skip(3).Select(w => w.Trim('\'')).ToList();
        var again = await CliRun.Of(["rank", votes, "--format", "json", .. words]);

        using var againJson = JsonDocument.Parse(again.Out);
        Assert.Equal(Board(json), Board(againJson));
        Assert.Equal(10_892, json.RootElement.GetProperty("votesUsed").GetInt32());
    }

    [Fact]
    public async Task The_anchor_shifts_ratings_and_bounds_and_nothing_else()
    {
        var votes = SharedData.File(SharedFiles.Arena140k);
        var plain = (await CliRun.Of("rank", votes, "--format", "csv")).CsvRows();

        var anchored = (await CliRun.Of("rank", votes, "--format", "csv", "--anchor", "gemini-2.5-flash=1300")).CsvRows();

        var shift = 1300 - plain.Single(r => r.Model == "gemini-2.5-flash").Rating;
        Assert.Equal(1300, anchored.Single(r => r.Model == "gemini-2.5-flash").Rating, 1e-6);
        Assert.Equal(plain.Select(r => r.Model), anchored.Select(r => r.Model));
        foreach (var (p, a) in plain.Zip(anchored))
        {
            Assert.Equal(p.Rating + shift, a.Rating, 1e-5);
            Assert.Equal(p.Lower!.Value + shift, a.Lower!.Value, 1e-5);
            Assert.Equal(p.Upper!.Value + shift, a.Upper!.Value, 1e-5);
            Assert.Equal(p.Rank, a.Rank);
        }
    }

    [Fact]
    public async Task Hard_prompts_board_uses_the_hard_6_votes()
    {
        var run = await CliRun.Of("rank", SharedData.File(SharedFiles.Arena140k), "--category", "hard_6", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(50_878, json.RootElement.GetProperty("votesUsed").GetInt32()); // 50,884 hard_6 votes less 6 self-votes
    }

    [Fact]
    public async Task Elo_on_llmfao_in_file_order_matches_the_golden_ratings()
    {
        var golden = File.ReadLines(SharedData.File(SharedFiles.LlmfaoGolden)).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f[0] == "elo")
            .ToDictionary(f => string.Join(',', f[1..^1]), f => double.Parse(f[^1], CultureInfo.InvariantCulture));

        var run = await CliRun.Of("rank", SharedData.File(SharedFiles.Llmfao), "--method", "elo", "--format", "json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var ours = json.RootElement.GetProperty("leaderboard").EnumerateArray()
            .ToDictionary(e => e.GetProperty("model").GetString()!, e => e.GetProperty("rating").GetDouble());
        Assert.Equal(golden.Count, ours.Count);
        foreach (var (model, rating) in golden)
        {
            Assert.Equal(rating, ours[model], 1e-6);
        }
    }

    [Theory]
    [InlineData("table", "gemini-2.5-pro")]
    [InlineData("markdown", "| 1 | gemini-2.5-pro |")]
    public async Task Human_formats_show_the_board_and_the_reproduce_command(string format, string expected)
    {
        var run = await CliRun.Of("rank", SharedData.File(SharedFiles.Arena140k), "--format", format);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        Assert.Contains("modelwatch rank battles.csv.gz", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matrices_are_included_on_request()
    {
        var run = await CliRun.Of("rank", SharedData.File(SharedFiles.Arena140k), "--format", "json", "--matrices");

        using var json = JsonDocument.Parse(run.Out);
        var matrices = json.RootElement.GetProperty("matrices");
        var models = matrices.GetProperty("models").GetArrayLength();
        Assert.Equal(53, models);
        Assert.Equal(53, matrices.GetProperty("battles").GetArrayLength());
        Assert.Equal(53, matrices.GetProperty("predictedWinProbability")[0].GetArrayLength());
    }

    private static string Board(JsonDocument json) => json.RootElement.GetProperty("leaderboard").GetRawText();
}
