using System.Text.Json.Nodes;
using Modelwatch.Import.Catalog;
using Modelwatch.Import.Catalog.LmArena;
using Modelwatch.Testing;
using static Modelwatch.Import.Tests.Catalog.CatalogFixtures;

namespace Modelwatch.Import.Tests.Catalog.LmArena;

/// <summary>Bad rows are reported and skipped; files that cannot be read fail the whole source with their name.</summary>
public sealed class LmArenaBadInputTests
{
    private static readonly LmArenaImporter Importer = new(new LmArenaImportOptions { PublishedOn = new DateOnly(2025, 12, 1) });

    [Fact]
    public void Bad_leaderboard_rows_are_reported_and_the_rest_is_ranked()
    {
        using var dir = new TempDirectory();
        var board = JsonNode.Parse(File.ReadAllText(SharedData.File(LmArenaLeaderboardFile)))!.AsObject();
        board["full"]!["gemini-2.5-pro"]!["rating"] = "high";
        board["full"]!["vicuna-7b"] = 1032.8;
        board["coding"]!["gemini-3-pro"]!["rating_q025"] = 1500.0; // above its upper bound
        board["japanese"] = new JsonArray();
        var path = dir.File("leaderboard-text.json");
        File.WriteAllText(path, board.ToJsonString());
        using var input = CatalogInput.FromPath(path);

        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        Assert.Equal(4, batch.Problems.Count);
        Assert.Contains(batch.Problems, p => p.Location == "leaderboard-text.json $[\"full\"][\"gemini-2.5-pro\"].rating" &&
            p.Message.Contains("\"gemini-2.5-pro\" in category \"full\"", StringComparison.Ordinal) && p.Message.Contains("expected a number", StringComparison.Ordinal));
        Assert.Contains(batch.Problems, p => p.Location == "leaderboard-text.json $[\"full\"][\"vicuna-7b\"]" && p.Message.Contains("skipped", StringComparison.Ordinal));
        Assert.Contains(batch.Problems, p => p.Location == "leaderboard-text.json $[\"coding\"][\"gemini-3-pro\"].rating_q025" && p.Message.Contains("interval is dropped", StringComparison.Ordinal));
        Assert.Contains(batch.Problems, p => p.Location == "leaderboard-text.json $[\"japanese\"]" && p.Message.Contains("category is skipped", StringComparison.Ordinal));

        Assert.Equal(7461 - 2 - 176, batch.LeaderboardEntries.Count);
        Assert.Equal(280, batch.LeaderboardEntries.Count(e => e.Category == "full"));
        Assert.Equal(1, Single(batch.LeaderboardEntries, e => e.Category == "full" && e.ModelRef == "gemini-3-pro", "row").Rank);

        // Kept without its interval, so without a rank; the others in coding are ranked among themselves.
        var coding = Single(batch.LeaderboardEntries, e => e.Category == "coding" && e.ModelRef == "gemini-3-pro", "row");
        Assert.Null(coding.Lower);
        Assert.Null(coding.Rank);
        Assert.Equal(277, batch.LeaderboardEntries.Count(e => e.Category == "coding" && e.Rank is not null));
    }

    [Fact]
    public void Bad_map_entries_and_csv_rows_are_reported_with_their_place()
    {
        using var dir = new TempDirectory();
        var map = JsonNode.Parse(File.ReadAllText(SharedData.File(LmArenaModelMapFile)))!.AsArray();
        map[0]!.AsObject().Remove("model_api_name");
        map[1]!["license"] = 7;
        File.WriteAllText(dir.File("scatterplot-data.json"), map.ToJsonString());
        var csv = File.ReadAllLines(SharedData.File(ArenaHardFile));
        csv[2] = csv[2].Replace("79.35", "n/a", StringComparison.Ordinal); // claude-3-5-sonnet-20240620, line 3
        csv[4] = "gpt-4-0125-preview,77.96";                               // line 5
        File.WriteAllLines(dir.File("arena-hard-auto_leaderboard_20240731.csv"), csv);
        using var input = CatalogInput.FromPath(dir.Path);

        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        Assert.Equal(4, batch.Problems.Count);
        Assert.Contains(batch.Problems, p => p.Location == "scatterplot-data.json $[0].model_api_name");
        Assert.Contains(batch.Problems, p => p.Location == "scatterplot-data.json $[1].license" &&
            p.Message.Contains("arena key \"o1-preview\"", StringComparison.Ordinal) && p.Message.Contains("expected a string", StringComparison.Ordinal));
        Assert.Contains(batch.Problems, p => p.Location == "arena-hard-auto_leaderboard_20240731.csv:3" &&
            p.Message.Contains("claude-3-5-sonnet-20240620", StringComparison.Ordinal) && p.Message.Contains("score is \"n/a\"", StringComparison.Ordinal));
        Assert.Contains(batch.Problems, p => p.Location == "arena-hard-auto_leaderboard_20240731.csv:5" && p.Message.Contains("has 2 fields; expected 7", StringComparison.Ordinal));

        Assert.Equal(140, batch.Models.Count);
        var o1 = Model(batch, "o1-preview");
        Assert.Null(o1.Licence);
        Assert.Equal("OpenAI", o1.Organisation);
        Assert.Equal(58, batch.LeaderboardEntries.Count);
    }

    [Fact]
    public void A_truncated_leaderboard_fails_the_source_with_its_name()
    {
        using var dir = new TempDirectory();
        var text = File.ReadAllText(SharedData.File(LmArenaLeaderboardFile));
        File.WriteAllText(dir.File("leaderboard-text.json"), text[..10_000]);
        File.Copy(SharedData.File(LmArenaModelMapFile), dir.File("scatterplot-data.json"));
        using var input = CatalogInput.FromPath(dir.Path);

        var e = Assert.Throws<CatalogSourceException>(() => Importer.Read(input, TestContext.Current.CancellationToken));
        Assert.StartsWith("leaderboard-text.json:", e.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_without_the_expected_columns_fails()
    {
        using var dir = new TempDirectory();
        var path = dir.File("board.csv");
        File.WriteAllLines(path, ["model,elo", "a,1000"]);
        using var input = CatalogInput.FromPath(path);

        var e = Assert.Throws<CatalogSourceException>(() => Importer.Read(input, TestContext.Current.CancellationToken));
        Assert.Equal("board.csv:1: not an Arena-Hard-Auto leaderboard; the header lacks score, rating_q025, rating_q975, date (found model,elo).", e.Message);
    }

    [Fact]
    public void A_directory_without_LMArena_files_fails()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("notes.txt"), "nothing here");
        using var input = CatalogInput.FromPath(dir.Path);

        var e = Assert.Throws<CatalogSourceException>(() => Importer.Read(input, TestContext.Current.CancellationToken));
        Assert.Contains("no LMArena files here", e.Message, StringComparison.Ordinal);
    }
}
