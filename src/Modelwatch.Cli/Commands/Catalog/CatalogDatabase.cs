using System.CommandLine;
using Modelwatch.Data;

namespace Modelwatch.Cli.Commands.Catalog;

/// <summary>Opens the database a catalog verb works on: <c>--database</c>, else <c>MODELWATCH_DATABASE</c>, else the default SQLite file.</summary>
internal static class CatalogDatabase
{
    public const string EnvironmentVariable = "MODELWATCH_DATABASE";

    /// <summary>Parses the setting and opens (creates and migrates) the database.</summary>
    /// <exception cref="FormatException">The setting cannot be read (the message names why, without a password).</exception>
    public static Task<ModelwatchContextFactory> OpenAsync(ParseResult result, Option<string?> option, CancellationToken ct)
    {
        var value = result.GetValue(option) ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        var options = DatabaseOptions.Parse(value, string.IsNullOrWhiteSpace(value) ? DataDirectory.Default() : Environment.CurrentDirectory);
        return ModelwatchDatabase.OpenAsync(options, ct);
    }

    /// <summary>
    /// Runs a verb's body with the errors every verb shares mapped to exit codes: a database setting that cannot be
    /// read or a database that cannot be opened (3), Ctrl+C (130).
    /// </summary>
    public static async Task<int> RunAsync(CliContext context, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (FormatException error)
        {
            return RankCommand.Fail(context, ExitCodes.InvalidRequest, $"--database: {error.Message}");
        }
        catch (OperationCanceledException)
        {
            return RankCommand.Fail(context, ExitCodes.Cancelled, "interrupted; nothing was written");
        }
    }
}
