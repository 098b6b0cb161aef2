using Modelwatch.Import.Catalog;
using Modelwatch.Import.Catalog.Aider;
using Modelwatch.Testing;
using static Modelwatch.Import.Tests.Catalog.CatalogFixtures;

namespace Modelwatch.Import.Tests.Catalog.Aider;

/// <summary>Bad runs are reported by line and skipped; YAML that cannot be read fails the source with file and line.</summary>
public sealed class AiderBadInputTests
{
    private static readonly AiderImporter Importer = new();

    [Fact]
    public void Bad_runs_are_reported_with_their_line_and_the_rest_is_read()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(SharedData.File(AiderFile));

        // Run 2 starts on line 27 (gpt-4o-mini, "pass_rate_2: 3.6" on line 33); run 1's date is on line 22.
        Assert.Equal("  pass_rate_2: 3.6", lines[32]);
        lines[32] = "  pass_rate_2: lots";
        Assert.Equal("  date: 2025-02-25", lines[21]);
        lines[21] = "  date: last winter";
        var path = dir.File("polyglot.yml");
        File.WriteAllLines(path, lines);
        using var input = CatalogInput.FromPath(path);

        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        Assert.Equal(2, batch.Problems.Count);
        var rate = Single(batch.Problems, p => p.Location == "polyglot.yml:27 pass_rate_2", "problem");
        Assert.Contains("run \"2024-12-21-18-41-18--polyglot-gpt-4o-mini\"", rate.Message, StringComparison.Ordinal);
        Assert.Contains("\"lots\"; expected a percentage from 0 to 100", rate.Message, StringComparison.Ordinal);
        var date = Single(batch.Problems, p => p.Location == "polyglot.yml:1 date", "problem");
        Assert.Contains("kept without a date", date.Message, StringComparison.Ordinal);

        Assert.Equal(68, batch.BenchmarkScores.Count);
        Assert.DoesNotContain(batch.BenchmarkScores, s => s.ModelRef == "gpt-4o-mini-2024-07-18");
        Assert.Null(Single(batch.BenchmarkScores, s => s.ModelRef == "gemini/gemini-2.0-pro-exp-02-05", "run").AsOf);
    }

    [Theory]
    [InlineData("  model: [unclosed")]
    [InlineData("  model: a: b")]
    public void Broken_yaml_fails_with_file_and_line(string line41)
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(SharedData.File(AiderFile));
        lines[40] = line41;
        var path = dir.File("polyglot.yml");
        File.WriteAllLines(path, lines);
        using var input = CatalogInput.FromPath(path);

        var e = Assert.Throws<CatalogSourceException>(() => Importer.Read(input, TestContext.Current.CancellationToken));
        Assert.Matches(@"^polyglot\.yml:4[1-2]: not valid YAML", e.Message);
    }

    [Theory]
    [InlineData("model: gpt-4o\npass_rate_2: 3.6\n", "expected a list of runs")]
    [InlineData("", "empty")]
    public void Yaml_of_another_shape_fails(string yaml, string expected)
    {
        using var dir = new TempDirectory();
        var path = dir.File("other.yml");
        File.WriteAllText(path, yaml);
        using var input = CatalogInput.FromPath(path);

        var e = Assert.Throws<CatalogSourceException>(() => Importer.Read(input, TestContext.Current.CancellationToken));
        Assert.StartsWith("other.yml", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
