namespace Modelwatch.Import.Votes;

/// <summary>How <see cref="VoteFileReader"/> treats a file.</summary>
public sealed record VoteReadOptions
{
    /// <summary>
    /// Skip rows that cannot become a vote (unknown winner, missing model, wrong field count, …) and count them
    /// by reason instead of failing on the first. Damage to the file's structure (truncated gzip, broken JSON,
    /// a Parquet file that cannot be opened) fails either way.
    /// </summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Forces a layout instead of detecting it from the content. Gzip is still detected from the content.</summary>
    public VoteFileFormat? Format { get; init; }
}
