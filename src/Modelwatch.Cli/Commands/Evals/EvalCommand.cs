using System.CommandLine;
using Modelwatch.Cli.Commands.Catalog;

namespace Modelwatch.Cli.Commands.Evals;

/// <summary><c>modelwatch eval …</c>: your own evaluations — prompt sets, runs against models, their boards.</summary>
public static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var database = new Option<string?>("--database")
        {
            Description = "The database: an SQLite file, an SQLite or PostgreSQL connection string, or a postgres:// URL. " +
                $"Default: ${CatalogDatabase.EnvironmentVariable}, else modelwatch.db in the data directory.",
            Recursive = true,
        };
        var command = new Command("eval", "Your own evaluations: prompt sets, runs against models (resumable), judged by an LLM the Arena-Hard way, and their private boards.") { database };
        command.Subcommands.Add(EvalSetsCommand.Create(context, database));
        command.Subcommands.Add(EvalRunCommand.Create(context, database));
        return command;
    }
}
