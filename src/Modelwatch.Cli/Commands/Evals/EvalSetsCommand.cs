using System.CommandLine;
using System.Globalization;
using Modelwatch.Cli.Commands.Catalog;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Import.Evals;

namespace Modelwatch.Cli.Commands.Evals;

/// <summary><c>modelwatch eval sets list|import FILE --name N</c>.</summary>
internal static class EvalSetsCommand
{
    public static Command Create(CliContext context, Option<string?> database)
    {
        var command = new Command("sets", "Prompt sets.");
        command.Subcommands.Add(List(context, database));
        command.Subcommands.Add(Import(context, database));
        return command;
    }

    private static Command List(CliContext context, Option<string?> database)
    {
        var command = new Command("list", "Every prompt set: id, prompts, name, tags (tab-separated).");
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            var store = new EvalStore(await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false), context.Time);
            var sets = await store.ListSetsAsync(ct).ConfigureAwait(false);
            await context.Out.WriteLineAsync("id\tprompts\tname\ttags").ConfigureAwait(false);
            foreach (var s in sets)
            {
                var tags = string.Join(",", s.Tags.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Tag}:{t.Prompts}")));
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{s.Id}\t{s.PromptCount}\t{s.Name}\t{tags}")).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Import(CliContext context, Option<string?> database)
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV (prompt|text|question column; id, tags, category, reference optional) or JSON Lines file." };
        var name = new Option<string>("--name") { Description = "The set's name (unique).", Required = true };
        var description = new Option<string?>("--description") { Description = "What the set is for." };
        var command = new Command("import", "Make a prompt set from a file; a bad file is refused naming its line and field, and nothing is stored.") { file, name, description };
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                return RankCommand.Fail(context, ExitCodes.InvalidInput, $"{path.FullName}: no such file");
            }

            IReadOnlyList<Core.Evals.PromptRecord> records;
            try
            {
                var stream = File.OpenRead(path.FullName);
                await using (stream.ConfigureAwait(false))
                {
                    records = PromptSetReader.Read(stream, path.Name);
                }
            }
            catch (PromptSetFileException error)
            {
                return RankCommand.Fail(context, ExitCodes.InvalidInput, error.Message);
            }

            var store = new EvalStore(await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false), context.Time);
            try
            {
                var set = await store.ImportSetAsync(result.GetValue(name)!, result.GetValue(description), records, ct).ConfigureAwait(false);
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{set.Id}\t{set.PromptCount}\t{set.Name}")).ConfigureAwait(false);
                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{set.PromptCount:N0} prompts imported into set {set.Id} ({set.Name})")).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (EvalStoreException error)
            {
                return RankCommand.Fail(context, ExitCodes.InvalidRequest, $"--{error.Field}: {error.Message}");
            }
        }));
        return command;
    }
}
