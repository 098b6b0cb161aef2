using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Modelwatch.Data;
using Modelwatch.Data.Votes;
using Modelwatch.Testing;

namespace Modelwatch.Cli.Tests.Commands;

/// <summary><c>modelwatch import votes</c>: what it stores and says, and that a bad file stores nothing.</summary>
public class ImportVotesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Importing_the_arena_file_reports_votes_models_and_categories_and_a_second_import_changes_nothing()
    {
        var votes = SharedData.File(SharedFiles.Arena140k);
        using var dir = new TempDirectory();
        var database = dir.File("modelwatch.db");

        var first = await CliRun.Of("import", "votes", votes, "--database", database);
        var second = await CliRun.Of("import", "votes", votes, "--database", database, "--name", "again");

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Contains("stored dataset 'battles' from battles.csv.gz", first.Out, StringComparison.Ordinal);
        Assert.Contains("votes: 135,634 (10 self-votes", first.Out, StringComparison.Ordinal);
        Assert.Contains("models: 53", first.Out, StringComparison.Ordinal);

        // The shared README's category sizes count self-votes; stored counts leave them out as cleaning does.
        Assert.Contains("hard_6 50,878", first.Out, StringComparison.Ordinal);
        Assert.Contains("math 10,892", first.Out, StringComparison.Ordinal);
        Assert.Contains("no_tie 98,341", first.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Contains("already stored: dataset 'battles'", second.Out, StringComparison.Ordinal);
        Assert.Contains("nothing was written", second.Out, StringComparison.Ordinal);
        var datasets = await DatasetsIn(database);
        Assert.Equal(["battles"], datasets.Select(d => d.Name));
        Assert.Equal(135_634, datasets[0].VoteCount);
    }

    [Fact]
    public async Task A_bad_file_fails_as_rank_does_and_stores_nothing()
    {
        using var dir = new TempDirectory();
        var database = dir.File("modelwatch.db");
        var good = dir.File("good.csv");
        var bad = dir.File("bad.csv");
        await File.WriteAllTextAsync(good, "model_a,model_b,winner\nx,y,model_a\ny,z,tie\n", Cancel);
        await File.WriteAllTextAsync(bad, "model_a,model_b,winner\nx,y,model_a\nx,z,draw\n", Cancel);
        Assert.Equal(ExitCodes.Ok, (await CliRun.Of("import", "votes", good, "--database", database)).ExitCode);

        var import = await CliRun.Of("import", "votes", bad, "--database", database);
        var rank = await CliRun.Of("rank", bad);
        var missing = await CliRun.Of("import", "votes", dir.File("absent.csv"), "--database", database);

        Assert.Equal(ExitCodes.InvalidInput, import.ExitCode);
        Assert.Equal(ExitCodes.InvalidInput, rank.ExitCode);
        var rankError = rank.Error.Trim();
        Assert.StartsWith("error: bad.csv:3:", rankError, StringComparison.Ordinal);
        Assert.Contains(rankError, import.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was stored", import.Error, StringComparison.Ordinal);
        Assert.Empty(import.Out);
        Assert.Equal(ExitCodes.InvalidInput, missing.ExitCode);
        Assert.Contains("file not found", missing.Error, StringComparison.Ordinal);
        Assert.Equal(["good"], (await DatasetsIn(database)).Select(d => d.Name));
    }

    [Fact]
    public async Task A_name_taken_by_other_votes_is_refused_unless_replaced()
    {
        using var dir = new TempDirectory();
        var database = dir.File("modelwatch.db");
        var first = dir.File("first.csv");
        var second = dir.File("second.csv");
        await File.WriteAllTextAsync(first, "model_a,model_b,winner\nx,y,model_a\n", Cancel);
        await File.WriteAllTextAsync(second, "model_a,model_b,winner\nx,y,model_b\ny,z,tie\n", Cancel);
        await CliRun.Of("import", "votes", first, "--database", database, "--name", "board");

        var refused = await CliRun.Of("import", "votes", second, "--database", database, "--name", "board");
        var replaced = await CliRun.Of("import", "votes", second, "--database", database, "--name", "board", "--replace");

        Assert.Equal(ExitCodes.InvalidRequest, refused.ExitCode);
        Assert.Contains("'board' already holds other votes", refused.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, replaced.ExitCode);
        Assert.Contains("replacing the earlier one", replaced.Out, StringComparison.Ordinal);
        Assert.Equal(2, (await DatasetsIn(database)).Single().VoteCount);
    }

    [Fact]
    public async Task An_unreachable_database_is_exit_code_4_and_its_password_is_not_shown()
    {
        using var dir = new TempDirectory();
        var file = dir.File("votes.csv");
        await File.WriteAllTextAsync(file, "model_a,model_b,winner\nx,y,model_a\n", Cancel);

        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var run = await CliRun.Of("import", "votes", file, "--database", "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=hunter2;Timeout=5");

        Assert.Equal(ExitCodes.DatabaseError, run.ExitCode);
        Assert.Contains("database (PostgreSQL Host=127.0.0.1;Port=1", run.Error, StringComparison.Ordinal);
        Assert.Contains("Password=***", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was stored", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_a_big_file_prints_progress_on_stderr_only()
    {
        using var dir = new TempDirectory();
        var path = dir.File("votes.csv");
        var text = new StringBuilder("model_a,model_b,winner\n");
        var random = new Random(5);
        for (var i = 0; i < 100_000; i++)
        {
            var a = random.Next(8);
            text.Append(CultureInfo.InvariantCulture, $"model-{a},model-{(a + 1 + random.Next(7)) % 8},{(random.Next(2) == 0 ? "model_a" : "model_b")}\n");
        }

        await File.WriteAllTextAsync(path, text.ToString(), Cancel);

        // Every clock read moves time on by a second, so each progress report is "late enough" to be printed.
        var clock = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliApp.RunAsync(["import", "votes", path, "--database", dir.File("m.db")], new CliContext(output, error, clock), Cancel);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches(@"writing votes: [\d,]+ of 100,000 \(\d+%\)", error.ToString());
        Assert.Matches(@"(hashing|reading) votes\.csv: \d+\.\d of \d+\.\d MB", error.ToString());
        Assert.DoesNotContain("writing", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("votes: 100,000", output.ToString(), StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<VoteDataset>> DatasetsIn(string path)
    {
        var contexts = await ModelwatchDatabase.OpenAsync(DatabaseOptions.Sqlite(path), Cancel);
        await using var context = contexts.CreateDbContext();
        return await new VoteStore(context, TimeProvider.System).ListAsync(Cancel);
    }
}
