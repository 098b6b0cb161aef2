using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Cli.Commands.Catalog;
using Modelwatch.Core.News.Digest;
using Modelwatch.News.Digest;
using Modelwatch.Providers;

namespace Modelwatch.Cli.Commands.News;

/// <summary>
/// <c>modelwatch news digest [--from] [--to] [--language] [--format markdown|html]</c>: a digest of any window built
/// from the database and written to standard output (nothing is stored). Summarised by TextRank, offline, unless an
/// OpenAI-compatible endpoint and model are given.
/// </summary>
public static class DigestCommand
{
    /// <summary>
    /// Adds <c>digest</c> to the <c>news</c> command of <paramref name="root"/> (created with its <c>--database</c>
    /// option when there is none yet), so the verb sits beside the sources and fetch verbs.
    /// </summary>
    public static void AttachTo(RootCommand root, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        var news = root.Subcommands.FirstOrDefault(c => c.Name == "news");
        if (news is null)
        {
            news = new Command("news", "The news digest.")
            {
                new Option<string?>("--database")
                {
                    Description = "The database: an SQLite file, an SQLite or PostgreSQL connection string, or a postgres:// URL. " +
                        $"Default: ${CatalogDatabase.EnvironmentVariable}, else modelwatch.db in the data directory.",
                    Recursive = true,
                },
            };
            root.Subcommands.Add(news);
        }

        var database = news.Options.OfType<Option<string?>>().Single(o => o.Name == "--database");
        news.Subcommands.Add(Create(context, database));
    }

    public static Command Create(CliContext context, Option<string?> database)
    {
        var from = new Option<string?>("--from") { Description = "Start of the window: a UTC day (2026-12-03, from its midnight) or an ISO 8601 instant. Default: yesterday.", HelpName = "DAY|INSTANT" };
        var to = new Option<string?>("--to") { Description = "End of the window: a UTC day (included, to its end) or an ISO 8601 instant (excluded). Default: the end of --from's day.", HelpName = "DAY|INSTANT" };
        var language = new Option<string>("--language") { Description = "The digest's language (en, ko, …): its labels, and with a model its summaries. Without a model items stay in their own language.", DefaultValueFactory = _ => "en" };
        var format = new Option<string>("--format") { Description = "Output: markdown or html (e-mail).", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "html");
        var url = new Option<Uri?>("--summarizer-url") { Description = "An OpenAI-compatible endpoint (with /v1) to write summaries with; needs --summarizer-model." };
        var model = new Option<string?>("--summarizer-model") { Description = "The model at --summarizer-url." };
        var keyVariable = new Option<string?>("--summarizer-key-variable") { Description = "The environment variable holding the endpoint's key (never given on the command line)." };
        var command = new Command("digest", "Build a digest of any window from the database and print it as Markdown or e-mail HTML.")
        {
            from, to, language, format, url, model, keyVariable,
        };
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            if (Window(result.GetValue(from), result.GetValue(to), context.Time, out var window) is { } problem)
            {
                return RankCommand.Fail(context, ExitCodes.Usage, problem);
            }

            var lang = result.GetValue(language)!;
            if (DigestService(window, lang) is { } invalid)
            {
                return RankCommand.Fail(context, ExitCodes.Usage, invalid);
            }

            if (result.GetValue(url) is not null != result.GetValue(model) is not null)
            {
                return RankCommand.Fail(context, ExitCodes.Usage, "--summarizer-url and --summarizer-model go together.");
            }

            var contexts = await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false);
            var summarizer = Summarizer(result.GetValue(url), result.GetValue(model), result.GetValue(keyVariable));
            var digest = await new DigestBuilder(contexts).BuildAsync(window, lang, summarizer, null, ct).ConfigureAwait(false);
            await context.Out.WriteAsync(result.GetValue(format) == "html" ? DigestHtml.Write(digest) : DigestMarkdown.Write(digest)).ConfigureAwait(false);
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{digest.Counts.Items:N0} items from {digest.Counts.SourcesRead:N0} sources, {digest.Counts.Stories:N0} stories ({digest.Counts.DuplicatesMerged:N0} duplicates merged); {digest.Bullets.Count():N0} bullets; summaries: {digest.SummarizedBy}")).ConfigureAwait(false);
            foreach (var note in digest.Notes)
            {
                await context.Error.WriteLineAsync("note: " + note).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Reads --from and --to; the problem, naming the option, or null.</summary>
    internal static string? Window(string? fromText, string? toText, TimeProvider time, out DigestWindow window)
    {
        window = DigestWindow.Day(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1));
        DateTimeOffset from;
        if (fromText is null)
        {
            from = window.From;
        }
        else if (!TryMoment(fromText, end: false, out from))
        {
            return $"--from: '{fromText}' is neither a day (yyyy-MM-dd) nor an ISO 8601 instant.";
        }

        DateTimeOffset to;
        if (toText is null)
        {
            to = DigestWindow.Day(DateOnly.FromDateTime(from.UtcDateTime)).To;
        }
        else if (!TryMoment(toText, end: true, out to))
        {
            return $"--to: '{toText}' is neither a day (yyyy-MM-dd) nor an ISO 8601 instant.";
        }

        window = new DigestWindow(from, to);
        return null;
    }

    private static string? DigestService(DigestWindow window, string language) =>
        window.To <= window.From ? "--to: must be after --from."
        : window.To - window.From > TimeSpan.FromDays(31) ? "--to: a digest covers at most 31 days."
        : !DigestLanguages.IsValid(language) ? $"--language: '{language}' is not a language tag (en, ko, …)."
        : null;

    private static bool TryMoment(string text, bool end, out DateTimeOffset moment)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            moment = end ? DigestWindow.Day(day).To : DigestWindow.Day(day).From;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out moment);
    }

    private static IDigestSummarizer Summarizer(Uri? url, string? model, string? keyVariable)
    {
        if (url is null || model is null)
        {
            return ExtractiveSummarizer.Instance;
        }

        var provider = new ProviderOptions { Name = "cli", BaseUrl = url, ApiKeyVariable = keyVariable, Models = [model] };
        var registry = new ServiceCollection().AddModelwatchProviders([provider], Environment.GetEnvironmentVariable)
            .BuildServiceProvider().GetRequiredService<ProviderRegistry>();
        return DigestSummarizers.Choose(new SummarizerOptions { Provider = "cli", Model = model }, registry, out _);
    }
}
