using System.Text.Json;
using Modelwatch.Cli.Output.Catalog;
using Modelwatch.Core.Catalog;
using Modelwatch.Data.Catalog.Store;

namespace Modelwatch.Cli.Tests.Catalog;

public sealed class CatalogQueryCommandTests
{
    private static async Task<CatalogCli> ImportedAsync()
    {
        var cli = new CatalogCli();
        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync("catalog", "import", "models.dev", cli.File("md.txt", "2.5"))).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync("catalog", "import", "llmstats", cli.File("ls.txt", "128000"))).ExitCode);
        return cli;
    }

    [Fact]
    public async Task List_filters_open_weights_and_context_and_writes_csv_and_json()
    {
        using var cli = await ImportedAsync();

        var all = await cli.RunAsync("catalog", "list", "--format", "csv");
        var open = await cli.RunAsync("catalog", "list", "--open-weights", "--format", "csv");
        var wide = await cli.RunAsync("catalog", "list", "--min-context", "130000", "--format", "json");
        var table = await cli.RunAsync("catalog", "list");

        var lines = all.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ModelListWriter.CsvHeader, lines[0]);
        Assert.Equal(["meta/llama-3.1-70b-instruct", "openai/gpt-4o"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal("meta/llama-3.1-70b-instruct,Llama 3.1 70B Instruct,meta,OpenWeights,Llama 3.1 Community License,131072,,70600000000,,models.dev", lines[1]);
        Assert.Equal(["meta/llama-3.1-70b-instruct"], open.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]));
        using var json = JsonDocument.Parse(wide.Out);
        Assert.Equal(["meta/llama-3.1-70b-instruct"], json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(131_072, json.RootElement[0].GetProperty("contextWindow").GetInt32());
        Assert.Contains("openai/gpt-4o", table.Out, StringComparison.Ordinal);
        Assert.Contains("128,000", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_lists_every_fact_with_its_source_and_marks_the_winner_and_the_conflicts()
    {
        using var cli = await ImportedAsync();

        var text = await cli.RunAsync("catalog", "show", "meta/llama-3.1-70b-instruct");
        var json = await cli.RunAsync("catalog", "show", "meta/llama-3.1-70b-instruct", "--format", "json");

        Assert.Equal(ExitCodes.Ok, text.ExitCode);
        Assert.Contains("Llama 3.1 Community License", text.Out, StringComparison.Ordinal);
        Assert.Contains("llmstats", text.Out, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Out);
        var facts = doc.RootElement.GetProperty("facts").EnumerateArray()
            .Select(f => (Field: f.GetProperty("field").GetString(), Source: f.GetProperty("source").GetString(), Value: f.GetProperty("value").GetString(), Winner: f.GetProperty("winner").GetBoolean(), Conflicts: f.GetProperty("conflicts").GetBoolean()))
            .ToList();
        Assert.Equal(
            [(ModelFields.ContextWindow, CatalogSources.ModelsDev, "131072", true, false), (ModelFields.ContextWindow, CatalogSources.LlmStats, "128000", false, true)],
            facts.Where(f => f.Field == ModelFields.ContextWindow));
        Assert.Equal(
            [(ModelFields.LicenceId, CatalogSources.LlmStats, "Llama 3.1 Community License", true, false), (ModelFields.LicenceId, CatalogSources.ModelsDev, "llama3.1", false, true)],
            facts.Where(f => f.Field == ModelFields.LicenceId));
        Assert.Equal(
            [CatalogSources.LlmStats, CatalogSources.ModelsDev],
            facts.Select(f => f.Source).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("Llama 3.1 Community License", doc.RootElement.GetProperty("resolved").GetProperty(ModelFields.LicenceId).GetString());
    }

    [Fact]
    public async Task Show_of_an_unknown_name_exits_3()
    {
        using var cli = await ImportedAsync();

        var run = await cli.RunAsync("catalog", "show", "no-such-model");

        Assert.Equal(ExitCodes.InvalidRequest, run.ExitCode);
        Assert.Contains("no model is named 'no-such-model'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_prints_the_canonical_id_and_exits_1_when_unresolved()
    {
        using var cli = await ImportedAsync();

        var known = await cli.RunAsync("catalog", "resolve", "GPT-4o");
        var unknown = await cli.RunAsync("catalog", "resolve", "gpt-9-turbo");

        Assert.Equal((0, "openai/gpt-4o\t"), (known.ExitCode, known.Out.TrimEnd('\n')));
        Assert.Equal((1, ""), (unknown.ExitCode, unknown.Out));
        Assert.Contains("unresolved", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_lists_pending_matches_and_accept_links_them()
    {
        using var cli = await ImportedAsync();
        await using (var db = await cli.OpenAsync())
        {
            var unsure = new IdentityMatch(null, null, MatchKind.Candidate, 0.7, "openai/gpt-4o", "'chatgpt-4o' may be gpt-4o");
            var batch = new CatalogBatch(CatalogSources.LmArena, "arena.json")
            {
                LeaderboardEntries = [new SourceLeaderboardEntry("text", "overall", new DateOnly(2026, 1, 5), "chatgpt-4o", 1301)],
            };
            await new CatalogStore(db, TimeProvider.System).ApplyAsync(batch, new OneAnswer(unsure), null, TestContext.Current.CancellationToken);
        }

        var list = await cli.RunAsync("catalog", "review");
        var id = list.Out.Split('\n')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var accept = await cli.RunAsync("catalog", "review", "--accept", id);
        var again = await cli.RunAsync("catalog", "review", "--accept", id);
        var resolved = await cli.RunAsync("catalog", "resolve", "chatgpt-4o");

        Assert.Contains("chatgpt-4o", list.Out, StringComparison.Ordinal);
        Assert.Contains("'chatgpt-4o' may be gpt-4o", list.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, accept.ExitCode);
        Assert.Contains("→ openai/gpt-4o; linked 0 offerings, 0 scores, 1 leaderboard rows", accept.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidRequest, again.ExitCode);
        Assert.Equal("openai/gpt-4o\t", resolved.Out.TrimEnd('\n'));
    }

    private sealed class OneAnswer(IdentityMatch answer) : IModelMatcher
    {
        public IdentityMatch Match(string source, string externalId, MatchHints hints) => answer;
    }
}
