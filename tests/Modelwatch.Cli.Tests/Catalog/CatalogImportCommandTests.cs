using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;
using Modelwatch.Data.Catalog;

namespace Modelwatch.Cli.Tests.Catalog;

public sealed class CatalogImportCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The counts table of an import's output: kind → (added, changed, unchanged, removed).</summary>
    private static Dictionary<string, (int Added, int Changed, int Unchanged, int Removed)> Counts(CliRun run)
    {
        var rows = new Dictionary<string, (int, int, int, int)>();
        foreach (var line in run.Out.Split('\n').Skip(2).TakeWhile(l => !l.StartsWith("unmatched", StringComparison.Ordinal)))
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var n = cells[^4..].Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            rows[string.Join(' ', cells[..^4])] = (n[0], n[1], n[2], n[3]);
        }

        return rows;
    }

    [Fact]
    public async Task Import_prints_counts_per_kind_and_problems_and_a_second_import_changes_nothing()
    {
        using var cli = new CatalogCli();
        var file = cli.File("models-dev.txt", "2.5");

        var first = await cli.RunAsync("catalog", "import", "models.dev", file);
        var second = await cli.RunAsync("catalog", "import", "models.dev", file);

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        var counts = Counts(first);
        Assert.Equal((2, 0, 0, 0), counts["models"]);
        Assert.Equal((1, 0, 0, 0), counts["offerings"]);
        Assert.Equal((1, 0, 0, 0), counts["prices"]);
        Assert.Contains("problems: 1", first.Out, StringComparison.Ordinal);
        Assert.Contains("skipped: providers/broken/models/x.toml: not TOML", first.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.All(Counts(second).Values, c => Assert.Equal((0, 0, 0), (c.Added, c.Changed, c.Removed)));
        Assert.Equal((0, 0, 2, 0), Counts(second)["models"]);
    }

    [Fact]
    public async Task A_changed_price_is_reported_as_a_new_period()
    {
        using var cli = new CatalogCli();
        await cli.RunAsync("catalog", "import", "models.dev", cli.File("a.txt", "2.5"));

        var run = await cli.RunAsync("catalog", "import", "models.dev", cli.File("b.txt", "2"));

        // Same day: the open period's prices are replaced (a zero-day period would be noise).
        Assert.Equal((0, 1, 0, 0), Counts(run)["prices"]);
        await using var db = await cli.OpenAsync();
        Assert.Equal(2m, (await db.Prices.SingleAsync(Cancel)).InputPerMillion);
    }

    [Fact]
    public async Task An_unreachable_source_exits_4_changes_nothing_and_marks_the_source_failed()
    {
        using var cli = new CatalogCli();
        await cli.RunAsync("catalog", "import", "models.dev", cli.File("a.txt", "2.5"));

        var run = await cli.RunAsync("catalog", "import", "models.dev", "/no/such/models.dev/api.json");

        Assert.Equal(ExitCodes.SourceFailed, run.ExitCode);
        Assert.Contains("/no/such/models.dev/api.json: no such file or directory", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
        await using var db = await cli.OpenAsync();
        var status = await db.SourceStatuses.SingleAsync(Cancel);
        Assert.Equal(ImportOutcome.Failed, status.LastOutcome);
        Assert.NotNull(status.LastSuccessAt);
        Assert.Equal(2, await db.Models.CountAsync(Cancel));
        Assert.Equal([ImportOutcome.SucceededWithProblems, ImportOutcome.Failed], await db.ImportRuns.OrderBy(r => r.Id).Select(r => r.Outcome).ToListAsync(Cancel));
    }

    [Fact]
    public async Task An_unknown_source_is_refused_with_the_known_ones()
    {
        using var cli = new CatalogCli();

        var run = await cli.RunAsync("catalog", "import", "nosuch", cli.File("a.txt", "1"));

        Assert.Equal(ExitCodes.InvalidRequest, run.ExitCode);
        Assert.Contains($"known sources: {CatalogSources.ModelsDev}, {CatalogSources.LlmStats}", run.Error, StringComparison.Ordinal);
    }
}
