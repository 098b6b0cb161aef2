namespace Modelwatch.Data.News;

/// <summary>What a rule does to the items it matches.</summary>
public enum NewsRuleAction
{
    /// <summary>Hide the item (kept and counted; shown on request).</summary>
    Mute,

    /// <summary>Raise (or, with a negative weight, lower) the item's importance.</summary>
    Boost,
}

/// <summary>A keyword or regular-expression rule over an item's title and text, optionally for one source.</summary>
public sealed class NewsRule
{
    public const int MaxPatternLength = 500;

    public int Id { get; set; }

    public required string Pattern { get; set; }

    public bool IsRegex { get; set; }

    public NewsRuleAction Action { get; set; }

    public double Weight { get; set; } = 1;

    /// <summary>Only items of this source; null for all.</summary>
    public int? SourceId { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}
