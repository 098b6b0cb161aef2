using System.Text.Json;
using System.Text.Json.Nodes;
using Modelwatch.Cli.Commands;
using Modelwatch.Core.Advisor.Parsing;
using Modelwatch.Data;
using Modelwatch.Data.Advisor;
using Modelwatch.Testing;
using Modelwatch.Testing.Database;

namespace Modelwatch.Cli.Tests.Commands;

/// <summary><c>modelwatch advise</c> on the seeded data: it prints what <see cref="AdvisorService"/> answers, and names bad options.</summary>
public sealed class AdviseCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Json_table_and_markdown_print_what_the_service_answers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateSeededAsync(provider, Cancel);
        var database = provider == DatabaseProvider.Sqlite ? db.Options.SqliteFile! : db.Options.ConnectionString!;
        var service = new AdvisorService(db.Contexts, TimeProvider.System);
        string[][] questions =
        [
            ["--use", "general", "--w-price", "0", "--picks", "10"],
            ["--use", "coding", "--self-host", "--commercial", "--min-context", "32k"],
            ["--use", "language", "--language", "korean", "--input", "image", "--max-price", "10"],
        ];
        var tied = 0;
        foreach (var options in questions)
        {
            var request = AdvisorQuery.Parse(Fields(options));
            var expected = await service.AdviseAsync(request, Cancel);
            tied += expected.Picks.Count(p => p.Tied);

            var json = await CliRun.Of(["advise", .. options, "--format", "json", "--database", database]);
            Assert.True(json.ExitCode == 0, json.Error);
            Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(expected, AdvisorJson.Options), JsonNode.Parse(json.Out)), $"{string.Join(' ', options)}: the JSON differs from the service's result");
            Assert.Contains("/advisor?" + AdvisorQuery.ToQuery(request), json.Error, StringComparison.Ordinal);

            var table = await CliRun.Of(["advise", .. options, "--database", database]);
            Assert.True(table.ExitCode == 0, table.Error);
            var rows = TableRows(table.Out);
            Assert.Equal(expected.Picks.Count, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var pick = expected.Picks[i];
                Assert.Equal(AdviseWriter.Position(pick), rows[i].Split("  ", StringSplitOptions.RemoveEmptyEntries)[0]);
                Assert.Contains(pick.Candidate.ModelId, rows[i], StringComparison.Ordinal);
            }

            Assert.Contains($"Excluded: {expected.Excluded.Count:N0} models", table.Out, StringComparison.Ordinal);
            Assert.Contains("Same request on the web: /advisor?" + AdvisorQuery.ToQuery(request), table.Out, StringComparison.Ordinal);
            foreach (var pick in expected.Picks.Where(p => p.Tied))
            {
                Assert.Contains($"{AdviseWriter.Position(pick)} {pick.Candidate.Name} ({pick.Candidate.ModelId})\n    tied with ", table.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            }

            var markdown = await CliRun.Of(["advise", .. options, "--format", "markdown", "--database", database]);
            Assert.True(markdown.ExitCode == 0, markdown.Error);
            foreach (var pick in expected.Picks)
            {
                Assert.Contains($"| {AdviseWriter.Position(pick)} | ", markdown.Out, StringComparison.Ordinal);
                Assert.Contains($"(`{pick.Candidate.ModelId}`)", markdown.Out, StringComparison.Ordinal);
            }
        }

        // The general board's top ten overlap on the 140k votes: the tie marks above were really checked.
        Assert.True(tied > 0, "no question produced a tie");
    }

    [Theory]
    [InlineData("--min-context", "lots")]
    [InlineData("--use", "poetry")]
    [InlineData("--self-host", "maybe")]
    [InlineData("--w-price", "-1")]
    [InlineData("--picks", "0")]
    [InlineData("--max-latency", "soon")]
    [InlineData("--monthly-input", "5M")]
    public async Task A_value_it_cannot_read_exits_2_naming_the_option(string option, string value)
    {
        using var folder = new TempDirectory();
        var run = await CliRun.Of("advise", option, value, "--database", folder.File("unused.db"));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        var named = option == "--monthly-input" ? "--monthly-budget" : option;
        Assert.StartsWith($"error: {named}: ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
        Assert.False(File.Exists(folder.File("unused.db")), "the database was opened although the options could not be read");
    }

    [Fact]
    public async Task A_dataset_that_is_not_stored_exits_3_naming_the_option()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Cancel);
        var run = await CliRun.Of("advise", "--dataset", "no-such-votes", "--database", db.Options.SqliteFile!);

        Assert.Equal(ExitCodes.InvalidRequest, run.ExitCode);
        Assert.StartsWith("error: --dataset: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("no-such-votes", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The options as the parser's fields, the way the command reads them (a flag without a value is "true").</summary>
    private static List<KeyValuePair<string, string?>> Fields(string[] options)
    {
        var fields = new List<KeyValuePair<string, string?>>();
        for (var i = 0; i < options.Length; i++)
        {
            var key = options[i][2..];
            var hasValue = i + 1 < options.Length && !options[i + 1].StartsWith("--", StringComparison.Ordinal);
            fields.Add(new(key, hasValue ? options[++i] : "true"));
        }

        return fields;
    }

    /// <summary>The rows of the table of picks: the lines after its header up to the first blank line.</summary>
    private static List<string> TableRows(string output)
    {
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("pos  ", StringComparison.Ordinal));
        Assert.True(header >= 0, "no table header");
        return [.. lines.Skip(header + 1).TakeWhile(l => l.Length > 0)];
    }
}
