using System.CommandLine;
using Modelwatch.Cli.Output.Catalog;
using Modelwatch.Core.Catalog;
using Modelwatch.Data.Catalog.Store;

namespace Modelwatch.Cli.Commands.Catalog;

/// <summary><c>modelwatch catalog list</c>: the canonical models, filtered, as a table, CSV or JSON.</summary>
internal static class CatalogListCommand
{
    public static Command Create(CliContext context, Option<string?> database)
    {
        var openWeights = new Option<bool>("--open-weights") { Description = "Only models whose weights are published (open weights or open source)." };
        var minContext = new Option<int?>("--min-context") { Description = "Only models with a context window of at least N tokens.", HelpName = "N" };
        var licence = new Option<LicenceClass?>("--licence") { Description = "Only models of this licence class: Proprietary, OpenWeights, OpenSource, Unknown." };
        var lab = new Option<string?>("--lab") { Description = "Only models of this lab (the part of the id before '/': openai, meta, …)." };
        var search = new Option<string?>("--search") { Description = "Only models whose id or name contains this text (any case)." };
        var format = CatalogFormats.Option("Output: table, csv (id,name,lab,licence,licence_id,context_window,max_output_tokens,total_parameters,release_date,created_by) or json.", "table", "csv", "json");
        var command = new Command("list", "List the catalog's models with their resolved facts.") { openWeights, minContext, licence, lab, search, format };
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            var contexts = await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false);
            var db = contexts.CreateDbContext();
            await using (db.ConfigureAwait(false))
            {
                var filter = new ModelFilter
                {
                    OpenWeights = result.GetValue(openWeights),
                    MinContext = result.GetValue(minContext),
                    Licence = result.GetValue(licence),
                    Lab = result.GetValue(lab),
                    Search = result.GetValue(search),
                };
                var models = await new CatalogQueries(db).ListAsync(filter, ct).ConfigureAwait(false);
                ModelListWriter.Write(context.Out, result.GetValue(format)!, models);
                await context.Error.WriteLineAsync($"{models.Count:N0} models").ConfigureAwait(false);
                return ExitCodes.Ok;
            }
        }));
        return command;
    }
}
