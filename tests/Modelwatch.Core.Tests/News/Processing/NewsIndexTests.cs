using Modelwatch.Core.News.Processing;

namespace Modelwatch.Core.Tests.News.Processing;

public sealed class NewsIndexTests
{
    private static readonly DateTimeOffset T0 = new(2025, 7, 24, 9, 0, 0, TimeSpan.Zero);

    private const string LargeBody =
        "Today we are announcing Mistral Large 2, the new generation of our flagship model. Compared to its predecessor, "
        + "Mistral Large 2 is significantly more capable in code generation, mathematics, and reasoning. It also provides "
        + "a much stronger multilingual support, and advanced function calling capabilities. The model has a 128k context "
        + "window and supports dozens of languages including French, German, Spanish, Italian, Portuguese, Arabic, Hindi, "
        + "Russian, Chinese, Japanese, and Korean, along with 80+ coding languages.";

    private const string OtherBody =
        "We are releasing a new family of speech recognition models that transcribe audio in real time on a phone. "
        + "The models were trained on a large multilingual corpus of recorded conversations and read speech, and the "
        + "smallest one runs on a laptop processor without a graphics card. Word error rates fall by a third against "
        + "the previous release on noisy recordings, and latency stays under two hundred milliseconds.";

    private static NewsArticle A(long id, int source, string title, string? url = null, string? text = null, double hours = 0) =>
        new(id, source, title, url is null ? null : new Uri(url), text, T0.AddHours(hours));

    [Fact]
    public void The_same_canonical_address_is_a_duplicate_from_any_source_and_joins_the_story()
    {
        var index = new NewsIndex();
        var first = index.Add(A(1, 1, "Large Enough", "https://mistral.ai/news/mistral-large-2407"));
        var second = index.Add(A(2, 2, "Mistral Large 2 is here", "https://www.mistral.ai/news/mistral-large-2407/?utm_source=x"));
        var third = index.Add(A(3, 1, "Large Enough (updated)", "http://mistral.ai/news/mistral-large-2407#top"));

        Assert.Null(first.DuplicateOf);
        Assert.Equal(1, first.StoryKey);
        Assert.Equal((1L, DuplicateKind.SameUrl), (second.DuplicateOf!.Value, second.Reason!.Value));
        Assert.Equal((1L, DuplicateKind.SameUrl), (third.DuplicateOf!.Value, third.Reason!.Value));
        Assert.Equal(first.StoryKey, second.StoryKey);
        Assert.Equal(first.UrlKey, second.UrlKey);
        Assert.Equal(first.CanonicalUrl, third.CanonicalUrl);
        Assert.Equal(NewsText.Key(first.CanonicalUrl!), first.UrlKey);
        Assert.Equal(1, index.StoryCount);
    }

    [Fact]
    public void The_same_title_is_a_duplicate_only_across_sources_and_within_120_hours()
    {
        var index = new NewsIndex();
        index.Add(A(1, 1, "Mistral Large 2", "https://a.example/1"));
        var sameSource = index.Add(A(2, 1, "Mistral Large 2", "https://a.example/2", hours: 1));
        var otherSource = index.Add(A(3, 2, "mistral large 2!", "https://b.example/3", hours: 119));
        var tooLate = index.Add(A(4, 3, "Mistral Large 2", "https://c.example/4", hours: 121 + 119));

        Assert.Null(sameSource.DuplicateOf);
        Assert.Equal((1L, DuplicateKind.SameTitle), (otherSource.DuplicateOf!.Value, otherSource.Reason!.Value));
        Assert.Null(tooLate.DuplicateOf);
        Assert.Equal(sameSource.TitleKey, otherSource.TitleKey);
    }

    [Theory]
    // 3 shared of a 5-word shorter title: 0.6, a duplicate.
    [InlineData("Meta releases Llama weights for researchers worldwide", "Llama weights released researchers Meta", true)]
    // 3 shared of 6: 0.5, not one.
    [InlineData("Meta Llama weights leak onto torrent sites", "Llama weights Meta researchers complain loudly", false)]
    // 2 shared of 2: overlap 1, but fewer than 3 words.
    [InlineData("Gemini pricing", "Gemini pricing changes explained for enterprise customers", false)]
    public void Title_overlap_follows_newsblurs_numbers(string a, string b, bool duplicate)
    {
        var index = new NewsIndex();
        index.Add(A(1, 1, a));
        var decision = index.Add(A(2, 2, b, hours: 3));
        Assert.Equal(duplicate, decision.Reason == DuplicateKind.TitleOverlap);
        Assert.Equal(duplicate ? 1L : null, decision.DuplicateOf);
    }

    [Fact]
    public void Title_overlap_boundaries()
    {
        HashSet<string> S(string words) => [.. words.Split(' ')];
        Assert.Equal(0.6, NewsIndex.TitleOverlap(S("aaa bbb ccc ddd eee"), S("aaa bbb ccc xxx yyy zzz")), 10);
        Assert.Equal(0.0, NewsIndex.TitleOverlap(S("aaa bbb ccc ddd eee fff"), S("aaa bbb ccc xxx yyy zzz")));
        Assert.Equal(0.0, NewsIndex.TitleOverlap(S("aaa bbb"), S("aaa bbb")));
        Assert.Equal(1.0, NewsIndex.TitleOverlap(S("aaa bbb ccc"), S("ccc bbb aaa ddd")));
    }

    [Fact]
    public void Title_overlap_never_pairs_one_source_with_itself()
    {
        var index = new NewsIndex();
        index.Add(A(1, 7, "Meta releases Llama weights for researchers worldwide"));
        Assert.Null(index.Add(A(2, 7, "Llama weights released researchers Meta", hours: 1)).DuplicateOf);
    }

    [Fact]
    public void The_same_body_under_another_title_and_address_is_a_near_duplicate()
    {
        var index = new NewsIndex();
        var original = index.Add(A(1, 1, "Large Enough", "https://mistral.ai/news/mistral-large-2407", LargeBody));
        var copy = index.Add(A(2, 2, "French lab ships its biggest model yet", "https://news.example/mistral", "Paris. " + LargeBody + " Read more.", 10));
        var unrelated = index.Add(A(3, 2, "Speech models on phones", "https://news.example/speech", OtherBody, 11));

        Assert.NotNull(original.MinHash);
        Assert.Equal((1L, DuplicateKind.NearDuplicateText), (copy.DuplicateOf!.Value, copy.Reason!.Value));
        Assert.Equal(original.StoryKey, copy.StoryKey);
        Assert.Null(unrelated.DuplicateOf);
        Assert.NotEqual(original.StoryKey, unrelated.StoryKey);
    }

    [Fact]
    public void A_duplicate_of_a_duplicate_points_at_the_original()
    {
        var index = new NewsIndex();
        index.Add(A(10, 1, "Large Enough", "https://mistral.ai/news/mistral-large-2407", LargeBody));
        index.Add(A(11, 2, "Mistral Large 2 arrives", "https://news.example/a", LargeBody, 1));
        var third = index.Add(A(12, 3, "Something else entirely", "https://news.example/a?utm_medium=rss", null, 2));
        Assert.Equal(10, third.DuplicateOf);
        Assert.Equal(10, third.StoryKey);
    }

    [Fact]
    public void Seeded_items_keep_their_decisions_and_new_items_match_them()
    {
        var earlier = new NewsIndex();
        var stored = new List<IndexedArticle>();
        foreach (var article in new[]
                 {
                     A(100, 1, "Large Enough", "https://mistral.ai/news/mistral-large-2407", LargeBody),
                     A(101, 2, "Mistral Large 2 arrives", "https://news.example/a", LargeBody, 1),
                 })
        {
            stored.Add(new IndexedArticle(article, earlier.Add(article)));
        }

        var index = new NewsIndex();
        index.Seed(stored);
        Assert.Equal(2, index.Count);
        var decision = index.Add(A(102, 3, "Large Enough", "https://mistral.ai/news/mistral-large-2407/?utm_campaign=x", hours: 30));
        Assert.Equal((100L, 100L), (decision.DuplicateOf!.Value, decision.StoryKey));

        // A seeded story key is used as given, even when that story's first item is older than the seeded window.
        var speech = A(200, 1, "Speech", "https://x.example/s", OtherBody);
        var sparse = new NewsIndex();
        sparse.Seed([new IndexedArticle(speech, new NewsIndex().Add(speech) with { DuplicateOf = 7, StoryKey = 7 })]);
        var again = sparse.Add(A(201, 2, "Speech", "https://x.example/s"));
        Assert.Equal((7L, 7L), (again.DuplicateOf!.Value, again.StoryKey));
    }

    [Fact]
    public void An_id_is_added_once()
    {
        var index = new NewsIndex();
        index.Add(A(1, 1, "One"));
        var e = Assert.Throws<ArgumentException>(() => index.Add(A(1, 2, "Two")));
        Assert.Contains("1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_without_a_web_address_get_no_url_key()
    {
        var decision = new NewsIndex().Add(new NewsArticle(1, 1, "Note", new Uri("mailto:news@example.com"), null, T0));
        Assert.Null(decision.CanonicalUrl);
        Assert.Null(decision.UrlKey);
        Assert.Equal(64, decision.TitleKey.Length);
    }
}
