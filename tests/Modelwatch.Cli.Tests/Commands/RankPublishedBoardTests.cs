using System.Globalization;
using Modelwatch.Testing;

namespace Modelwatch.Cli.Tests.Commands;

/// <summary>
/// The promise of the product: `modelwatch rank` on LMArena's raw 140k votes prints LMArena's published top 10.
/// Published levels sit a uniform +0.31 above a mean-1000 fit (shared README), so rating differences and
/// interval half-widths are compared, not absolute levels.
/// </summary>
public class RankPublishedBoardTests
{
    [Fact]
    public async Task The_140k_votes_reproduce_the_published_top_10()
    {
        var votes = SharedData.File(SharedFiles.Arena140k);
        var published = ReadPublished(SharedData.File(SharedFiles.PublishedTop10));

        var run = await CliRun.Of("rank", votes, "--format", "csv");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var rows = run.CsvRows();
        Assert.Equal(published.Select(p => p.Model), rows.Take(10).Select(r => r.Model));
        var ours = rows.ToDictionary(r => r.Model);
        for (var i = 0; i < published.Count; i++)
        {
            var pi = published[i];
            var oi = ours[pi.Model];
            Assert.InRange((oi.Upper!.Value - oi.Lower!.Value) / 2 - (pi.Upper - pi.Lower) / 2, -0.05, 0.05);
            for (var j = i + 1; j < published.Count; j++)
            {
                var pj = published[j];
                var oj = ours[pj.Model];
                Assert.InRange((oi.Rating - oj.Rating) - (pi.Rating - pj.Rating), -0.02, 0.02);
            }
        }
    }

    [Fact]
    public async Task The_self_votes_are_counted_and_excluded_never_fatal()
    {
        var votes = SharedData.File(SharedFiles.Arena140k);

        var run = await CliRun.Of("rank", votes, "--format", "json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        var selfVotes = json.RootElement.GetProperty("cleaning").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "self-votes");
        Assert.Equal(10, selfVotes.GetProperty("removed").GetInt32());
        Assert.Equal(135_634, json.RootElement.GetProperty("votesRead").GetInt32());
        Assert.Equal(135_624, json.RootElement.GetProperty("votesUsed").GetInt32());
        Assert.Contains("self-votes −10", run.Error, StringComparison.Ordinal);
    }

    private static List<(string Model, double Rating, double Lower, double Upper)> ReadPublished(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Split(',');
            return (f[0], Parse(f[1]), Parse(f[2]), Parse(f[3]));
        }).ToList();

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
