using System.Globalization;
using System.Text;
using System.Text.Json;
using Modelwatch.Data;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Testing;
using Modelwatch.Testing.Providers;

namespace Modelwatch.Cli.Tests.Commands.Evals;

/// <summary>
/// <c>modelwatch eval</c> end to end on an SQLite file against the fake provider: import (and a refused file), create,
/// start interrupted (Ctrl+C) and started again, status, and the board as JSON and per tag.
/// </summary>
public sealed class EvalCommandTests
{
    private const int Prompts = 6;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_create_start_interrupted_and_resumed_then_the_board()
    {
        using var folder = new TempDirectory();
        var database = folder.File("evals.db");
        await using var fake = await FakeOpenAiServer.StartNewAsync();
        fake.Models = FakeEvalModels.All;
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var contestantRequests = 0;
        fake.Answer = request =>
        {
            // Ctrl+C once four answers have been asked for.
            if (request.Model != FakeEvalModels.Judge && Interlocked.Increment(ref contestantRequests) == 4)
            {
                interrupt.Cancel();
            }

            return FakeEvalModels.Answer(request);
        };

        // A file with a prompt missing on its third line is refused, naming the file and the line; nothing is stored.
        var bad = folder.File("bad.csv");
        await File.WriteAllTextAsync(bad, "id,prompt,tags\nq1,Say hi,coding\nq2,,coding\n", Cancel);
        var refused = await RunAsync(database, "eval", "sets", "import", bad, "--name", "bad");
        Assert.Equal(ExitCodes.InvalidInput, refused.ExitCode);
        Assert.Contains("bad.csv", refused.Error, StringComparison.Ordinal);
        Assert.Contains(":3", refused.Error, StringComparison.Ordinal);

        var csv = new StringBuilder("id,prompt,tags\n");
        for (var i = 1; i <= Prompts; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"q{i},{FakeEvalModels.PromptText(i)},{FakeEvalModels.Topic(i)}\n");
        }

        var file = folder.File("prompts.csv");
        await File.WriteAllTextAsync(file, csv.ToString(), Cancel);
        Assert.Equal(0, (await RunAsync(database, "eval", "sets", "import", file, "--name", "mine")).ExitCode);
        var sets = (await RunAsync(database, "eval", "sets", "list")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["id\tprompts\tname\ttags", $"1\t{Prompts}\tmine\tcoding:4,writing:2"], sets);

        var created = await RunAsync(database, "eval", "run", "create", "--set", "mine",
            "--model", "fake/" + FakeEvalModels.Alpha, "--model", "fake/" + FakeEvalModels.Beta, "--model", "fake/" + FakeEvalModels.Gamma,
            "--baseline", "fake/" + FakeEvalModels.Gamma, "--judge", "fake/" + FakeEvalModels.Judge, "--concurrency", "2");
        Assert.Equal(0, created.ExitCode);
        var runId = created.Out.Trim();
        var badBaseline = await RunAsync(database, "eval", "run", "create", "--set", "mine", "--model", "fake/a", "--baseline", "fake/zzz");
        Assert.Equal(ExitCodes.InvalidRequest, badBaseline.ExitCode);
        Assert.Contains("--baseline", badBaseline.Error, StringComparison.Ordinal);

        var providers = folder.File("providers.json");
        await File.WriteAllTextAsync(providers, JsonSerializer.Serialize(new[] { new { Name = "fake", BaseUrl = fake.BaseUrl.ToString(), MaxConcurrency = 8 } }), Cancel);

        // Interrupted: exit 130, Stopped, the answers finished so far kept.
        var first = await RunAsync(database, interrupt.Token, "eval", "run", "start", runId, "--providers", providers);
        Assert.Equal(ExitCodes.Cancelled, first.ExitCode);
        Assert.Contains("resumes", first.Error, StringComparison.Ordinal);
        var status = Fields(await RunAsync(database, "eval", "run", "status", runId));
        Assert.Equal("Stopped", status["status"]);

        // Started again: completes; each (model, prompt) was asked for exactly once over both sessions.
        var second = await RunAsync(database, "eval", "run", "start", runId, "--providers", providers);
        Assert.Equal(0, second.ExitCode);
        status = Fields(await RunAsync(database, "eval", "run", "status", runId));
        Assert.Equal("Completed", status["status"]);
        Assert.StartsWith($"{3 * Prompts}/{3 * Prompts} completed, 0 failed", status["answers"], StringComparison.Ordinal);
        Assert.StartsWith($"{2 * Prompts * 2}/{2 * Prompts * 2} judged", status["verdicts"], StringComparison.Ordinal);
        var asked = fake.Requests.Where(r => r.Model != FakeEvalModels.Judge).GroupBy(r => (r.Model, r.LastUserText)).ToList();
        Assert.Equal(3 * Prompts, asked.Count);
        Assert.All(asked, g => Assert.Single(g));

        // The board as JSON is the store's results; Alpha first.
        var json = await RunAsync(database, "eval", "run", "board", runId, "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var board = JsonDocument.Parse(json.Out);
        var contexts = await ModelwatchDatabase.OpenAsync(DatabaseOptions.Parse(database, folder.Path), Cancel);
        var results = (await new EvalStore(contexts, TimeProvider.System).ResultsAsync(int.Parse(runId, CultureInfo.InvariantCulture), ct: Cancel))!;
        Assert.Equal(
            results.LlmBoard!.Rows.Select(r => r.Model),
            board.RootElement.GetProperty("llmBoard").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("model").GetString()));
        Assert.Equal("fake/" + FakeEvalModels.Alpha, results.LlmBoard.Rows[0].Model);

        // Per tag, as a table: on writing prompts Beta is above the baseline.
        var writing = await RunAsync(database, "eval", "run", "board", runId, "--tag", "writing");
        var llmRows = writing.Out.Split('\n').SkipWhile(l => !l.StartsWith("# LLM judge", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.Length > 0).Select(l => l.Split('\t')[1]).ToList();
        Assert.Equal(["fake/" + FakeEvalModels.Alpha, "fake/" + FakeEvalModels.Beta, "fake/" + FakeEvalModels.Gamma], llmRows);
        var noTag = await RunAsync(database, "eval", "run", "board", runId, "--tag", "poetry");
        Assert.Equal(ExitCodes.InvalidRequest, noTag.ExitCode);
        Assert.Contains("--tag", noTag.Error, StringComparison.Ordinal);
    }

    private static Task<CliRun> RunAsync(string database, params string[] args) => RunAsync(database, Cancel, args);

    private static async Task<CliRun> RunAsync(string database, CancellationToken ct, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliApp.RunAsync([.. args, "--database", database], new CliContext(output, error, TimeProvider.System), ct);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    private static Dictionary<string, string> Fields(CliRun run) =>
        run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t', 2)).ToDictionary(f => f[0], f => f[1]);
}
