namespace Modelwatch.News.Digest;

/// <summary>
/// <c>Modelwatch:News:Summarizer</c>: the arena provider and model that write digest summaries. Unset (the default),
/// digests are summarised by TextRank, offline.
/// </summary>
public sealed class SummarizerOptions
{
    public const string Section = "Modelwatch:News:Summarizer";

    /// <summary>The name of a provider under <c>Modelwatch:Arena:Providers</c> (or one stored in the arena).</summary>
    public string? Provider { get; set; }

    /// <summary>The model to ask, e.g. <c>gpt-4.1-mini</c> or <c>qwen3:8b</c>.</summary>
    public string? Model { get; set; }

    /// <summary>Stories summarised at once (requests in flight to the provider).</summary>
    public int MaxParallel { get; set; } = 2;

    /// <summary>Top stories the recap (the summary of summaries) is written from.</summary>
    public int RecapStories { get; set; } = 8;

    /// <summary>Characters of each item's text put in a prompt.</summary>
    public int MaxItemChars { get; set; } = 1500;

    public bool IsSet => !string.IsNullOrWhiteSpace(Provider) && !string.IsNullOrWhiteSpace(Model);
}
