using Modelwatch.Core.News;
using Modelwatch.Core.News.Processing;
using Modelwatch.News.Feeds;

namespace Modelwatch.Benchmarks.News;

/// <summary>
/// The fixture feeds (every file in <c>shared/data/feeds</c> but the OPML) repeated until a stream of the wanted size,
/// made to look like a stream of new news rather than one file read again:
/// <list type="bullet">
/// <item>repetition <c>r</c> is published <c>6·r</c> days later than the files say (more than the 120-hour window, so a
/// repeated title or body never falls in the same window as its earlier copy), its feeds are new sources, and its
/// addresses are new (<c>-r</c> appended to the path; arXiv ids get a new four-digit prefix) — so copies across
/// repetitions are <b>not</b> duplicates;</item>
/// <item>within each repetition, the Anthropic feed is read a second time as another source (news.md: two scrapers of
/// one blog) with its links as another scraper writes them (trailing slash, <c>utm_*</c> parameters) an hour later —
/// these copies <b>are</b> exact duplicates (SameUrl), about a fifth of all items.</item>
/// </list>
/// Items without a link keep none; items without a date get the repetition's start (the store uses the fetch time).
/// </summary>
internal sealed class NewsCorpus
{
    public const string FeedsFolder = "data/feeds";
    private const string AnthropicFile = "ai__olshansk_anthropic_news.xml";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private NewsCorpus(List<(string Name, byte[] Bytes)> files) => Files = files;

    /// <summary>The fixture files' bytes, in name order.</summary>
    public List<(string Name, byte[] Bytes)> Files { get; }

    public static NewsCorpus Load()
    {
        var anthropic = SharedDataLocator.File(Path.Combine(FeedsFolder, AnthropicFile));
        var folder = Path.GetDirectoryName(anthropic)!;
        var files = Directory.GetFiles(folder)
            .Where(f => !f.EndsWith(".opml", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal) && !f.EndsWith(".tsv", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();
        return new NewsCorpus(files);
    }

    /// <summary>Reads every file once: the documents (null for a file that cannot be read at all, as in production).</summary>
    public List<(string Name, FeedDocument? Document)> Parse()
    {
        var documents = new List<(string, FeedDocument?)>(Files.Count);
        foreach (var (name, bytes) in Files)
        {
            try
            {
                documents.Add((name, FeedReader.Read(bytes, null, null, name)));
            }
            catch (FeedReadException)
            {
                documents.Add((name, null));
            }
        }

        return documents;
    }

    /// <summary>The articles of repetition <paramref name="repetition"/>, ids following <paramref name="nextId"/>.</summary>
    public static List<NewsArticle> Articles(List<(string Name, FeedDocument? Document)> documents, int repetition, ref long nextId)
    {
        var articles = new List<NewsArticle>();
        var shift = TimeSpan.FromDays(6 * repetition);
        var sourceBase = repetition * (documents.Count + 1);
        for (var f = 0; f < documents.Count; f++)
        {
            var (name, document) = documents[f];
            if (document is null)
            {
                continue;
            }

            foreach (var entry in document.Entries)
            {
                var url = entry.Link is null ? null : Vary(entry.Link, repetition);
                articles.Add(new NewsArticle(nextId++, sourceBase + f, entry.Title, url, entry.Summary, (entry.Published ?? Start) + shift));
            }

            if (name == AnthropicFile)
            {
                foreach (var entry in document.Entries)
                {
                    var url = entry.Link is null ? null : SecondScraper(Vary(entry.Link, repetition));
                    articles.Add(new NewsArticle(nextId++, sourceBase + documents.Count, entry.Title, url, entry.Summary, (entry.Published ?? Start) + shift + TimeSpan.FromHours(1)));
                }
            }
        }

        return articles;
    }

    /// <summary>A new address per repetition that canonicalises differently from every other repetition's.</summary>
    private static Uri Vary(Uri link, int repetition)
    {
        if (repetition == 0)
        {
            return link;
        }

        var builder = new UriBuilder(link);
        var path = builder.Path;
        if (link.Host.EndsWith("arxiv.org", StringComparison.Ordinal) && path.StartsWith("/abs/", StringComparison.Ordinal) && path.Length > 9)
        {
            builder.Path = "/abs/" + (1000 + repetition).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + path[9..];
        }
        else
        {
            builder.Path = path.TrimEnd('/') + "-" + repetition.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return builder.Uri;
    }

    private static Uri SecondScraper(Uri link) =>
        new UriBuilder(link)
        {
            Path = link.AbsolutePath.EndsWith('/') ? link.AbsolutePath : link.AbsolutePath + "/",
            Query = (link.Query.Length > 1 ? link.Query[1..] + "&" : "") + "utm_source=rss&utm_medium=feed",
        }.Uri;
}
