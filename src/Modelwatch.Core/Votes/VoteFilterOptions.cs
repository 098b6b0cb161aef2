namespace Modelwatch.Core.Votes;

/// <summary>
/// What <see cref="VoteCleaning.Apply"/> keeps. The defaults keep every valid vote of the full board; each option
/// adds one counted cleaning step. Options that need a metadata column the table lacks are refused, not ignored.
/// </summary>
public sealed record VoteFilterOptions
{
    /// <summary>A name from <see cref="VoteCategories.Available"/>: <c>full</c>, <c>no_tie</c>, <c>hard_6</c> or a tag name.</summary>
    public string Category { get; init; } = VoteCategories.Full;

    /// <summary>Keep only votes cast while the model names were hidden (needs the <c>anony</c> column).</summary>
    public bool AnonymousOnly { get; init; }

    /// <summary>Drop every vote with one of these models on either side (exact, case-sensitive names).</summary>
    public IReadOnlyCollection<string> ExcludeModels { get; init; } = [];

    /// <summary>Drop ties and both-bad votes, whatever the category.</summary>
    public bool ExcludeTies { get; init; }

    /// <summary>Keep only votes in this language (case-insensitive; needs the language column).</summary>
    public string? Language { get; init; }

    /// <summary>Keep at most this many votes per voter per UTC day, the earliest first (needs voter and timestamp columns).</summary>
    public int? DailyCapPerVoter { get; init; }

    /// <summary>Keep only votes FastChat's prompt de-duplication sampled (<c>dedup_tag.sampled</c>; needs that column).</summary>
    public bool DedupSampledOnly { get; init; }
}
