using Modelwatch.Core.News;

namespace Modelwatch.Data.News;

/// <summary>Items about the same thing across sources, with what the digest needs to rank and show them.</summary>
public sealed class NewsStory
{
    public const int MaxTitleLength = 1000;

    public long Id { get; set; }

    /// <summary>The headline shown: the lead item's title.</summary>
    public required string Title { get; set; }

    public long? LeadItemId { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public int ItemCount { get; set; }

    public int SourceCount { get; set; }

    public NewsTags Tags { get; set; }

    public double Importance { get; set; }

    /// <summary>True when every item is muted.</summary>
    public bool Muted { get; set; }
}
