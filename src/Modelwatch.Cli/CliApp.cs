using System.CommandLine;
using Modelwatch.Cli.Commands;
using Modelwatch.Cli.Commands.Catalog;
using Modelwatch.Cli.Commands.Evals;
using Modelwatch.Cli.Commands.News;

namespace Modelwatch.Cli;

/// <summary>The <c>modelwatch</c> command line: one small command class per verb.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(
            "Modelwatch: reproducible LLM leaderboards from raw pairwise votes.\n" +
            "Exit codes: 0 ok, 1 bad command line (or `catalog resolve`: not resolved), 2 invalid input file (or `advise`: an option value it cannot read), 3 request does not fit the data, " +
            "4 catalog source could not be read, 5 database error, 130 interrupted.");
        root.Subcommands.Add(RankCommand.Create(context));
        root.Subcommands.Add(InspectCommand.Create(context));
        root.Subcommands.Add(ImportVotesCommand.Create(context));
        root.Subcommands.Add(CatalogCommand.Create(context));
        root.Subcommands.Add(NewsCommand.Create(context));
        root.Subcommands.Add(EvalCommand.Create(context));
        root.Subcommands.Add(AdviseCommand.Create(context));
        // After the news command (when there is one): digest joins its verbs.
        DigestCommand.AttachTo(root, context);
        return root;
    }

    public static Task<int> RunAsync(string[] args, CliContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error };
        return BuildRoot(context).Parse(args).InvokeAsync(configuration, ct);
    }
}
