using System.CommandLine;

namespace Modelwatch.Cli.Commands.Catalog;

/// <summary><c>modelwatch catalog …</c>: the model catalog in the database (import, list, show, resolve, review).</summary>
public static class CatalogCommand
{
    public static Command Create(CliContext context)
    {
        var database = new Option<string?>("--database")
        {
            Description = "The database: an SQLite file, an SQLite or PostgreSQL connection string, or a postgres:// URL. " +
                $"Default: ${CatalogDatabase.EnvironmentVariable}, else modelwatch.db in the data directory ($MODELWATCH_DATA_DIR or ~/.local/share/modelwatch).",
            Recursive = true,
        };
        var command = new Command("catalog", "The model catalog: one identity per model, merged from models.dev, LiteLLM, OpenRouter, genai-prices, LMArena, Aider and LLMStats, with every fact's source.")
        {
            database,
        };
        command.Subcommands.Add(CatalogImportCommand.Create(context, database));
        command.Subcommands.Add(CatalogListCommand.Create(context, database));
        command.Subcommands.Add(CatalogShowCommand.Create(context, database));
        command.Subcommands.Add(CatalogResolveCommand.Create(context, database));
        command.Subcommands.Add(CatalogReviewCommand.Create(context, database));
        return command;
    }
}
