using System.CommandLine;
using Modelwatch.Cli.Output.Catalog;
using Modelwatch.Data.Catalog.Store;
using Modelwatch.Import.Catalog;

namespace Modelwatch.Cli.Commands.Catalog;

/// <summary>
/// <c>modelwatch catalog show &lt;id|alias&gt;</c>: one model with every fact and its source (the precedence winner
/// marked, disagreeing claims visible), variants, offerings with current prices and history, scores, ratings, aliases.
/// </summary>
internal static class CatalogShowCommand
{
    public static Command Create(CliContext context, Option<string?> database)
    {
        var name = new Argument<string>("id-or-alias") { Description = "A canonical id (openai/gpt-4o) or any name a source uses for the model." };
        var format = CatalogFormats.Option("Output: table or json.", "table", "json");
        var command = new Command("show", "Show one model with every fact's source, conflicts, offerings and prices, scores and aliases.") { name, format };
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            var contexts = await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false);
            var db = contexts.CreateDbContext();
            await using (db.ConfigureAwait(false))
            {
                var matcher = await CatalogMatchers.CreateAsync(db, IdentityOverridesFile.LoadEmbedded(), null, ct).ConfigureAwait(false);
                var text = result.GetRequiredValue(name);
                if (await new CatalogQueries(db).ShowAsync(text, matcher, ct).ConfigureAwait(false) is not { } details)
                {
                    return RankCommand.Fail(context, ExitCodes.InvalidRequest, $"no model is named '{text}' (try `modelwatch catalog list --search {text}`)");
                }

                if (result.GetValue(format) == "json")
                {
                    ModelDetailsJson.Write(context.Out, details);
                }
                else
                {
                    ModelDetailsTable.Write(context.Out, details);
                }

                return ExitCodes.Ok;
            }
        }));
        return command;
    }
}
