using BenchmarkDotNet.Attributes;
using Modelwatch.Core.News;
using Modelwatch.Core.News.Processing;

namespace Modelwatch.Benchmarks.News;

/// <summary>
/// News throughput over the fixture feeds repeated to <see cref="Items"/> items (<see cref="NewsCorpus"/> says how the
/// copies differ and which are meant to be duplicates). Stages: parsing (the feed reader over the files' bytes), the
/// duplicate features (canonical URL, title key, MinHash), story clustering alone, the whole index (duplicates and
/// stories, as ingest runs it), and everything from bytes to decisions. Items/s = items ÷ mean.
/// </summary>
[MemoryDiagnoser]
public class NewsThroughputBenchmarks
{
    private NewsCorpus _corpus = null!;
    private List<(string Name, FeedDocument? Document)> _documents = [];
    private List<NewsArticle> _articles = [];
    private int _repetitions;

    [Params(100_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _corpus = NewsCorpus.Load();
        _documents = _corpus.Parse();
        _articles = [];
        long nextId = 1;
        for (_repetitions = 0; _articles.Count < Items; _repetitions++)
        {
            _articles.AddRange(NewsCorpus.Articles(_documents, _repetitions, ref nextId));
        }

        _articles.RemoveRange(Items, _articles.Count - Items);

        // What the index makes of it, printed once so the table can say what was measured.
        var index = new NewsIndex();
        var decisions = _articles.Select(index.Add).ToList();
        var reasons = decisions.GroupBy(d => d.Reason?.ToString() ?? "new").ToDictionary(g => g.Key, g => g.Count());
        var unreadable = _documents.Count(d => d.Document is null);
        Console.WriteLine(
            $"// news corpus: {_corpus.Files.Count} files ({unreadable} unreadable), {_documents.Sum(d => d.Document?.Entries.Count ?? 0)} entries a pass, "
            + $"{_repetitions} repetitions, {_articles.Count} items; {string.Join(", ", reasons.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value}"))}; {index.StoryCount} stories");
    }

    /// <summary>Parsing the fixture files as often as it takes to read <see cref="Items"/> entries.</summary>
    [Benchmark]
    public int Parse()
    {
        var entries = 0;
        while (entries < Items)
        {
            foreach (var (_, document) in _corpus.Parse())
            {
                entries += document?.Entries.Count ?? 0;
            }
        }

        return entries;
    }

    /// <summary>What the duplicate rules compute per item before any lookup.</summary>
    [Benchmark]
    public int Duplicate_features()
    {
        var signatures = 0;
        foreach (var article in _articles)
        {
            if (article.Url is not null)
            {
                _ = NewsText.Key(UrlCanonicalizer.Canonicalize(article.Url));
            }

            _ = NewsText.Key(NewsText.NormalizeTitle(article.Title));
            signatures += MinHash.Of(article.Text) is null ? 0 : 1;
        }

        return signatures;
    }

    /// <summary>Average-linkage story clustering alone (every item treated as new).</summary>
    [Benchmark]
    public int Cluster()
    {
        var stories = new StoryClusters();
        foreach (var article in _articles)
        {
            stories.Assign(article);
        }

        return stories.Count;
    }

    /// <summary>The incremental index: duplicates (URL, title, title overlap, MinHash/LSH) and stories.</summary>
    [Benchmark]
    public int Dedup_and_cluster()
    {
        var index = new NewsIndex();
        foreach (var article in _articles)
        {
            index.Add(article);
        }

        return index.StoryCount;
    }

    /// <summary>From the files' bytes to a decision for every item.</summary>
    [Benchmark]
    public int Parse_dedup_cluster()
    {
        var index = new NewsIndex();
        long nextId = 1;
        for (var repetition = 0; index.Count < Items; repetition++)
        {
            foreach (var article in NewsCorpus.Articles(_corpus.Parse(), repetition, ref nextId))
            {
                if (index.Count == Items)
                {
                    break;
                }

                index.Add(article);
            }
        }

        return index.StoryCount;
    }
}
