using System.Text.Json;
using Modelwatch.Testing;

namespace Modelwatch.Cli.Tests.Commands;

/// <summary><c>modelwatch rank --dataset NAME</c> gives the numbers <c>modelwatch rank FILE</c> gives for the same votes.</summary>
public class RankDatasetTests
{
    [Theory]
    [InlineData("full", "bt")]
    [InlineData("hard_6", "bt")]
    [InlineData("math", "winrate")]
    [InlineData("math", "elo")]
    public async Task A_stored_dataset_ranks_as_its_file(string category, string method)
    {
        var votes = SharedData.File(SharedFiles.Arena140k);
        using var dir = new TempDirectory();
        var database = dir.File("modelwatch.db");
        Assert.Equal(ExitCodes.Ok, (await CliRun.Of("import", "votes", votes, "--database", database, "--name", "arena")).ExitCode);

        var fromFile = await CliRun.Of("rank", votes, "--category", category, "--method", method, "--format", "json");
        var fromDatabase = await CliRun.Of("rank", "--dataset", "arena", "--database", database, "--category", category, "--method", method, "--format", "json");

        Assert.Equal(ExitCodes.Ok, fromFile.ExitCode);
        Assert.Equal(ExitCodes.Ok, fromDatabase.ExitCode);
        var expected = Board(fromFile.Out);
        var actual = Board(fromDatabase.Out);
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Take(10).Zip(actual.Take(10)))
        {
            Assert.Equal(e.Model, a.Model);
            Assert.Equal(e.Votes, a.Votes);
            Assert.Equal(e.Rating, a.Rating, 1e-9);
            Assert.Equal(e.Lower, a.Lower, 1e-9);
            Assert.Equal(e.Upper, a.Upper, 1e-9);
        }

        using var json = JsonDocument.Parse(fromDatabase.Out);
        Assert.Equal("arena", json.RootElement.GetProperty("source").GetProperty("dataset").GetString());
        Assert.Equal(JsonDocument.Parse(fromFile.Out).RootElement.GetProperty("votesUsed").GetInt32(), json.RootElement.GetProperty("votesUsed").GetInt32());
        Assert.Equal(135_634, json.RootElement.GetProperty("votesRead").GetInt32());
        Assert.StartsWith("modelwatch rank --dataset arena ", json.RootElement.GetProperty("reproduce").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excluding_ties_and_a_model_from_stored_counts_matches_the_file()
    {
        var votes = SharedData.File(SharedFiles.Arena140k);
        using var dir = new TempDirectory();
        var database = dir.File("modelwatch.db");
        await CliRun.Of("import", "votes", votes, "--database", database);
        string[] options = ["--category", "if", "--exclude-ties", "--exclude-model", "o3-2025-04-16", "--format", "csv"];

        var fromFile = await CliRun.Of(["rank", votes, .. options]);
        var fromDatabase = await CliRun.Of(["rank", "--dataset", "battles", "--database", database, .. options]);

        Assert.Equal(ExitCodes.Ok, fromDatabase.ExitCode);
        Assert.DoesNotContain(fromDatabase.CsvRows(), r => r.Model == "o3-2025-04-16");
        Assert.Equal(fromFile.CsvRows().Select(r => r.Line), fromDatabase.CsvRows().Select(r => r.Line));
        Assert.Matches(@"cleaning: 135,634 votes, self-votes −10, category −[\d,]+, excluded models −[\d,]+, ties −[\d,]+ → [\d,]+ used", fromDatabase.Error);
    }

    [Fact]
    public async Task Unknown_datasets_categories_and_mixed_inputs_are_refused()
    {
        using var dir = new TempDirectory();
        var database = dir.File("modelwatch.db");
        var file = dir.File("votes.csv");
        await File.WriteAllTextAsync(file, "model_a,model_b,winner\nx,y,model_a\ny,z,tie\nx,z,model_b\n", TestContext.Current.CancellationToken);
        await CliRun.Of("import", "votes", file, "--database", database);

        var noDataset = await CliRun.Of("rank", "--dataset", "nope", "--database", database);
        var noCategory = await CliRun.Of("rank", "--dataset", "votes", "--database", database, "--category", "math");
        var both = await CliRun.Of("rank", file, "--dataset", "votes", "--database", database);
        var neither = await CliRun.Of("rank");

        Assert.Equal(ExitCodes.InvalidRequest, noDataset.ExitCode);
        Assert.Contains("No vote dataset named 'nope'; stored: votes", noDataset.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidRequest, noCategory.ExitCode);
        Assert.Contains("Unknown category 'math'", noCategory.Error, StringComparison.Ordinal);
        Assert.Contains("Available categories: full, no_tie", noCategory.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, both.ExitCode);
        Assert.Contains("not both", both.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, neither.ExitCode);
        Assert.Contains("--dataset NAME", neither.Error, StringComparison.Ordinal);
    }

    private static List<(string Model, long Votes, double Rating, double Lower, double Upper)> Board(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("leaderboard").EnumerateArray().Select(e => (
            e.GetProperty("model").GetString()!,
            e.GetProperty("votes").GetInt64(),
            e.GetProperty("rating").GetDouble(),
            Number(e.GetProperty("lower")),
            Number(e.GetProperty("upper"))))];
    }

    private static double Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? double.NaN : value.GetDouble();
}
