namespace Modelwatch.Core.News.Processing;

/// <summary>
/// Stories: items about the same thing, across sources, grouped incrementally by average linkage on a TF-IDF cosine
/// within a 120-hour window (news.md step 5; no embedding model is assumed, so the similarity is lexical).
/// </summary>
/// <remarks>
/// <para>An item's vector: its significant title words counted twice, the significant words of the first
/// <see cref="LeadWords"/> words of its text once, and the catalog entities it mentions twice (as their own terms),
/// each weighted (1 + ln tf) · idf with idf = 1 + ln((1 + N) / (1 + df)) over the items seen so far, then L2-normalised.
/// Weights are fixed when the item arrives, so adding items never re-weighs old ones.</para>
/// <para>An item joins the story whose <b>average</b> similarity to it — the mean cosine over all the story's items —
/// is highest and at least <see cref="JoinThreshold"/>; otherwise it starts a story. With unit vectors the mean cosine
/// is the dot product with the sum of the story's vectors divided by their number, so a story keeps one sparse sum.
/// Average rather than single linkage: with single linkage one broad item ("This week in AI: GPT-5, Llama 4 and Gemini")
/// close to several stories chains them into one, and every later item near any of them joins too; the average of a
/// story's members does not move much for one hub (news.md).</para>
/// <para>Candidates come from an inverted index of terms to stories: only the item's <see cref="CandidateTerms"/> rarest
/// known terms are looked up, each list read from its newest <see cref="NewsIndex.ScanLimit"/> entries, and only stories
/// whose items lie within 120 h of the new item are scored — never all pairs in the window.</para>
/// </remarks>
public sealed class StoryClusters
{
    /// <summary>The least average cosine for an item to join a story (calibrated on the fixture feeds: see the tests).</summary>
    public const double JoinThreshold = 0.3;

    /// <summary>How much of an item's text counts: its lead, where news puts what it is about.</summary>
    public const int LeadWords = 100;

    /// <summary>How many of an item's rarest terms are looked up to find candidate stories.</summary>
    public const int CandidateTerms = 12;

    private const string EntityPrefix = "\u0001";

    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<int> _documentFrequency = [];
    private readonly List<List<long>> _postings = [];
    private readonly Dictionary<long, Story> _stories = [];
    private int _documents;

    /// <summary>Stories known.</summary>
    public int Count => _stories.Count;

    /// <summary>The story for a new, non-duplicate item: the key of the story it joins, or its own id for a new one.</summary>
    public long Assign(NewsArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var vector = Vectorize(article);
        Story? best = null;
        var bestScore = 0.0;
        foreach (var story in Candidates(vector, article.Published))
        {
            var score = story.AverageCosine(vector);
            if (score >= JoinThreshold && (score > bestScore || (score == bestScore && best is not null && story.Key < best.Key)))
            {
                best = story;
                bestScore = score;
            }
        }

        var key = best?.Key ?? article.Id;
        Add(article, key, vector);
        return key;
    }

    /// <summary>Records an item whose story is already decided (a seeded item, or a duplicate joining its original's story).</summary>
    public void Include(NewsArticle article, long storyKey, bool isDuplicate)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (isDuplicate)
        {
            // A copy adds no new wording; counting it would pull the story's average towards one article.
            GetOrCreate(storyKey, article.Published).Touch(article.Published);
            return;
        }

        Add(article, storyKey, Vectorize(article));
    }

    /// <summary>The average-linkage similarity of a new item to a known story (0 when the story is unknown); for tests and tuning.</summary>
    public double Similarity(NewsArticle article, long storyKey)
    {
        ArgumentNullException.ThrowIfNull(article);
        return _stories.TryGetValue(storyKey, out var story) ? story.AverageCosine(Vectorize(article, peek: true)) : 0;
    }

    private void Add(NewsArticle article, long key, TermWeight[] vector)
    {
        var story = GetOrCreate(key, article.Published);
        story.Touch(article.Published);
        story.AddVector(vector);
        foreach (var (term, _) in vector)
        {
            _documentFrequency[term]++;
            var posting = _postings[term];
            if (posting.Count == 0 || posting[^1] != key)
            {
                posting.Add(key);
            }
        }

        _documents++;
    }

    private Story GetOrCreate(long key, DateTimeOffset at)
    {
        if (!_stories.TryGetValue(key, out var story))
        {
            _stories[key] = story = new Story(key, at);
        }

        return story;
    }

    private IEnumerable<Story> Candidates(TermWeight[] vector, DateTimeOffset published)
    {
        var rare = vector
            .Where(t => _documentFrequency[t.Term] > 0)
            .OrderBy(t => _documentFrequency[t.Term])
            .ThenBy(t => t.Term)
            .Take(CandidateTerms);
        var seen = new HashSet<long>();
        foreach (var (term, _) in rare)
        {
            var posting = _postings[term];
            for (int i = posting.Count - 1, n = 0; i >= 0 && n < NewsIndex.ScanLimit; i--, n++)
            {
                if (seen.Add(posting[i]) && _stories.TryGetValue(posting[i], out var story) && story.Near(published))
                {
                    yield return story;
                }
            }
        }
    }

    private TermWeight[] Vectorize(NewsArticle article, bool peek = false)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in NewsText.Words(article.Title))
        {
            if (NewsText.IsSignificant(word))
            {
                counts[word] = counts.GetValueOrDefault(word) + 2;
            }
        }

        var lead = NewsText.Words(article.Text);
        for (var i = 0; i < lead.Length && i < LeadWords; i++)
        {
            if (NewsText.IsSignificant(lead[i]))
            {
                counts[lead[i]] = counts.GetValueOrDefault(lead[i]) + 1;
            }
        }

        foreach (var entity in article.EntityIds ?? [])
        {
            counts[EntityPrefix + entity] = counts.GetValueOrDefault(EntityPrefix + entity) + 2;
        }

        var vector = new List<TermWeight>(counts.Count);
        var norm = 0.0;
        foreach (var (text, tf) in counts)
        {
            int df;
            int term;
            if (_termIds.TryGetValue(text, out term))
            {
                df = _documentFrequency[term];
            }
            else if (peek)
            {
                // An unseen term matches no story but still weighs in the norm, as it will when the item is added.
                var unseen = (1 + Math.Log(tf)) * (1 + Math.Log(1.0 + _documents));
                norm += unseen * unseen;
                continue;
            }
            else
            {
                term = _termIds[text] = _documentFrequency.Count;
                _documentFrequency.Add(0);
                _postings.Add([]);
                df = 0;
            }

            var weight = (1 + Math.Log(tf)) * (1 + Math.Log((1.0 + _documents) / (1.0 + df)));
            vector.Add(new TermWeight(term, weight));
            norm += weight * weight;
        }

        norm = Math.Sqrt(norm);
        for (var i = 0; i < vector.Count; i++)
        {
            vector[i] = vector[i] with { Weight = vector[i].Weight / norm };
        }

        return [.. vector];
    }

    private readonly record struct TermWeight(int Term, double Weight);

    private sealed class Story(long key, DateTimeOffset at)
    {
        private readonly Dictionary<int, double> _sum = [];
        private int _vectors;

        public long Key { get; } = key;

        public DateTimeOffset First { get; private set; } = at;

        public DateTimeOffset Last { get; private set; } = at;

        public void Touch(DateTimeOffset at)
        {
            First = at < First ? at : First;
            Last = at > Last ? at : Last;
        }

        public bool Near(DateTimeOffset at) => at >= First - NewsIndex.Window && at <= Last + NewsIndex.Window;

        public void AddVector(TermWeight[] vector)
        {
            foreach (var (term, weight) in vector)
            {
                _sum[term] = _sum.GetValueOrDefault(term) + weight;
            }

            _vectors++;
        }

        public double AverageCosine(TermWeight[] vector)
        {
            if (_vectors == 0)
            {
                return 0;
            }

            var dot = 0.0;
            foreach (var (term, weight) in vector)
            {
                if (_sum.TryGetValue(term, out var sum))
                {
                    dot += weight * sum;
                }
            }

            return dot / _vectors;
        }
    }
}
