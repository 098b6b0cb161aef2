using Modelwatch.Core.News;

namespace Modelwatch.Data.News;

public enum NewsDigestStatus
{
    Draft,
    Published,
}

/// <summary>
/// A digest of one time window in one language: the header counts, the recap (editable before publishing), and the
/// sections with their bullets (as JSON: each bullet keeps its story and item links).
/// </summary>
public sealed class NewsDigest
{
    public const int MaxTitleLength = 300;
    public const int MaxLanguageLength = 35;
    public const int MaxSummarizerLength = 300;

    public long Id { get; set; }

    public DateTimeOffset WindowStart { get; set; }

    public DateTimeOffset WindowEnd { get; set; }

    /// <summary>The reader's chosen language (BCP 47, e.g. "en", "ko").</summary>
    public required string Language { get; set; }

    public NewsDigestStatus Status { get; set; }

    public required string Title { get; set; }

    /// <summary>The short recap on top, Markdown with links.</summary>
    public required string Recap { get; set; }

    /// <summary>True once a person edited the recap.</summary>
    public bool RecapEdited { get; set; }

    /// <summary>The sections and bullets, JSON.</summary>
    public required string ContentJson { get; set; }

    /// <summary>"TextRank (extractive)" or the configured model (<c>provider/model</c>).</summary>
    public required string SummarizedBy { get; set; }

    public int SourcesRead { get; set; }

    public int ItemsRead { get; set; }

    public int Stories { get; set; }

    public int DuplicatesMerged { get; set; }

    public NewsTags Tags { get; set; }

    /// <summary>Words the archive searches and filters by: tags, models and labs mentioned ("release model:openai/gpt-5 lab:OpenAI …").</summary>
    public string? Keywords { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }
}
