namespace Modelwatch.Data.News;

/// <summary>A news setting kept in the database so every instance sees it (e.g. the first-start offer answered).</summary>
public sealed class NewsSetting
{
    public const int MaxKeyLength = 100;

    public required string Key { get; set; }

    public required string Value { get; set; }
}
