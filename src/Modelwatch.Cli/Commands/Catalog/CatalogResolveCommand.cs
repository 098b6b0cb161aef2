using System.CommandLine;
using Modelwatch.Data.Catalog.Store;
using Modelwatch.Import.Catalog;

namespace Modelwatch.Cli.Commands.Catalog;

/// <summary>
/// <c>modelwatch catalog resolve &lt;name&gt;</c>: prints <c>&lt;canonical id&gt;\t&lt;variant&gt;</c> (variant empty when
/// none) and, on stderr, how it was found. Exit 1 when the name resolves to no model.
/// </summary>
internal static class CatalogResolveCommand
{
    public const int Unresolved = 1;

    public static Command Create(CliContext context, Option<string?> database)
    {
        var name = new Argument<string>("name") { Description = "Any model name: a canonical id, an arena key, a LiteLLM call string, an OpenRouter slug, …" };
        var command = new Command("resolve", "Print the canonical model id and variant a name stands for (tab-separated); exit 1 when it stands for none.") { name };
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            var contexts = await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false);
            var db = contexts.CreateDbContext();
            await using (db.ConfigureAwait(false))
            {
                var text = result.GetRequiredValue(name);
                var matcher = await CatalogMatchers.CreateAsync(db, IdentityOverridesFile.LoadEmbedded(), null, ct).ConfigureAwait(false);
                if (await new CatalogQueries(db).ResolveAsync(text, matcher, ct).ConfigureAwait(false) is not { } resolved)
                {
                    await context.Error.WriteLineAsync($"unresolved: no model is named '{text}'").ConfigureAwait(false);
                    return Unresolved;
                }

                await context.Out.WriteLineAsync($"{resolved.ModelId}\t{resolved.Variant}").ConfigureAwait(false);
                await context.Error.WriteLineAsync($"via {resolved.How}").ConfigureAwait(false);
                return ExitCodes.Ok;
            }
        }));
        return command;
    }
}
