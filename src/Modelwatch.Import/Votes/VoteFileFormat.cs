namespace Modelwatch.Import.Votes;

/// <summary>The layouts a vote file can have. Each may also be gzip-compressed; that is detected separately.</summary>
public enum VoteFileFormat
{
    /// <summary>Comma-separated values (RFC 4180 quoting) with a header row.</summary>
    Csv,

    /// <summary>One JSON array of vote objects, as FastChat's <c>clean_battle_*.json</c>.</summary>
    JsonArray,

    /// <summary>One JSON vote object per line.</summary>
    JsonLines,

    /// <summary>Apache Parquet, as the Hugging Face arena datasets ship.</summary>
    Parquet,
}
