using System.CommandLine;
using System.Globalization;
using Modelwatch.Cli.Commands.Catalog;
using Modelwatch.Data.Evals.Store;

namespace Modelwatch.Cli.Commands.Evals;

/// <summary><c>modelwatch eval run create|list|start|status|board</c>.</summary>
internal static class EvalRunCommand
{
    public static Command Create(CliContext context, Option<string?> database)
    {
        var command = new Command("run", "Runs: a prompt set against models, judged against a baseline.");
        command.Subcommands.Add(CreateRun(context, database));
        command.Subcommands.Add(List(context, database));
        command.Subcommands.Add(EvalRunStartCommand.Create(context, database));
        command.Subcommands.Add(Status(context, database));
        command.Subcommands.Add(EvalBoardCommand.Create(context, database));
        return command;
    }

    /// <summary>Splits <c>provider/model</c> at the first slash (model ids may hold slashes themselves).</summary>
    internal static bool TryProviderModel(string value, out string provider, out string model)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        provider = slash > 0 ? value[..slash].Trim() : "";
        model = slash > 0 ? value[(slash + 1)..].Trim() : "";
        return provider.Length > 0 && model.Length > 0;
    }

    private static Command CreateRun(CliContext context, Option<string?> database)
    {
        var set = new Option<string>("--set") { Description = "The prompt set: its id or name.", Required = true };
        var models = new Option<string[]>("--model") { Description = "A model as provider/model (repeat for each; the label is provider/model).", Required = true, AllowMultipleArgumentsPerToken = true };
        var baseline = new Option<string?>("--baseline") { Description = "The model every other is judged against (its provider/model label)." };
        var judge = new Option<string?>("--judge") { Description = "The LLM judge as provider/model (needs --baseline)." };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once (1–64).", DefaultValueFactory = _ => 4 };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Longest answer in tokens.", DefaultValueFactory = _ => 2048 };
        var name = new Option<string?>("--name") { Description = "The run's name (default: the set's name and the time)." };
        var command = new Command("create", "Create a run (Draft); prints its id. `eval run start ID` runs it.") { set, models, baseline, judge, concurrency, maxTokens, name };
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            var inputs = new List<EvalModelInput>();
            foreach (var m in result.GetValue(models) ?? [])
            {
                if (!TryProviderModel(m, out var provider, out var model))
                {
                    return RankCommand.Fail(context, ExitCodes.Usage, $"--model: '{m}' is not provider/model");
                }

                inputs.Add(new EvalModelInput(provider, model));
            }

            string? judgeProvider = null, judgeModel = null;
            if (result.GetValue(judge) is { } j && !TryProviderModel(j, out judgeProvider, out judgeModel))
            {
                return RankCommand.Fail(context, ExitCodes.Usage, $"--judge: '{j}' is not provider/model");
            }

            var store = new EvalStore(await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false), context.Time);
            var wanted = result.GetValue(set)!;
            var sets = await store.ListSetsAsync(ct).ConfigureAwait(false);
            var found = sets.FirstOrDefault(s => string.Equals(s.Name, wanted, StringComparison.Ordinal))
                ?? (int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? sets.FirstOrDefault(s => s.Id == id) : null);
            if (found is null)
            {
                return RankCommand.Fail(context, ExitCodes.InvalidRequest, $"--set: no prompt set '{wanted}' (`modelwatch eval sets list` shows them)");
            }

            try
            {
                var runName = result.GetValue(name) ?? string.Create(CultureInfo.InvariantCulture, $"{found.Name} {context.Time.GetUtcNow():yyyy-MM-dd HH:mm}");
                var run = await store.CreateRunAsync(
                    new EvalRunInput(found.Id, runName, inputs, result.GetValue(baseline), judgeProvider, judgeModel, result.GetValue(concurrency), result.GetValue(maxTokens)), ct).ConfigureAwait(false);
                await context.Out.WriteLineAsync(run.Id.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"run {run.Id} ({run.Name}): {run.Models.Count} models × {run.Progress.Prompts} prompts; start it with `modelwatch eval run start {run.Id}`")).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (EvalStoreException error)
            {
                return RankCommand.Fail(context, ExitCodes.InvalidRequest, $"--{Option(error.Field)}: {error.Message}");
            }
        }));
        return command;
    }

    private static Command List(CliContext context, Option<string?> database)
    {
        var command = new Command("list", "Every run: id, status, answers done/expected, verdicts done/expected, name (tab-separated).");
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            var store = new EvalStore(await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false), context.Time);
            await context.Out.WriteLineAsync("id\tstatus\tanswers\tverdicts\tname").ConfigureAwait(false);
            foreach (var r in await store.ListRunsAsync(ct).ConfigureAwait(false))
            {
                var p = r.Progress;
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Id}\t{r.Status}\t{p.AnswersCompleted}/{p.AnswersExpected}\t{p.GamesJudged}/{p.GamesExpected}\t{r.Name}")).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Status(CliContext context, Option<string?> database)
    {
        var id = new Argument<int>("id") { Description = "The run's id." };
        var command = new Command("status", "A run's status and progress: answers (completed, failed, pending) and verdicts.") { id };
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            var store = new EvalStore(await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false), context.Time);
            var run = await store.GetRunAsync(result.GetValue(id), ct).ConfigureAwait(false);
            if (run is null)
            {
                return RankCommand.Fail(context, ExitCodes.InvalidRequest, $"id: there is no run {result.GetValue(id)}");
            }

            var p = run.Progress;
            var lines = new[]
            {
                $"run\t{run.Id}\t{run.Name}",
                $"status\t{run.Status}",
                $"set\t{run.SetId}\t{run.SetName}",
                $"models\t{string.Join(", ", run.Models.Select(m => m.IsBaseline ? m.Label + " (baseline)" : m.Label))}",
                $"judge\t{run.Judge ?? "none"}",
                $"answers\t{p.AnswersCompleted}/{p.AnswersExpected} completed, {p.AnswersFailed} failed, {p.AnswersPending} pending",
                $"verdicts\t{p.GamesJudged}/{p.GamesExpected} judged, {p.GamesUnparsed} without a verdict",
                $"human votes\t{p.HumanVotes}",
            };
            foreach (var line in lines)
            {
                await context.Out.WriteLineAsync(line).ConfigureAwait(false);
            }

            if (run.LastError is not null)
            {
                await context.Out.WriteLineAsync("error\t" + run.LastError).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The store's field name as this command's option (<c>maxTokens</c> → <c>max-tokens</c>, <c>models</c> → <c>model</c>).</summary>
    private static string Option(string field) => field switch
    {
        "maxTokens" => "max-tokens",
        "models" => "model",
        "" => "set",
        _ => field,
    };
}
