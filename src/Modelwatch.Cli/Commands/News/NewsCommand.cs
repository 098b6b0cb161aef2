using System.CommandLine;
using Modelwatch.Cli.Commands.Catalog;

namespace Modelwatch.Cli.Commands.News;

/// <summary><c>modelwatch news …</c>: the news sources in the database and fetching them.</summary>
public static class NewsCommand
{
    public static Command Create(CliContext context)
    {
        var database = new Option<string?>("--database")
        {
            Description = "The database: an SQLite file, an SQLite or PostgreSQL connection string, or a postgres:// URL. " +
                $"Default: ${CatalogDatabase.EnvironmentVariable}, else modelwatch.db in the data directory.",
            Recursive = true,
        };
        var command = new Command("news", "The news digest's sources: list, add, OPML import and export, and fetching them.") { database };
        command.Subcommands.Add(NewsSourcesCommand.Create(context, database));
        command.Subcommands.Add(NewsFetchCommand.Create(context, database));
        return command;
    }
}
