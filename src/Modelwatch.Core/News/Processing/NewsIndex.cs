namespace Modelwatch.Core.News.Processing;

/// <summary>
/// The incremental duplicate finder and story clusterer: <see cref="Seed"/> it with the items already stored for the
/// last window, then <see cref="Add"/> each new item in order. Rules, in the order they are tried (news.md, steps 1–5):
/// <list type="number">
/// <item>the same canonical address (<see cref="UrlCanonicalizer"/>), from any source, at any time;</item>
/// <item>the same normalised title (<see cref="NewsText.NormalizeTitle"/>), from another source, within 120 h;</item>
/// <item>title overlap as NewsBlur's story clustering does it: at least 3 shared significant words and shared / the shorter
/// title's significant words ≥ 0.6, from another source, within 120 h;</item>
/// <item>near-duplicate text: MinHash (Broder 1997) on 5-word shingles, LSH with 14 bands × 8 rows (Leskovec, Rajaraman
/// &amp; Ullman, Mining of Massive Datasets 3.4), confirmed by an estimated Jaccard ≥ 0.72, from another source, within 120 h;</item>
/// <item>otherwise the item joins the story it is most similar to by average linkage (<see cref="StoryClusters"/>), or
/// starts one.</item>
/// </list>
/// A duplicate points at the original (never at another duplicate) and joins the original's story.
/// </summary>
/// <remarks>
/// "Never two items of the same source" (NewsBlur) is applied to every rule but the address: one feed repeating its
/// own boilerplate or a recurring title ("Weekly update", "Daily discussion thread") is not publishing the same news
/// twice, while one address is one article wherever it appears. Candidate lookups read each index bucket from its
/// newest entry and stop after <see cref="ScanLimit"/> entries, so an item costs a bounded amount of work however large
/// the window grows (items arrive roughly in time order, so the newest entries are the ones inside the window).
/// </remarks>
public sealed class NewsIndex
{
    /// <summary>The window of the title, text and story rules (news.md: 120 h).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(120);

    /// <summary>Shared significant title words needed for title overlap (NewsBlur).</summary>
    public const int MinSharedTitleWords = 3;

    /// <summary>Shared significant words over the shorter title's needed for title overlap (NewsBlur).</summary>
    public const double MinTitleOverlap = 0.6;

    /// <summary>How many of the newest entries of one index bucket are looked at.</summary>
    public const int ScanLimit = 256;

    private readonly Dictionary<long, Entry> _byId = [];
    private readonly Dictionary<string, Entry> _byUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _byTitle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _byTitleWord = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, List<Entry>> _byBand = [];
    private readonly StoryClusters _stories = new();

    /// <summary>Items known (seeded and added).</summary>
    public int Count => _byId.Count;

    /// <summary>Stories known.</summary>
    public int StoryCount => _stories.Count;

    /// <summary>
    /// Loads items stored earlier (normally those of the last 120 h) with the decisions made for them, so new items
    /// are compared with them. Their decisions are kept as they are; a seeded story key must be the id of that story's
    /// first article, which is what <see cref="Add"/> returned for it.
    /// </summary>
    /// <exception cref="ArgumentException">An id is seeded twice or was already added.</exception>
    public void Seed(IEnumerable<IndexedArticle> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items.OrderBy(i => i.Article.Id))
        {
            ArgumentNullException.ThrowIfNull(item);
            var d = item.Decision;
            var entry = NewEntry(item.Article, d.UrlKey, d.TitleKey, d.MinHash, d.DuplicateOf, d.StoryKey);
            Remember(entry);
            _stories.Include(item.Article, d.StoryKey, isDuplicate: d.DuplicateOf is not null);
        }
    }

    /// <summary>Decides whether <paramref name="article"/> duplicates a known item and which story it belongs to, and remembers it.</summary>
    /// <exception cref="ArgumentException">The id is already known.</exception>
    public NewsDecision Add(NewsArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        string? canonical = null;
        if (article.Url is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            canonical = UrlCanonicalizer.Canonicalize(url);
        }

        var urlKey = canonical is null ? null : NewsText.Key(canonical);
        var titleKey = NewsText.Key(NewsText.NormalizeTitle(article.Title));
        var signature = MinHash.Of(article.Text);
        var entry = NewEntry(article, urlKey, titleKey, signature, null, article.Id);

        var (match, reason) = FindOriginal(entry);
        long storyKey;
        if (match is not null)
        {
            // The match may itself be a duplicate: point at its original, which may be older than the seeded window.
            entry.DuplicateOf = match.DuplicateOf ?? match.Id;
            storyKey = match.StoryKey;
            _stories.Include(article, storyKey, isDuplicate: true);
        }
        else
        {
            storyKey = _stories.Assign(article);
        }

        entry.StoryKey = storyKey;
        Remember(entry);
        return new NewsDecision(canonical, urlKey, titleKey, entry.DuplicateOf, reason, storyKey, signature);
    }

    private Entry NewEntry(NewsArticle article, string? urlKey, string titleKey, uint[]? signature, long? duplicateOf, long storyKey)
    {
        if (_byId.ContainsKey(article.Id))
        {
            throw new ArgumentException($"Item {article.Id} is already in the news index.", nameof(article));
        }

        return new Entry(article, urlKey, titleKey, signature, NewsText.SignificantWords(article.Title))
        {
            DuplicateOf = duplicateOf,
            StoryKey = storyKey,
        };
    }

    private (Entry? Original, DuplicateKind? Reason) FindOriginal(Entry item)
    {
        if (item.UrlKey is not null && _byUrl.TryGetValue(item.UrlKey, out var sameUrl))
        {
            return (sameUrl, DuplicateKind.SameUrl);
        }

        if (_byTitle.TryGetValue(item.TitleKey, out var sameTitle))
        {
            var match = Oldest(sameTitle, item);
            if (match is not null)
            {
                return (match, DuplicateKind.SameTitle);
            }
        }

        var overlap = BestTitleOverlap(item);
        if (overlap is not null)
        {
            return (overlap, DuplicateKind.TitleOverlap);
        }

        var nearText = BestNearDuplicate(item);
        return nearText is null ? (null, null) : (nearText, DuplicateKind.NearDuplicateText);
    }

    private Entry? BestTitleOverlap(Entry item)
    {
        if (item.TitleWords.Count < MinSharedTitleWords)
        {
            return null;
        }

        Entry? best = null;
        var bestScore = 0.0;
        var seen = new HashSet<long>();
        foreach (var word in item.TitleWords)
        {
            if (!_byTitleWord.TryGetValue(word, out var bucket))
            {
                continue;
            }

            for (int i = bucket.Count - 1, n = 0; i >= 0 && n < ScanLimit; i--, n++)
            {
                var other = bucket[i];
                if (!seen.Add(other.Id) || !Comparable(item, other))
                {
                    continue;
                }

                var score = TitleOverlap(item.TitleWords, other.TitleWords);
                if (score > bestScore || (score == bestScore && best is not null && other.Id < best.Id))
                {
                    best = other;
                    bestScore = score;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// NewsBlur's title rule: the overlap (shared / shorter) when at least <see cref="MinSharedTitleWords"/> significant words
    /// are shared and the overlap reaches <see cref="MinTitleOverlap"/>; else 0.
    /// </summary>
    public static double TitleOverlap(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = 0;
        foreach (var word in small)
        {
            if (large.Contains(word))
            {
                shared++;
            }
        }

        var overlap = small.Count == 0 ? 0 : shared / (double)small.Count;
        return shared >= MinSharedTitleWords && overlap >= MinTitleOverlap ? overlap : 0;
    }

    private Entry? BestNearDuplicate(Entry item)
    {
        if (item.Signature is null)
        {
            return null;
        }

        Entry? best = null;
        var bestScore = 0.0;
        var seen = new HashSet<long>();
        for (var band = 0; band < MinHash.Bands; band++)
        {
            if (!_byBand.TryGetValue(MinHash.BandKey(item.Signature, band), out var bucket))
            {
                continue;
            }

            for (int i = bucket.Count - 1, n = 0; i >= 0 && n < ScanLimit; i--, n++)
            {
                var other = bucket[i];
                if (!seen.Add(other.Id) || !Comparable(item, other))
                {
                    continue;
                }

                var score = MinHash.Similarity(item.Signature, other.Signature!);
                if (score >= MinHash.Threshold && (score > bestScore || (score == bestScore && best is not null && other.Id < best.Id)))
                {
                    best = other;
                    bestScore = score;
                }
            }
        }

        return best;
    }

    /// <summary>The earliest comparable entry among the newest <see cref="ScanLimit"/> of a bucket.</summary>
    private static Entry? Oldest(List<Entry> bucket, Entry item)
    {
        Entry? oldest = null;
        for (int i = bucket.Count - 1, n = 0; i >= 0 && n < ScanLimit; i--, n++)
        {
            if (Comparable(item, bucket[i]) && (oldest is null || bucket[i].Id < oldest.Id))
            {
                oldest = bucket[i];
            }
        }

        return oldest;
    }

    /// <summary>Another source, published within the window.</summary>
    private static bool Comparable(Entry item, Entry other) =>
        other.Article.SourceId != item.Article.SourceId
        && (item.Article.Published - other.Article.Published).Duration() <= Window;

    private void Remember(Entry entry)
    {
        _byId.Add(entry.Id, entry);
        if (entry.UrlKey is not null)
        {
            _byUrl.TryAdd(entry.UrlKey, entry);
        }

        Append(_byTitle, entry.TitleKey, entry);
        foreach (var word in entry.TitleWords)
        {
            Append(_byTitleWord, word, entry);
        }

        if (entry.Signature is not null)
        {
            for (var band = 0; band < MinHash.Bands; band++)
            {
                Append(_byBand, MinHash.BandKey(entry.Signature, band), entry);
            }
        }
    }

    private static void Append<TKey>(Dictionary<TKey, List<Entry>> index, TKey key, Entry entry)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(entry);
    }

    private sealed class Entry(NewsArticle article, string? urlKey, string titleKey, uint[]? signature, HashSet<string> titleWords)
    {
        public NewsArticle Article { get; } = article;

        public long Id => Article.Id;

        public string? UrlKey { get; } = urlKey;

        public string TitleKey { get; } = titleKey;

        public uint[]? Signature { get; } = signature;

        public HashSet<string> TitleWords { get; } = titleWords;

        public long? DuplicateOf { get; set; }

        public long StoryKey { get; set; }
    }
}
