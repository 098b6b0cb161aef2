using System.Text.Json;
using Modelwatch.Testing;

namespace Modelwatch.Cli.Tests.Commands;

/// <summary>A FastChat clean_battle file end to end: every filter counted, style control with its coefficients.</summary>
public class RankFastChatTests
{
    [Fact]
    public async Task Each_filter_removes_exactly_the_votes_it_names()
    {
        var battles = SyntheticArena.Simulate(3000, seed: 11);
        using var dir = new TempDirectory();
        var path = dir.File("clean_battle_20250504.json");
        SyntheticArena.Write(path, battles);

        var run = await CliRun.Of("rank", path, "--format", "json", "--anonymous-only", "--language", "English", "--dedup-sampled", "--daily-cap", "5");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var removed = json.RootElement.GetProperty("cleaning").EnumerateArray()
            .ToDictionary(s => s.GetProperty("step").GetString()!, s => s.GetProperty("removed").GetInt32());

        // The same filters, computed here from the simulated records in the order the steps run.
        var left = battles.ToList();
        Assert.Equal(left.Count(b => !b.Anonymous), removed["anonymous only"]);
        left = left.Where(b => b.Anonymous).ToList();
        Assert.Equal(left.Count(b => b.Language != "English"), removed["language"]);
        left = left.Where(b => b.Language == "English").ToList();
        Assert.Equal(left.Count(b => !b.Sampled), removed["dedup sampled only"]);
        left = left.Where(b => b.Sampled).ToList();
        var capped = left.OrderBy(b => b.Time).GroupBy(b => (b.Judge, b.Time.UtcDateTime.Date)).SelectMany(g => g.Take(5)).ToList();
        Assert.Equal(left.Count - capped.Count, removed["daily cap per voter"]);
        Assert.True(removed["daily cap per voter"] > 0, "the cap should bite: 20 voters over 3 days vote far more than 5 times a day");
        Assert.Equal(capped.Count, json.RootElement.GetProperty("votesUsed").GetInt32());
    }

    [Fact]
    public async Task Style_control_finds_the_simulated_length_effect_and_reports_it_with_an_interval()
    {
        var battles = SyntheticArena.Simulate(6000, seed: 5);
        using var dir = new TempDirectory();
        var path = dir.File("clean_battle.json");
        SyntheticArena.Write(path, battles);

        var run = await CliRun.Of("rank", path, "--format", "json", "--style-control");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var coefficients = json.RootElement.GetProperty("styleCoefficients").EnumerateArray()
            .ToDictionary(c => c.GetProperty("feature").GetString()!, c => (Value: c.GetProperty("value").GetDouble(), Lower: c.GetProperty("lower").GetDouble(), Upper: c.GetProperty("upper").GetDouble()));
        Assert.Equal(4, coefficients.Count);
        var tokens = coefficients.Single(c => c.Key.Contains("token", StringComparison.OrdinalIgnoreCase)).Value;
        Assert.True(tokens.Lower > 0, $"length effect interval [{tokens.Lower}, {tokens.Upper}] should exclude 0");
        foreach (var (feature, c) in coefficients.Where(c => !c.Key.Contains("token", StringComparison.OrdinalIgnoreCase)))
        {
            // The simulation gives headers, lists and bold no effect: a 95% interval may miss 0 by chance, so allow a margin.
            Assert.True(Math.Abs(c.Value) < 0.1, $"{feature} coefficient {c.Value} should be near 0");
        }

        // Controlled for length, the board keeps the simulated order of strengths.
        var order = json.RootElement.GetProperty("leaderboard").EnumerateArray().Select(e => e.GetProperty("model").GetString()).ToList();
        Assert.Equal(SyntheticArena.Models, order);
    }

    [Fact]
    public async Task Inspect_lists_the_metadata_and_categories_a_file_has()
    {
        using var dir = new TempDirectory();
        var path = dir.File("clean_battle.json");
        SyntheticArena.Write(path, SyntheticArena.Simulate(200, seed: 1));

        var run = await CliRun.Of("inspect", path);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("--style-control works", run.Out, StringComparison.Ordinal);
        Assert.Contains("2025-05-01", run.Out, StringComparison.Ordinal);
        Assert.Contains("no_tie", run.Out, StringComparison.Ordinal);
    }
}
