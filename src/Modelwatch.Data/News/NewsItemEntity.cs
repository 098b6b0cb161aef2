namespace Modelwatch.Data.News;

/// <summary>What a mention links to.</summary>
public enum NewsEntityKind
{
    /// <summary>A catalog model (EntityId is its canonical id).</summary>
    Model,

    /// <summary>A lab (EntityId is the catalog's lab name).</summary>
    Lab,
}

/// <summary>An item's mention of a catalog model or lab, found through the catalog's aliases.</summary>
public sealed class NewsItemEntity
{
    public const int MaxEntityIdLength = 256;
    public const int MaxMentionLength = 300;

    public long ItemId { get; set; }

    public NewsEntityKind Kind { get; set; }

    public required string EntityId { get; set; }

    /// <summary>The text that matched (the alias as written in the item).</summary>
    public required string Mention { get; set; }
}
