using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News;
using Modelwatch.Core.News.Digest;
using Modelwatch.Data;
using Modelwatch.Data.News.Store;
using Modelwatch.News.Feeds;
using Modelwatch.Testing;

namespace Modelwatch.Cli.Tests.Commands.News;

public sealed partial class DigestCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_digest_of_real_feeds_prints_the_tables_counts_and_links_only_stored_items()
    {
        using var folder = new TempDirectory();
        var file = folder.File("news.db");
        var contexts = await ModelwatchDatabase.OpenAsync(DatabaseOptions.Sqlite(file), Cancel);
        foreach (var name in new[] { "ai__olshansk_ollama.xml", "ai__olshansk_mistral.xml", "nnw__qemu_relative_links.atom" })
        {
            var path = SharedData.File("data/feeds/" + name);
            var address = new Uri("https://feeds.example/" + name);
            await using var db = contexts.CreateDbContext();
            var added = await new NewsSourceStore(db, TimeProvider.System).AddAsync([new NewsSourceInput(name, NewsSourceKind.Feed, address)], Cancel);
            await new NewsIngest(db, TimeProvider.System).IngestAsync(added.Added.Single().Id, FeedReader.Read(await File.ReadAllBytesAsync(path, Cancel), address), Cancel);
        }

        DateTimeOffset first, last;
        HashSet<string> urls;
        await using (var db = contexts.CreateDbContext())
        {
            var dates = await db.NewsItems.Select(i => i.PublishedAt).ToListAsync(Cancel);
            (first, last) = (dates.Min(), dates.Max());
            urls = [.. (await db.NewsItems.Where(i => i.Url != null).Select(i => i.Url!).ToListAsync(Cancel)).Select(u => new Uri(u).AbsoluteUri)];
        }

        // The last 31 days the items reach (the longest window a digest covers).
        var to = DateOnly.FromDateTime(last.UtcDateTime);
        var from = to.AddDays(-30);
        var window = new DigestWindow(DigestWindow.Day(from).From, DigestWindow.Day(to).To);
        int items, sources, stories, duplicates;
        await using (var db = contexts.CreateDbContext())
        {
            var inWindow = db.NewsItems.Where(i => i.PublishedAt >= window.From && i.PublishedAt < window.To);
            items = await inWindow.CountAsync(Cancel);
            sources = await inWindow.Select(i => i.SourceId).Distinct().CountAsync(Cancel);
            stories = await inWindow.Select(i => i.StoryId).Distinct().CountAsync(Cancel);
            duplicates = await inWindow.CountAsync(i => i.DuplicateOfId != null, Cancel);
        }

        Assert.True(items > 0);
        var run = await CliRun.Of("news", "digest", "--from", Day(from), "--to", Day(to), "--language", "en", "--database", file);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(DigestLabels.For("en").Header(new DigestCounts(sources, items, stories, duplicates, 0)), run.Out, StringComparison.Ordinal);
        var links = MarkdownLinks().Matches(run.Out).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.Contains(l, urls));
        Assert.Contains("summaries: TextRank (extractive)", run.Error, StringComparison.Ordinal);

        var html = await CliRun.Of("news", "digest", "--from", Day(from), "--to", Day(to), "--format", "html", "--database", file);
        Assert.Equal(0, html.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", html.Out, StringComparison.Ordinal);
        var hrefs = Hrefs().Matches(html.Out).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.True(hrefs.Count >= links.Count);
        Assert.All(hrefs, h => Assert.Contains(h, urls));
    }

    [Theory]
    [InlineData("--from", "yesterday", "--from: 'yesterday'")]
    [InlineData("--to", "2026-13-01", "--to: '2026-13-01'")]
    [InlineData("--language", "!!", "--language: '!!'")]
    public async Task Bad_options_are_usage_errors_naming_the_option(string option, string value, string message)
    {
        using var folder = new TempDirectory();
        string[] from = option == "--from" ? [] : ["--from", "2026-12-01"];
        var run = await CliRun.Of(["news", "digest", .. from, option, value, "--database", folder.File("x.db")]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex Hrefs();

    [GeneratedRegex(@"\]\(<([^>]+)>\)")]
    private static partial Regex MarkdownLinks();
}
