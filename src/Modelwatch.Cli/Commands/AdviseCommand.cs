using System.CommandLine;
using Modelwatch.Cli.Commands.Catalog;
using Modelwatch.Core.Advisor;
using Modelwatch.Core.Advisor.Parsing;
using Modelwatch.Data.Advisor;

namespace Modelwatch.Cli.Commands;

/// <summary>
/// <c>modelwatch advise --use coding --self-host --min-context 128k …</c>: the advisor's short list from the database,
/// with the same keys as <c>/advisor</c> and <c>GET /api/advisor</c> (<see cref="AdvisorQueryKeys"/>). Every option is
/// read by <see cref="AdvisorQuery"/>, so the CLI and the web accept and refuse exactly the same values; a value it
/// cannot read exits 2 naming the option.
/// </summary>
public static class AdviseCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var database = DatabaseArgument.CreateOption();
        var format = CatalogFormats.Option("Output: table (default), markdown, or json (the API's JSON).", "table", "markdown", "json");
        var command = new Command("advise", "Which model for a use case under hard constraints: a ranked short list with its evidence; tied models share a position.") { database, format };
        var options = new List<(AdvisorQueryKey Key, Option Option)>();
        foreach (var key in AdvisorQueryKeys.All)
        {
            // Strings, not typed options: the values go to the parser the web uses, which names the field on error.
            Option option = key.Repeatable
                ? new Option<string[]>("--" + key.Key) { Description = key.Description + " May be repeated.", HelpName = key.HelpName }
                : new Option<string?>("--" + key.Key) { Description = key.Description, HelpName = key.HelpName ?? "true|false", Arity = key.IsFlag ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne };
            options.Add((key, option));
            command.Options.Add(option);
        }

        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            AdvisorRequest request;
            try
            {
                request = AdvisorQuery.Parse(Fields(result, options));
            }
            catch (AdvisorQueryException error)
            {
                return RankCommand.Fail(context, ExitCodes.InvalidInput, $"--{error.Field}: {error.Problem}");
            }

            var contexts = await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false);
            AdvisorResult advice;
            try
            {
                advice = await new AdvisorService(contexts, context.Time).AdviseAsync(request, ct).ConfigureAwait(false);
            }
            catch (AdvisorRequestException error)
            {
                return RankCommand.Fail(context, ExitCodes.InvalidRequest, $"--{error.Field}: {error.Message}");
            }

            AdviseWriter.Write(context.Out, result.GetValue(format)!, advice);
            var web = "/advisor?" + AdvisorQuery.ToQuery(request);
            // JSON stays pure on stdout; the web address then goes with the summary on stderr.
            if (result.GetValue(format) == "json")
            {
                await context.Error.WriteLineAsync("Same request on the web: " + web).ConfigureAwait(false);
            }
            else
            {
                await context.Out.WriteLineAsync("Same request on the web: " + web).ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync($"{advice.Picks.Count} picks of {advice.Eligible:N0} eligible models; {advice.Excluded.Count:N0} excluded").ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The options given, as the parser's key/value fields; a yes/no option given without a value is "true".</summary>
    private static IEnumerable<KeyValuePair<string, string?>> Fields(ParseResult result, List<(AdvisorQueryKey Key, Option Option)> options)
    {
        foreach (var (key, option) in options)
        {
            if (result.GetResult(option) is null)
            {
                continue;
            }

            if (option is Option<string[]> many)
            {
                foreach (var value in result.GetValue(many) ?? [])
                {
                    yield return new(key.Key, value);
                }
            }
            else
            {
                var value = result.GetValue((Option<string?>)option);
                yield return new(key.Key, key.IsFlag && value is null ? "true" : value);
            }
        }
    }
}
