using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Modelwatch.Cli.Commands.Catalog;
using Modelwatch.Data.Evals.Store;

namespace Modelwatch.Cli.Commands.Evals;

/// <summary><c>modelwatch eval run board ID [--tag T] [--format table|json]</c>: the run's private boards.</summary>
internal static class EvalBoardCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public static Command Create(CliContext context, Option<string?> database)
    {
        var id = new Argument<int>("id") { Description = "The run's id." };
        var tag = new Option<string?>("--tag") { Description = "Only prompts with this tag." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("board", "The run's boards: the LLM judge's and people's, with 95% intervals; cost and latency per model.") { id, tag, format };
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            var store = new EvalStore(await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false), context.Time);
            var wanted = result.GetValue(tag) is { Length: > 0 } t ? t.Trim().ToLowerInvariant() : null;
            var results = await store.ResultsAsync(result.GetValue(id), wanted, ct: ct).ConfigureAwait(false);
            if (results is null)
            {
                return RankCommand.Fail(context, ExitCodes.InvalidRequest, $"id: there is no run {result.GetValue(id)}");
            }

            if (wanted is not null && !results.Tags.Any(x => string.Equals(x.Tag, wanted, StringComparison.Ordinal)))
            {
                return RankCommand.Fail(context, ExitCodes.InvalidRequest, $"--tag: no prompt of run {results.Run.Id} has the tag '{wanted}' (tags: {string.Join(", ", results.Tags.Select(x => x.Tag))})");
            }

            if (result.GetValue(format) == "json")
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(results, Json)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            await WriteBoardAsync(context.Out, "LLM judge", results.LlmBoard).ConfigureAwait(false);
            await WriteBoardAsync(context.Out, "people", results.HumanBoard).ConfigureAwait(false);
            await context.Out.WriteLineAsync("model\tcompleted\tfailed\tcost_usd\tmedian_ttft_ms\tmedian_tokens_per_s").ConfigureAwait(false);
            foreach (var m in results.Models)
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{m.Label}\t{m.Completed}\t{m.Failed}\t{m.CostUsd}\t{m.MedianTimeToFirstTokenMs:0}\t{m.MedianTokensPerSecond:0.0}")).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task WriteBoardAsync(TextWriter output, string title, EvalBoardView? board)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"# {title}: {board?.Games ?? 0} games")).ConfigureAwait(false);
        await output.WriteLineAsync("rank\tmodel\trating\tlower\tupper\tgames\twin_rate").ConfigureAwait(false);
        foreach (var r in board?.Rows ?? [])
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{r.Rank}\t{r.Model}\t{r.Rating:0.0}\t{r.Lower:0.0}\t{r.Upper:0.0}\t{r.Games}\t{r.WinRate:0.000}")).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
    }
}
