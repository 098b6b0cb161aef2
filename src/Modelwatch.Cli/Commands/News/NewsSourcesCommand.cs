using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Cli.Commands.Catalog;
using Modelwatch.Core.News;
using Modelwatch.Data.News.Store;
using Modelwatch.News.Feeds;
using Modelwatch.News.Sync;

namespace Modelwatch.Cli.Commands.News;

/// <summary><c>modelwatch news sources list|add|import-opml|export-opml</c>.</summary>
internal static class NewsSourcesCommand
{
    public static Command Create(CliContext context, Option<string?> database)
    {
        var command = new Command("sources", "The sources the digest reads.");
        command.Subcommands.Add(List(context, database));
        command.Subcommands.Add(Add(context, database));
        command.Subcommands.Add(Import(context, database));
        command.Subcommands.Add(Export(context, database));
        return command;
    }

    private static Command List(CliContext context, Option<string?> database)
    {
        var command = new Command("list", "Every source with its id, type, folder, status and address (tab-separated).");
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            var contexts = await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false);
            var db = contexts.CreateDbContext();
            await using (db.ConfigureAwait(false))
            {
                var sources = await db.NewsSources.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct).ConfigureAwait(false);
                await context.Out.WriteLineAsync("id\tkind\tfolder\tstatus\tname\turl").ConfigureAwait(false);
                foreach (var s in sources)
                {
                    await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{s.Id}\t{s.Kind}\t{s.Folder}\t{s.Status}\t{s.Name}\t{s.Url}")).ConfigureAwait(false);
                }

                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{sources.Count:N0} sources")).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
        }));
        return command;
    }

    private static Command Add(CliContext context, Option<string?> database)
    {
        var kind = new Argument<NewsSourceKind>("kind") { Description = "Feed, LabBlog, Arxiv, HackerNews, Reddit, GitHubReleases or Bridge." };
        var value = new Argument<string>("address-or-parameter") { Description = "The feed's address, or the arXiv category / HN query / subreddit / owner/repo." };
        var name = new Option<string?>("--name") { Description = "What to call it." };
        var folder = new Option<string?>("--folder") { Description = "The OPML folder, e.g. AI/Labs." };
        var minPoints = new Option<int?>("--min-points") { Description = "Hacker News: only stories with at least N points.", HelpName = "N" };
        var command = new Command("add", "Add a source.") { kind, value, name, folder, minPoints };
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            NewsSourceInput input;
            try
            {
                input = NewsSourceRequests.ToInput(result.GetValue(kind), result.GetValue(name), result.GetValue(value), result.GetValue(folder), result.GetValue(minPoints));
            }
            catch (ArgumentException error)
            {
                return RankCommand.Fail(context, ExitCodes.InvalidRequest, error.Message);
            }

            var contexts = await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false);
            var db = contexts.CreateDbContext();
            await using (db.ConfigureAwait(false))
            {
                var added = await new NewsSourceStore(db, context.Time).AddAsync([input], ct).ConfigureAwait(false);
                if (added.Added.Count == 0)
                {
                    return RankCommand.Fail(context, ExitCodes.InvalidRequest, $"{input.Url} is already a source");
                }

                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{added.Added[0].Id}\t{added.Added[0].Url}")).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
        }));
        return command;
    }

    private static Command Import(CliContext context, Option<string?> database)
    {
        var file = new Argument<FileInfo>("file") { Description = "An OPML file (folders become source folders)." };
        var command = new Command("import-opml", "Add every feed of an OPML file; addresses already present are left alone.") { file };
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                return RankCommand.Fail(context, ExitCodes.InvalidInput, $"{path.FullName}: no such file");
            }

            var bytes = await File.ReadAllBytesAsync(path.FullName, ct).ConfigureAwait(false);
            var contexts = await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false);
            var db = contexts.CreateDbContext();
            await using (db.ConfigureAwait(false))
            {
                try
                {
                    var added = await NewsOpmlImport.ImportAsync(db, context.Time, bytes, path.Name, ct).ConfigureAwait(false);
                    await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{added.Added.Count:N0} sources added, {added.AlreadyPresent.Count:N0} already present")).ConfigureAwait(false);
                    return ExitCodes.Ok;
                }
                catch (Exception error) when (error is FeedReadException or ArgumentException)
                {
                    return RankCommand.Fail(context, ExitCodes.InvalidInput, error.Message);
                }
            }
        }));
        return command;
    }

    private static Command Export(CliContext context, Option<string?> database)
    {
        var command = new Command("export-opml", "Write every source as OPML 2.0 (nested by folder) to standard output.");
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            var contexts = await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false);
            var db = contexts.CreateDbContext();
            await using (db.ConfigureAwait(false))
            {
                await context.Out.WriteAsync(await NewsOpmlImport.ExportAsync(db, "Modelwatch news sources", ct).ConfigureAwait(false)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
        }));
        return command;
    }
}
