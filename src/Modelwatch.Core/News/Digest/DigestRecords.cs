namespace Modelwatch.Core.News.Digest;

/// <summary>The time a digest covers: items published at or after <see cref="From"/> and before <see cref="To"/>.</summary>
public sealed record DigestWindow(DateTimeOffset From, DateTimeOffset To)
{
    public bool Contains(DateTimeOffset moment) => moment >= From && moment < To;

    /// <summary>The UTC day <paramref name="day"/> as a window.</summary>
    public static DigestWindow Day(DateOnly day)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new DigestWindow(from, from.AddDays(1));
    }
}

/// <summary>One stored item as the digest sees it.</summary>
/// <param name="Id">The item's row id.</param>
/// <param name="SourceId">Its source.</param>
/// <param name="SourceName">The source's name, shown beside the link.</param>
/// <param name="Title">The title as the source wrote it (in the source's language).</param>
/// <param name="Url">The item's address; null when the source gave none (such an item cannot be a bullet's link).</param>
/// <param name="Text">Plain text to summarise (summary or content), or null.</param>
/// <param name="Language">The item's language when known.</param>
/// <param name="Published">When it was published.</param>
/// <param name="Importance">Its importance score.</param>
/// <param name="Muted">Hidden by a mute rule: counted, never a bullet.</param>
/// <param name="DuplicateOf">The item it duplicates, when it is a copy (counted as merged; its link kept beside the original's).</param>
/// <param name="StoryId">Its story; null when it has none yet (it is then a story of its own).</param>
public sealed record DigestItem(
    long Id,
    int SourceId,
    string SourceName,
    string Title,
    Uri? Url,
    string? Text,
    string? Language,
    DateTimeOffset Published,
    double Importance,
    bool Muted,
    long? DuplicateOf,
    long? StoryId);

/// <summary>A story's own facts (from the stories table); items are attached by <see cref="DigestItem.StoryId"/>.</summary>
public sealed record DigestStoryFacts(long Id, string Title, NewsTags Tags, double Importance, bool Muted, IReadOnlyList<string> Entities);

/// <summary>Everything a digest is composed from.</summary>
/// <param name="Window">The time covered.</param>
/// <param name="Language">The reader's language (BCP 47).</param>
/// <param name="Items">Every item of the window, muted and duplicate ones included (they are counted).</param>
/// <param name="Stories">The facts of the stories those items belong to.</param>
public sealed record DigestInput(DigestWindow Window, string Language, IReadOnlyList<DigestItem> Items, IReadOnlyList<DigestStoryFacts> Stories);

/// <summary>The header: what was read.</summary>
/// <param name="SourcesRead">Distinct sources with items in the window.</param>
/// <param name="Items">Items in the window.</param>
/// <param name="Stories">Stories those items form (an item without a story counts as one).</param>
/// <param name="DuplicatesMerged">Items merged into another as duplicates.</param>
/// <param name="Muted">Items hidden by mute rules (counted above, not shown).</param>
public sealed record DigestCounts(int SourcesRead, int Items, int Stories, int DuplicatesMerged, int Muted);

/// <summary>A link a bullet or claim keeps: one item's address.</summary>
public sealed record DigestLink(long ItemId, string Title, string Url, string Source);

/// <summary>
/// A story chosen for the digest, ranked, with its links (every copy of every item, each address once). Key: the
/// story id, or the negated item id for an item without a story. Lead: the item the story is summarised from (the
/// most important original, earliest on ties). Items: the story's visible items in the window, duplicates included,
/// lead first.
/// </summary>
public sealed record PlannedStory(long Key, string Title, NewsTags Tags, double Importance, DigestItem Lead, IReadOnlyList<DigestItem> Items, IReadOnlyList<DigestLink> Links, IReadOnlyList<string> Entities)
{
    public int SourceCount => Items.Select(i => i.SourceId).Distinct().Count();
}

/// <summary>The stories a digest shows, ranked, with the counts of everything read.</summary>
public sealed record DigestPlan(DigestWindow Window, string Language, DigestCounts Counts, IReadOnlyList<PlannedStory> Stories, int MutedStories)
{
    /// <summary>Stories per theme left out for length.</summary>
    public IReadOnlyDictionary<NewsTags, int> More { get; init; } = new Dictionary<NewsTags, int>();

    /// <summary>Stories left out because none of their items has an address to link.</summary>
    public int Unlinked { get; init; }
}

/// <summary>A story's summary: text in the digest's language (or the item's own, extractive), and a translated headline when one was written.</summary>
public sealed record StorySummary(string Text, string? TranslatedTitle = null);

/// <summary>One sentence of the recap and the item links it rests on (never empty: a claim without a link is dropped).</summary>
public sealed record RecapClaim(string Text, IReadOnlyList<DigestLink> Links);

/// <summary>What a summariser produced for a plan.</summary>
/// <param name="Stories">Summaries by <see cref="PlannedStory.Key"/>; a story without one shows its headline only.</param>
/// <param name="Recap">The recap's claims.</param>
/// <param name="SummarizedBy">"TextRank (extractive)" or <c>provider/model</c>.</param>
/// <param name="Notes">What went wrong on the way (claims dropped for lacking a valid link, stories that fell back to TextRank).</param>
public sealed record DigestSummaries(IReadOnlyDictionary<long, StorySummary> Stories, IReadOnlyList<RecapClaim> Recap, string SummarizedBy, IReadOnlyList<string> Notes);

/// <summary>One bullet: a story's headline, summary and links; OriginalTitle is the headline as written when Title is a translation, else null.</summary>
public sealed record DigestBullet(long StoryKey, string Title, string? OriginalTitle, string Summary, IReadOnlyList<DigestLink> Links, NewsTags Tags, double Importance, int Sources);

/// <summary>A theme's bullets (Theme is one tag, or <see cref="NewsTags.None"/> for the rest); More counts the stories left out for length.</summary>
public sealed record DigestSection(NewsTags Theme, IReadOnlyList<DigestBullet> Bullets, int More);

/// <summary>A composed digest; Recap is the recap as Markdown (each claim a bullet ending in its links), what a person edits.</summary>
public sealed record DigestDocument(
    DigestWindow Window,
    string Language,
    string Title,
    DigestCounts Counts,
    string Recap,
    IReadOnlyList<RecapClaim> RecapClaims,
    IReadOnlyList<DigestSection> Sections,
    string SummarizedBy,
    IReadOnlyList<string> Notes,
    NewsTags Tags,
    IReadOnlyList<string> Keywords)
{
    public IEnumerable<DigestBullet> Bullets => Sections.SelectMany(s => s.Bullets);
}
